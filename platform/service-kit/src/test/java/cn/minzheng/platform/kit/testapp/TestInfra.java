package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.embedded.LocalTokenIssuer;

/** The shared embedded infrastructure of the test JVM (broker, Mongo-wire server, token issuer). */
public final class TestInfra {

    private TestInfra() {
    }

    public static EmbeddedInfra infra() {
        return EmbeddedInfra.shared();
    }

    public static LocalTokenIssuer issuer() {
        return EmbeddedInfra.shared().tokenIssuer();
    }
}
