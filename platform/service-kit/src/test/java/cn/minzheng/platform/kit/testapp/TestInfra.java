package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.embedded.LocalTokenIssuer;

/**
 * One token issuer per test JVM, started on first use and stopped when the JVM exits, so every
 * Spring context of the suite shares it.
 */
public final class TestInfra {

    private static LocalTokenIssuer issuer;

    private TestInfra() {
    }

    public static synchronized LocalTokenIssuer issuer() {
        if (issuer == null) {
            issuer = LocalTokenIssuer.builder().build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "stop-token-issuer"));
        }
        return issuer;
    }
}
