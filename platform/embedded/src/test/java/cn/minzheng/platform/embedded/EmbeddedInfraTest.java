package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

class EmbeddedInfraTest {

    @Test
    void sharedInfraIsOneInstanceWithStableAddresses() {
        EmbeddedInfra infra = EmbeddedInfra.shared();

        assertThat(EmbeddedInfra.shared()).isSameAs(infra);
        assertThat(infra.mongoUri()).matches("mongodb://127\\.0\\.0\\.1:\\d+").isEqualTo(infra.mongoUri());
        assertThat(infra.mongoUri("assistance")).isEqualTo(infra.mongoUri() + "/assistance");
        assertThat(infra.jwkSetUri()).startsWith("http://127.0.0.1:").endsWith("/.well-known/jwks.json");
        assertThat(infra.issuer()).isEqualTo(infra.tokenIssuer().issuer());
    }

    @Test
    void mintedTokensVerifyAgainstTheSharedJwks() throws Exception {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        DemoUser clerk = DemoUser.all().get(1);

        JWTClaimsSet claims = LocalTokenIssuerTest.verify(infra.tokenIssuer(), infra.mint(clerk));
        JWTClaimsSet custom = LocalTokenIssuerTest.verify(infra.tokenIssuer(),
                infra.mint("s-1", "测试", List.of("AUDITOR"), "421303"));

        assertThat(claims.getSubject()).isEqualTo(clerk.subject());
        assertThat(custom.getStringListClaim("roles")).containsExactly("AUDITOR");
    }

    @Test
    void aStoppedBrokerStaysDownUntilRestartedOnTheSameAddress() {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        String before = infra.bootstrapServers();

        infra.kafka().stop();
        try {
            assertThat(infra.bootstrapServers()).isEqualTo(before);
            assertThat(infra.kafka().isRunning()).as("an outage lasts until the test ends it").isFalse();
        } finally {
            infra.kafka().restart();
        }
        assertThat(infra.kafka().isRunning()).isTrue();
        assertThat(infra.bootstrapServers()).isEqualTo(before);
        assertThat(infra.kafka().topicNames()).isNotNull();
    }
}
