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
            "ApplicationListController, list,   assistanceApplicationList",
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

    /** Two handlers with one id (e.g. both given the same explicit id): the document is refused, naming both. */
    @Test
    void a_duplicate_operation_id_is_refused_naming_both_handlers() {
        var properties = new OpenApiProperties(null, null, null, null, null, null, null, null, null).forApplication("org-service");
        var customizer = new PlatformOpenApiCustomizer(properties, List.of());
        OpenAPI openApi = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/orgs/a", new PathItem().get(new Operation().operationId("orgList").responses(new ApiResponses())))
                .addPathItem("/api/v1/orgs/b", new PathItem().get(new Operation().operationId("orgList").responses(new ApiResponses()))));
        assertThatThrownBy(() -> customizer.customise(openApi))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orgList").hasMessageContaining("/api/v1/orgs/a").hasMessageContaining("/api/v1/orgs/b");

        var lenient = new PlatformOpenApiCustomizer(new OpenApiProperties(null, null, null, null, null, null, null,
                null, false).forApplication("org-service"), List.of());
        OpenAPI again = new OpenAPI().paths(new Paths()
                .addPathItem("/a", new PathItem().get(new Operation().operationId("x").responses(new ApiResponses())))
                .addPathItem("/b", new PathItem().get(new Operation().operationId("x").responses(new ApiResponses()))));
        lenient.customise(again);
        assertThat(again.getPaths()).hasSize(2);
    }

    @Test
    void unknown_query_types_are_refused_at_startup() {
        assertThatThrownBy(() -> new OpenApiProperties(null, null, null, null, null, null, null, Map.of("limit", "number"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minzheng.openapi.query-types.limit");
    }
}
