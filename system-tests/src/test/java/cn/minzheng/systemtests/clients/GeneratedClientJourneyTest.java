package cn.minzheng.systemtests.clients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import cn.minzheng.clients.assistance.ApiClient;
import cn.minzheng.clients.assistance.ApiException;
import cn.minzheng.clients.assistance.ApiResponse;
import cn.minzheng.clients.assistance.api.AssistanceApplicationApi;
import cn.minzheng.clients.assistance.api.AssistanceApplicationListApi;
import cn.minzheng.clients.assistance.model.AssistanceApplicationView;
import cn.minzheng.clients.assistance.model.AssistanceIncome;
import cn.minzheng.clients.assistance.model.AssistanceMember;
import cn.minzheng.clients.assistance.model.AssistanceSubmissionRequest;
import cn.minzheng.clients.assistance.model.Problem;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The typed client a client developer generates from our published OpenAPI documents works (issue 16
 * item 5): module {@code clients} generates it at build time from {@code clients/openapi/*.json}, this
 * test checks that those files are still what the services publish through the gateway, then a
 * citizen and a clerk complete a journey with nothing but the generated classes — a typed submission
 * with its idempotency key, the citizen's list, the clerk's acceptance with the case's ETag as
 * {@code If-Match}, and a refusal read as the typed {@code Problem} with its field pointer.
 */
@Tag("scenario")
@Order(7)
class GeneratedClientJourneyTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Platform platform;
    static Tokens tokens;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        tokens = new Tokens(platform);
    }

    /**
     * The committed document (what the client is generated from) equals the one the service serves,
     * compared with object keys and lists of plain values in order, so an API change without a new
     * client fails here. The served document is written next to the report to copy over the old one.
     */
    @ParameterizedTest(name = "clients/openapi/{0}.json is what {0} publishes")
    @ValueSource(strings = {"assistance-service", "org-service", "audit-service"})
    void theCommittedDocumentIsWhatTheServicePublishes(String service) throws IOException, InterruptedException {
        // the service builds its document on the first request: on a busy machine that can outlast the
        // gateway's 5 s time limit (504), so ask again until it answers
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v3/api-docs/" + service))
                .timeout(Duration.ofSeconds(30)).GET().build();
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            answer.set(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            return answer.get().statusCode() != 503 && answer.get().statusCode() != 504;
        });
        HttpResponse<String> served = answer.get();
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        Path root = Path.of(System.getProperty("system.root", ".."));
        Path committed = root.resolve("clients/openapi/" + service + ".json");
        JsonNode published = normalised(JSON.readTree(served.body()));
        Path copy = root.resolve("system-tests/target/openapi-served/" + service + ".json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(published) + "\n");
        assertThat(committed).as("no client is generated for %s: review %s, then `cp %s %s`", service, copy, copy, committed)
                .exists();
        assertThat(normalised(JSON.readTree(Files.readString(committed))))
                .as("%s changed its API: the generated client is out of date. Review the change, then "
                        + "`cp %s %s` and rebuild `clients`", service, copy, committed)
                .isEqualTo(published);
    }

    @Test
    void aCitizenAndAClerkCompleteAJourneyWithTheGeneratedClient() throws ApiException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient citizen = client(tokens.of("client-citizen-" + run, "CITIZEN", Households.TOWNSHIP));
        ApiClient clerk = client(tokens.of("client-clerk-" + run, "CLERK", Households.TOWNSHIP));
        String self = Households.idNumber(1975);

        AssistanceSubmissionRequest household = new AssistanceSubmissionRequest()
                .program(AssistanceSubmissionRequest.ProgramEnum.DIBAO_URBAN)
                .applicantIdNumber(self)
                .regionCode(Households.VILLAGE)
                .truthfulnessCommitment(true)
                .addMembersItem(member("王一", self, AssistanceMember.RelationEnum.SELF, "900.00"))
                .addMembersItem(member("王二", Households.idNumber(2012), AssistanceMember.RelationEnum.CHILD, null));
        String key = "client-journey-" + run;
        AssistanceApplicationApi citizenApi = new AssistanceApplicationApi(citizen);
        AssistanceApplicationView submitted = submit(citizenApi, household, key);
        assertThat(submitted.getStatus()).isEqualTo("SUBMITTED");
        assertThat(submitted.getNumber()).startsWith(Households.VILLAGE);
        // the same key again is the same case, never a second one
        assertThat(submit(citizenApi, household, key).getNumber()).isEqualTo(submitted.getNumber());

        assertThat(new AssistanceApplicationListApi(citizen).assistanceApplicationListMine(null, 50).getItems())
                .as("the citizen's own cases").anySatisfy(item -> assertThat(item.getNumber()).isEqualTo(submitted.getNumber()));

        AssistanceApplicationApi clerkApi = new AssistanceApplicationApi(clerk);
        ApiResponse<AssistanceApplicationView> read = clerkApi.assistanceApplicationGetWithHttpInfo(submitted.getNumber());
        String etag = header(read.getHeaders(), "etag");
        assertThat(etag).as("the case's ETag").isNotBlank();
        AssistanceApplicationView accepted = clerkApi.assistanceApplicationAccept(submitted.getNumber(), etag, Map.of());
        assertThat(accepted.getStatus()).isEqualTo("ACCEPTED");

        // a stale ETag is refused (someone changed the case), read as the typed problem
        assertThatThrownBy(() -> clerkApi.assistanceApplicationAccept(submitted.getNumber(), etag, Map.of()))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isIn(409, 412));

        // an ID number one digit short: refused before anything is stored, the field named
        String tooShort = Households.idNumber(1976).substring(0, 17);
        AssistanceSubmissionRequest wrongId = household.applicantIdNumber(tooShort)
                .members(List.of(member("王一", tooShort, AssistanceMember.RelationEnum.SELF, "900.00")));
        assertThatThrownBy(() -> citizenApi.assistanceApplicationSubmit(wrongId, "client-journey-bad-" + run))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(400);
                    Problem problem = problem(citizen, refused);
                    assertThat(problem.getErrors()).as(refused.getResponseBody())
                            .anySatisfy(error -> assertThat(error.getPointer()).isIn("/applicantIdNumber", "/members/0/idNumber"));
                });
    }

    /**
     * What a client of an idempotent POST does when the platform is busy (503, 504) or still working on
     * the first attempt (409 idempotency-in-flight): the same request with the same key again, until it
     * has the one answer — the first submission of a freshly started stack can outlast the gateway's 5 s.
     */
    private static AssistanceApplicationView submit(AssistanceApplicationApi api, AssistanceSubmissionRequest body, String key) {
        AtomicReference<AssistanceApplicationView> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                answer.set(api.assistanceApplicationSubmit(body, key));
                return true;
            } catch (ApiException busy) {
                if (busy.getCode() == 503 || busy.getCode() == 504
                        || busy.getCode() == 409 && String.valueOf(busy.getResponseBody()).contains("idempotency-in-flight")) {
                    return false;
                }
                throw busy;
            }
        });
        return answer.get();
    }

    private static AssistanceMember member(String name, String id, AssistanceMember.RelationEnum relation, String wages) {
        AssistanceMember member = new AssistanceMember().name(name).idNumber(id).relation(relation)
                .labourCapacity(AssistanceMember.LabourCapacityEnum.FULL).disabilityGrade(0)
                .authorizationSigned(true).assets(List.of());
        return member.incomes(wages == null ? List.of()
                : List.of(new AssistanceIncome().category(AssistanceIncome.CategoryEnum.WAGES).monthlyAmount(wages)));
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static Problem problem(ApiClient client, ApiException refused) {
        try {
            return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem document: " + refused.getResponseBody(), e);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    /** Object keys sorted, lists of plain values sorted; lists of objects keep their order. */
    static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            node.propertyNames().stream().sorted().forEach(name -> sorted.set(name, normalised(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode list = JSON.createArrayNode();
            boolean plain = true;
            for (JsonNode item : node) {
                plain &= item.isValueNode();
            }
            if (plain) {
                List<JsonNode> items = new java.util.ArrayList<>();
                node.forEach(items::add);
                items.sort(java.util.Comparator.comparing(JsonNode::toString));
                items.forEach(list::add);
            } else {
                node.forEach(item -> list.add(normalised(item)));
            }
            return list;
        }
        return node;
    }
}
