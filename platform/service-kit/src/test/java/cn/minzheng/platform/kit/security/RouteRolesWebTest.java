package cn.minzheng.platform.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

/**
 * The gateway's roles per route family, enforced again by the kit ({@code minzheng.security.route-roles}:
 * {@code /api/family/**} → AUDITOR, INSPECTOR), even where the service's own path rule admits any token.
 */
class RouteRolesWebTest extends WebAppTestBase {

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource({
            "AUDITOR,           /api/family/cases,       200",
            "INSPECTOR,         /api/family/cases,       200",
            "CITIZEN INSPECTOR, /api/family/cases,       200",
            "CITIZEN,           /api/family/cases,       403",
            "CLERK,             /api/family/cases,       403",
            "ADMIN,             /api/family/cases,       403",
            // the gateway reads role names exactly: a lower-case name is no role there, so none here
            "auditor,           /api/family/cases,       403",
            "CITIZEN,           /api/family/public/list, 200",
            "-,                 /api/family/public/list, 200",
            "-,                 /api/family/cases,       401",
            "CITIZEN,           /api/me,                 200",
    })
    void aRoleTheGatewayRefusesIsRefusedHereToo(String roles, String path, int status) {
        var request = client().get().uri(path).header("Accept-Language", "zh-CN");
        if (!roles.equals("-")) {
            String token = TestInfra.issuer().mint("family-" + roles.replace(' ', '-'), "张三",
                    Arrays.asList(roles.split(" ")), "421303");
            request = request.headers(h -> h.setBearerAuth(token));
        }
        var result = request.exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult();
        if (status == 403) {
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponseBody()).contains("\"code\":\"role-not-admitted\"")
                    .contains("AUDITOR, INSPECTOR").contains("请使用具有其中一个角色的账号");
        }
    }

    @ParameterizedTest(name = "route-roles {0}")
    @CsvSource({"''", "NOBODY", "auditor"})
    void aFamilyWithoutRolesOrWithAnUnknownRoleIsAConfigurationError(String roles) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KitSecurityProperties.RouteRoles("/api/x/**",
                        roles.isEmpty() ? List.of() : List.of(roles)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
