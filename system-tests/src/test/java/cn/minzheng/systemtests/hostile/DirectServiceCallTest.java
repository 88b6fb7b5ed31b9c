package cn.minzheng.systemtests.hostile;

import java.util.List;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
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
 * Issue 14 item 7, defence in depth: someone on the services' network calls a service directly,
 * bypassing the gateway, with a real token of a role the gateway refuses on that route (an inspector
 * reading 低保 cases, a citizen reading organization applications, a clerk searching the audit trail).
 * The gateway answers 403; so does the service itself, with a problem naming what it admits.
 */
@Tag("hostile")
@Order(28)
class DirectServiceCallTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @ParameterizedTest(name = "{1} on {0} {2}: 403 at the gateway and at the service")
    @CsvSource({
        "assistance, INSPECTOR, /api/v1/assistance/applications?region=421303001, 421303",
        "org,        CITIZEN,   /api/v1/orgs/applications,                        421303001",
        "audit,      CLERK,     /api/v1/audit/records?region=421303,              421303001"})
    void aRoleTheGatewayRefusesIsRefusedByTheServiceToo(String service, String role, String path, String region) {
        Platform platform = Platform.get();
        String token = new Tokens(platform).of("direct-" + role.toLowerCase() + "-" + RUN, role, region);
        int port = switch (service) {
            case "assistance" -> platform.ports().assistance();
            case "org" -> platform.ports().org();
            default -> platform.ports().audit();
        };
        Answer viaGateway = Gateway.of(platform).get(path).token(token).send();
        Answer direct = new Gateway("http://127.0.0.1:" + port).get(path).token(token).send();
        RunSummary.hostileInputTried();
        RunSummary.hostileInputTried();
        assertThat(viaGateway.status()).as(viaGateway.toString()).isEqualTo(403);
        assertThat(direct.status()).as("straight to " + service + "-service: " + direct).isEqualTo(403);
        assertThat(direct.isProblem()).as(direct.toString()).isTrue();
        assertThat(direct.body()).as(direct.toString()).doesNotContain(Households.VILLAGE + "-");
    }
}
