package cn.minzheng.systemtests.hostile;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 7: a token the platform's own issuer signed, with the right role and region, but
 * minted for another application (another {@code aud}, or none) is refused — by the gateway and by
 * each service called directly — with 401, while the same person's platform token is served.
 */
@Tag("hostile")
@Order(30)
class TokenAudienceTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @ParameterizedTest(name = "aud {0} on {1}: 401 at the gateway and at the service")
    @CsvSource(delimiter = '|', value = {
        "''                  | assistance | CLERK   | /api/v1/assistance/applications?region=421303001 | 421303001",
        "account             | assistance | CLERK   | /api/v1/assistance/applications?region=421303001 | 421303001",
        "minzheng-console    | org        | REGISTRAR | /api/v1/orgs/applications                      | 421303",
        "account             | audit      | AUDITOR | /api/v1/audit/chains                             | 421303"})
    void aTokenForAnotherAudienceIsRefusedEverywhere(String audience, String service, String role, String path, String region) {
        Platform platform = Platform.get();
        Tokens tokens = new Tokens(platform);
        String sub = "aud-" + service + "-" + RUN;
        List<String> aud = audience.isBlank() ? List.of() : Arrays.asList(audience.split(","));
        String foreign = tokens.forAudience(sub, role, region, aud);
        String own = tokens.of(sub, role, region);
        int port = switch (service) {
            case "assistance" -> platform.ports().assistance();
            case "org" -> platform.ports().org();
            default -> platform.ports().audit();
        };
        Gateway direct = new Gateway("http://127.0.0.1:" + port);

        Answer viaGateway = Gateway.of(platform).get(path).token(foreign).send();
        Answer straight = direct.get(path).token(foreign).send();
        RunSummary.hostileInputTried();
        RunSummary.hostileInputTried();
        assertThat(viaGateway.status()).as("gateway: " + viaGateway).isEqualTo(401);
        assertThat(viaGateway.isProblem()).as(viaGateway.toString()).isTrue();
        assertThat(straight.status()).as("straight to " + service + "-service: " + straight).isEqualTo(401);
        assertThat(straight.isProblem()).as(straight.toString()).isTrue();

        Answer served = Gateway.of(platform).get(path).token(own).send();
        assertThat(served.status()).as("the same person's platform token: " + served).isEqualTo(200);
    }
}
