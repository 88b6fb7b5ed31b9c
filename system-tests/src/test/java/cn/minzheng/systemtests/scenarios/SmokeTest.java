package cn.minzheng.systemtests.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The devstack smoke test: every service registered and healthy; a real token reaches each service. */
@Tag("scenario")
@Order(1)
class SmokeTest {

    static Platform platform;
    static Gateway gateway;
    static Tokens tokens;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        gateway = Gateway.of(platform);
        tokens = new Tokens(platform);
    }

    @ParameterizedTest(name = "{0} is registered in Eureka with an instance UP")
    @CsvSource({"assistance-service", "org-service", "audit-service", "gateway"})
    void everyServiceIsRegisteredAndUp(String service) {
        Answer apps = new Gateway(platform.registryUrl()).get("/eureka/apps").header("Accept", "application/json").send();
        assertThat(apps.status()).as(apps.toString()).isEqualTo(200);
        List<String> up = new ArrayList<>();
        for (JsonNode app : apps.json().path("applications").path("application")) {
            for (JsonNode instance : app.path("instance")) {
                if ("UP".equals(instance.path("status").asString())) {
                    up.add(app.path("name").asString().toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(up).as("applications UP in Eureka").contains(service);
    }

    @ParameterizedTest(name = "a {1} token passes the gateway to {0}")
    @CsvSource({
        "/api/v1/assistance/applications/mine, CITIZEN,  421303001, smoke-citizen",
        "/api/v1/assistance/standards,         CLERK,    421303001, smoke-clerk",
        "/api/v1/orgs/applications,            REGISTRAR, 421303,   smoke-registrar",
        "/api/v1/audit/chains,                 AUDITOR,  421303,    smoke-auditor"})
    void aTokenFromTheIssuerReachesEachService(String path, String role, String region, String sub) {
        Answer answer = gateway.get(path).token(tokens.of(sub, role, region)).send();
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/json");
        Answer anonymous = gateway.get(path).send();
        assertThat(anonymous.status()).as("without a token: " + anonymous).isEqualTo(401);
        assertThat(anonymous.isProblem()).as(anonymous.toString()).isTrue();
    }
}
