package cn.minzheng.platform.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.openapi.OpenApiTestApplication.CaseRequest;
import cn.minzheng.platform.kit.openapi.OpenApiTestApplication.CaseView;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which record components are required, on a request body and on an answer, with and without the switch. */
class RequiredComponentsTest {

    @ParameterizedTest(name = "required-request-components={0}")
    @CsvSource({
            "false, truthfulnessCommitment",
            "true,  program applicantIdNumber members truthfulnessCommitment",
    })
    void request_bodies_follow_the_switch_and_answers_always_follow_the_record(boolean strictRequests, String expected) {
        Schema<Object> request = properties("program", "applicantIdNumber", "emergencyKind", "note", "members",
                "truthfulnessCommitment");
        RecordComponentsRequired.apply(request, CaseRequest.class);
        Schema<Object> view = properties("number", "status", "submittedAt", "decision", "version", "householdConflict");
        RecordComponentsRequired.apply(view, CaseView.class);

        OpenAPI openApi = new OpenAPI().components(new Components().addSchemas("CaseRequest", request).addSchemas("CaseView", view))
                .paths(new Paths().addPathItem("/api/v1/demo/cases", new PathItem().post(new Operation().operationId("x")
                        .requestBody(new RequestBody().content(json("CaseRequest")))
                        .responses(new ApiResponses().addApiResponse("201", new ApiResponse().description("ok").content(json("CaseView")))))));
        new PlatformOpenApiCustomizer(new OpenApiProperties(null, null, null, null, null, null, null, null, null, strictRequests)
                .forApplication("demo-service"), List.of()).customise(openApi);

        var schemas = openApi.getComponents().getSchemas();
        assertThat(schemas.get("DemoCaseRequest").getRequired()).containsExactlyInAnyOrder(expected.split(" "));
        assertThat(schemas.get("DemoCaseView").getRequired()).containsExactlyInAnyOrder("number", "status", "submittedAt", "version");
        assertThat(schemas.get("DemoCaseRequest").getExtensions()).isNull();
        assertThat(schemas.get("DemoCaseView").getExtensions()).isNull();
    }

    private static Schema<Object> properties(String... names) {
        Schema<Object> schema = Schemas.of("object", null);
        for (String name : names) schema.addProperty(name, Schemas.of("string", null));
        return schema;
    }

    private static Content json(String schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(Schemas.REF_PREFIX + schema)));
    }
}
