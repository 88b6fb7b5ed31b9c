package cn.minzheng.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.gateway.access.RouteAccess.Decision;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteAccessTest {

    private static final RouteAccess AUDIT = RouteAccess.fromMetadata(Map.of("roles", "AUDITOR, ADMIN"));
    private static final RouteAccess PUBLIC = RouteAccess.fromMetadata(Map.of("public", true));
    private static final RouteAccess UNDECLARED = RouteAccess.fromMetadata(Map.of());

    @ParameterizedTest(name = "{0} route, authenticated={1}, roles={2} -> {3}")
    @CsvSource({
            "audit,      false, '',                 UNAUTHENTICATED",
            "audit,      true,  CITIZEN,            FORBIDDEN",
            "audit,      true,  '',                 FORBIDDEN",
            "audit,      true,  AUDITOR,            ALLOW",
            "audit,      true,  CLERK ADMIN,        ALLOW",
            "audit,      true,  auditor,            FORBIDDEN",
            "public,     false, '',                 ALLOW",
            "public,     true,  CITIZEN,            ALLOW",
            "undeclared, true,  ADMIN,              FORBIDDEN",
            "undeclared, false, '',                 UNAUTHENTICATED",
    })
    void decides(String route, boolean authenticated, String roles, Decision expected) {
        RouteAccess access = switch (route) {
            case "audit" -> AUDIT;
            case "public" -> PUBLIC;
            default -> UNDECLARED;
        };
        List<String> callerRoles = roles.isBlank() ? List.of() : Arrays.asList(roles.trim().split("\\s+"));
        assertThat(access.decide(authenticated, callerRoles)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "roles declared as {0}")
    @CsvSource(delimiter = '|', value = {"string|AUDITOR,ADMIN", "list|AUDITOR,ADMIN", "indexed map|AUDITOR,ADMIN"})
    void readsRolesInEveryShapeYamlBindsThem(String shape, String expected) {
        Object declared = switch (shape) {
            case "string" -> "AUDITOR, ADMIN";
            case "list" -> List.of("AUDITOR", "ADMIN");
            default -> Map.of("0", "AUDITOR", "1", "ADMIN");
        };
        assertThat(RouteAccess.fromMetadata(Map.of("roles", declared)).roles())
                .isEqualTo(Set.of(expected.split(",")));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "'true', true", "false, false", "yes, false"})
    void publicFlag(String value, boolean open) {
        assertThat(RouteAccess.fromMetadata(Map.of("public", value)).open()).isEqualTo(open);
    }
}
