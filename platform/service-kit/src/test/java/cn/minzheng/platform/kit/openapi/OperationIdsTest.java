package cn.minzheng.platform.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

    static class ApplicationController {
        public void submit() { }
        public void list() { }
    }

    static class ApplicationListController {
        public void list() { }
        public void due() { }
    }

    static class PublicityController {
        public void list() { }
    }

    @ParameterizedTest(name = "{0}.{1} → {2}")
    @CsvSource({
            "ApplicationController,     submit, assistanceApplicationSubmit",
            "ApplicationController,     list,   assistanceApplicationList",
            "ApplicationListController, list,   assistanceApplicationListList",
            "ApplicationListController, due,    assistanceApplicationListDue",
            "PublicityController,       list,   assistancePublicityList",
    })
    void ids_come_from_the_controller_and_the_method(String controller, String method, String id) throws Exception {
        Class<?> type = Class.forName(OperationIdsTest.class.getName() + "$" + controller);
        assertThat(OperationIds.of("assistance", type, type.getMethod(method), null)).isEqualTo(id);
        assertThat(OperationIds.of("assistance", type, type.getMethod(method), "")).isEqualTo(id);
    }

    @Test
    void an_id_the_handler_gives_itself_is_kept_after_the_prefix() throws Exception {
        assertThat(OperationIds.of("org", PublicityController.class, PublicityController.class.getMethod("list"), "searchPublic"))
                .isEqualTo("orgSearchPublic");
        assertThat(OperationIds.tag("org", ApplicationListController.class)).isEqualTo("org-application-list");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"assistance-service, assistance", "org-service, org", "audit-service, audit",
            "social-org-service, socialOrg", "Gateway, gateway", "---, service"})
    void the_default_prefix_is_the_application_name_without_service(String applicationName, String prefix) {
        assertThat(OpenApiProperties.defaultPrefix(applicationName)).isEqualTo(prefix);
    }

    /** Two handlers with one id (e.g. both given the same explicit id): strict, the document is refused, naming both. */
    @Test
    void a_duplicate_operation_id_is_refused_naming_both_handlers_when_strict() {
        var strict = new PlatformOpenApiCustomizer(new OpenApiProperties(null, null, null, null, null, null, null, null, true, null)
                .forApplication("org-service"), List.of());
        OpenAPI openApi = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/orgs/a", new PathItem().get(new Operation().operationId("orgList").responses(new ApiResponses())))
                .addPathItem("/api/v1/orgs/b", new PathItem().post(new Operation().operationId("orgList").responses(new ApiResponses()))));
        assertThatThrownBy(() -> strict.customise(openApi))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orgList").hasMessageContaining("GET /api/v1/orgs/a").hasMessageContaining("POST /api/v1/orgs/b");
    }

    /** Not strict (the default): each such id gets its HTTP method; two of one method cannot be told apart and are refused. */
    @Test
    void by_default_a_duplicate_gets_the_http_method_and_a_duplicate_of_one_method_is_still_refused() {
        var lenient = new PlatformOpenApiCustomizer(new OpenApiProperties(null, null, null, null, null, null, null, null,
                null, null).forApplication("audit-service"), List.of());
        Operation post = new Operation().operationId("auditIntegrityVerify").responses(new ApiResponses());
        Operation get = new Operation().operationId("auditIntegrityVerify").responses(new ApiResponses());
        lenient.customise(new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/audit/verifications", new PathItem().post(post))
                .addPathItem("/api/v1/audit/chains/{chain}/verification", new PathItem().get(get))));
        assertThat(post.getOperationId()).isEqualTo("auditIntegrityVerifyPost");
        assertThat(get.getOperationId()).isEqualTo("auditIntegrityVerifyGet");

        OpenAPI twoGets = new OpenAPI().paths(new Paths()
                .addPathItem("/a", new PathItem().get(new Operation().operationId("x").responses(new ApiResponses())))
                .addPathItem("/b", new PathItem().get(new Operation().operationId("x").responses(new ApiResponses()))));
        assertThatThrownBy(() -> lenient.customise(twoGets)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("xGet");
    }

    @Test
    void unknown_query_types_are_refused_at_startup() {
        assertThatThrownBy(() -> new OpenApiProperties(null, null, null, null, null, null, null, Map.of("limit", "number"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minzheng.openapi.query-types.limit");
    }
}
