package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemaValidatorTest {

    private static final EventSchemaValidator VALIDATOR = EventSchemaValidator.shared();

    static Stream<EventType> catalogue() {
        return EventTypes.ALL.stream();
    }

    /** The type's schema document, read as plain JSON. */
    private static JsonNode schemaOf(EventType type) {
        try (InputStream in = EventSchemaValidatorTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema resource %s", type.schemaResource()).isNotNull();
            return EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode exampleOf(EventType type) {
        JsonNode examples = schemaOf(type).get("examples");
        assertThat(examples).as("examples of %s", type).isNotNull();
        return (ObjectNode) examples.get(0).deepCopy();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyTypeHasASchemaNamedAfterIt(EventType type) {
        JsonNode schema = schemaOf(type);

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo(EventSchemaValidator.SCHEMA_ID_PREFIX + type.name() + ".schema.json");
        assertThat(schema.get("title").asString()).isEqualTo(type.name());
        assertThat(schema.at("/properties/aggregateType/const").asString()).isEqualTo(type.aggregate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theSchemaCompilesAndAcceptsItsExample(EventType type) {
        assertThat(VALIDATOR.validate(type.name(), exampleOf(type))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theSchemaRejectsDataWithoutTheCommonFields(EventType type) {
        ObjectNode noId = exampleOf(type);
        noId.remove("aggregateId");
        ObjectNode wrongAggregate = exampleOf(type);
        wrongAggregate.put("aggregateType", "something-else");
        ObjectNode changesNotAnObject = exampleOf(type);
        changesNotAnObject.put("changes", "status");
        ObjectNode statusNotAString = exampleOf(type);
        statusNotAString.put("toStatus", 3);

        assertThat(VALIDATOR.validate(type.name(), noId)).extracting(SchemaViolation::keyword).contains("required");
        assertThat(VALIDATOR.validate(type.name(), wrongAggregate)).extracting(SchemaViolation::path).contains("/aggregateType");
        assertThat(VALIDATOR.validate(type.name(), changesNotAnObject)).extracting(SchemaViolation::path).contains("/changes");
        assertThat(VALIDATOR.validate(type.name(), statusNotAString)).extracting(SchemaViolation::path).contains("/toStatus");
    }

    static Stream<Arguments> requiredExtraFields() {
        return EventTypes.ALL.stream().flatMap(type -> {
            JsonNode required = schemaOf(type).get("required");
            if (required == null) {
                return Stream.empty();
            }
            return required.valueStream().map(field -> Arguments.of(type, field.asString()));
        });
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("requiredExtraFields")
    void everyFieldATypeRequiresIsReallyRequired(EventType type, String field) {
        ObjectNode data = exampleOf(type);
        data.remove(field);

        assertThat(VALIDATOR.validate(type.name(), data))
                .anySatisfy(v -> assertThat(v.message()).contains(field));
    }

    @Test
    void theFieldsTheContractNamesAreRequiredWhereTheyMatter() {
        assertThat(requiredOf(EventTypes.ORGANIZATION_REGISTRATION_APPROVED)).contains("creditCode");
        assertThat(requiredOf(EventTypes.APPLICATION_APPROVED)).contains("monthlyAmountFen", "calculation");
        for (String type : List.of(EventTypes.SECURITY_UNAUTHORIZED, EventTypes.SECURITY_FORBIDDEN, EventTypes.SECURITY_RATE_LIMITED)) {
            assertThat(requiredOf(type)).contains("status", "path", "method", "clientKey");
        }
    }

    private static Set<String> requiredOf(String type) {
        return schemaOf(EventTypes.find(type).orElseThrow()).get("required").valueStream()
                .map(JsonNode::asString).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
        "minzheng.org.organization.registration-approved.v1 | creditCode       | \"53100000MJ0065049\"",
        "minzheng.org.organization.registration-approved.v1 | creditCode       | \"53100000MJ0065049I\"",
        "minzheng.org.organization.registration-approved.v1 | creditCode       | null",
        "minzheng.assistance.application.approved.v1        | monthlyAmountFen | -1",
        "minzheng.assistance.application.approved.v1        | monthlyAmountFen | 1360.5",
        "minzheng.assistance.application.approved.v1        | monthlyAmountFen | \"136000\"",
        "minzheng.assistance.application.approved.v1        | calculation      | []",
        "minzheng.assistance.application.denied.v1          | reason           | null",
        "minzheng.assistance.application.denied.v1          | reason           | \"\"",
        "minzheng.assistance.application.home-visit-recorded.v1 | visitors     | [\"only-one\"]",
        "minzheng.assistance.application.publicity-started.v1 | endDate        | \"2026-13-01\"",
        "minzheng.assistance.standard.added.v1              | regionCode       | \"4213\"",
        "minzheng.gateway.security.unauthorized.v1          | status           | 403",
        "minzheng.gateway.security.rate-limited.v1          | method           | \"get\"",
        "minzheng.org.spot-check.plan-drawn.v1              | seed             | 42",
        "minzheng.org.spot-check.plan-drawn.v1              | populationDigest | \"not-a-digest\"",
        "minzheng.assistance.application.accepted.v1        | dueDate          | \"2026-02-30x\"",
        "minzheng.assistance.application.accepted.v1        | dueBasis         | \"WHENEVER\"",
        "minzheng.org.organization.registration-accepted.v1 | limitWorkingDays | 0",
        "minzheng.org.organization.registration-accepted.v1 | statutoryDueDate | 20260101",
        "minzheng.org.organization.registration-accepted.v1 | limitUnit        | \"FORTNIGHTS\"",
        "minzheng.assistance.application.publicity-completed.v1 | dueDate      | \"15 working days\"",
        "minzheng.assistance.application.accepted.v1        | dueDateProvisional | \"yes\"",
        "minzheng.org.enforcement-case.hearing-scheduled.v1 | hearingDate      | \"next week\"",
        "minzheng.org.enforcement-case.hearing-scheduled.v1 | place            | \"\"",
        "minzheng.org.credit-list-entry.listed.v1           | list             | \"GREY\"",
        "minzheng.org.credit-list-entry.listed.v1           | ground           | \"late report\"",
        "minzheng.org.credit-list-entry.removed.v1          | removal          | \"FORGOTTEN\"",
        "minzheng.org.credit-list-entry.removed.v1          | reason           | null",
        "minzheng.org.credit-list-entry.period-restarted.v1 | list             | \"ABNORMAL\"",
        "minzheng.org.organization.change-restricted.v1     | restrictedUntilRectified | \"yes\"",
        "minzheng.org.listing-notice.issued.v1              | respondBy        | \"in ten days\"",
        "minzheng.org.listing-notice.issued.v1              | list             | \"GREY\"",
        "minzheng.org.listing-notice.issued.v1              | responseWorkingDays | 0",
        "minzheng.org.listing-notice.response-filed.v1      | statement        | \"\"",
        "minzheng.org.listing-notice.response-rejected.v1   | reasons          | \"\"",
        "minzheng.org.listing-notice.listed.v1              | after            | \"WHENEVER\"",
        "minzheng.org.inspection-task.opened.v1             | ground           | \"LATE_ANNUAL_REPORT\"",
        "minzheng.org.inspection-task.closed.v1             | dormant          | \"yes\"",
        "minzheng.org.inspection-campaign.swept.v1          | year             | \"2025\"",
    })
    void knownFieldsAreTypeChecked(String typeName, String field, String json) {
        EventType type = EventTypes.find(typeName).orElseThrow();
        ObjectNode data = exampleOf(type);
        data.set(field, EventJson.MAPPER.readTree(json));

        assertThat(VALIDATOR.validate(typeName, data)).extracting(SchemaViolation::path).contains("/" + field);
    }

    @Test
    void anEscalatedRemovalNamesTheEntryThatContinuesIt() {
        String type = EventTypes.CREDIT_LIST_ENTRY_REMOVED;
        ObjectNode escalated = exampleOf(EventTypes.find(type).orElseThrow());
        ObjectNode withoutSuccessor = escalated.deepCopy();
        withoutSuccessor.remove("escalatedTo");
        ObjectNode periodEnded = withoutSuccessor.deepCopy();
        periodEnded.put("removal", "PERIOD_ENDED");

        assertThat(VALIDATOR.validate(type, escalated)).isEmpty();
        assertThat(VALIDATOR.validate(type, withoutSuccessor)).isNotEmpty();
        assertThat(VALIDATOR.validate(type, periodEnded)).isEmpty();
    }

    @Test
    void aDrawNamesItsPopulationByListOrBySizeAndDigest() {
        String type = EventTypes.SPOT_CHECK_PLAN_DRAWN;
        ObjectNode listed = exampleOf(EventTypes.find(type).orElseThrow());
        ObjectNode digested = listed.deepCopy();
        digested.remove("population");
        digested.put("populationSize", 100_000);
        digested.put("populationDigest", "a".repeat(64));
        ObjectNode neither = digested.deepCopy();
        neither.remove("populationDigest");

        assertThat(VALIDATOR.validate(type, listed)).isEmpty();
        assertThat(VALIDATOR.validate(type, digested)).isEmpty();
        assertThat(VALIDATOR.validate(type, neither)).isNotEmpty();
    }

    /** Issue 18: the sweep serves 拟列入告知; its progress names them, the old abnormalListed count is gone. */
    @Test
    void aSweepCountsListingNoticesNotListings() {
        String type = EventTypes.INSPECTION_CAMPAIGN_SWEPT;
        ObjectNode swept = exampleOf(EventTypes.find(type).orElseThrow());
        ObjectNode old = swept.deepCopy();
        ObjectNode changes = (ObjectNode) old.get("changes");
        changes.set("abnormalListed", changes.remove("listingNoticesIssued"));

        assertThat(VALIDATOR.validate(type, swept)).isEmpty();
        assertThat(VALIDATOR.validate(type, old)).extracting(SchemaViolation::path).anySatisfy(p -> assertThat(p).startsWith("/changes"));
    }

    @Test
    void aListingFollowsAnUnansweredOrRejectedNoticeOnly() {
        String type = EventTypes.LISTING_NOTICE_LISTED;
        ObjectNode unanswered = exampleOf(EventTypes.find(type).orElseThrow());
        ObjectNode rejected = unanswered.deepCopy();
        rejected.put("fromStatus", "REJECTED").put("after", "RESPONSE_REJECTED");
        ObjectNode fromResponded = unanswered.deepCopy();
        fromResponded.put("fromStatus", "RESPONDED");

        assertThat(VALIDATOR.validate(type, unanswered)).isEmpty();
        assertThat(VALIDATOR.validate(type, rejected)).isEmpty();
        assertThat(VALIDATOR.validate(type, fromResponded)).extracting(SchemaViolation::path).contains("/fromStatus");
    }

    @Test
    void acceptanceCarriesItsDueDateAndAnOldAcceptanceWithoutOneStaysValid() {
        for (String type : List.of(EventTypes.APPLICATION_ACCEPTED, EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED)) {
            ObjectNode data = exampleOf(EventTypes.find(type).orElseThrow());
            assertThat(data.get("dueDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(VALIDATOR.validate(type, data)).isEmpty();
            data.remove(List.of("dueDate", "dueBasis", "limitWorkingDays", "statutoryDueDate"));
            assertThat(VALIDATOR.validate(type, data)).isEmpty();
        }
    }

    @Test
    void aValueTheSchemaLibraryCannotCheckIsAViolationNotAnException() {
        EventType type = EventTypes.find(EventTypes.APPLICATION_APPROVED).orElseThrow();
        ObjectNode data = exampleOf(type);
        data.put("monthlyAmountFen", 9.273726921930789E18);

        assertThat(VALIDATOR.validate(type.name(), data)).isNotEmpty();
    }

    @Test
    void producersMayAddDetail() {
        EventType type = EventTypes.find(EventTypes.APPLICATION_APPROVED).orElseThrow();
        ObjectNode data = exampleOf(type);
        data.put("paymentStartMonth", "2026-04");
        data.putObject("household").put("size", 2);

        assertThat(VALIDATOR.validate(type.name(), data)).isEmpty();
    }

    @Test
    void unknownTypeHasNoSchema() {
        List<SchemaViolation> violations = VALIDATOR.validate("minzheng.assistance.application.teleported.v1",
                EventJson.MAPPER.createObjectNode());

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("catalogue");
            assertThat(v.message()).contains("no schema for type");
        });
    }

    @Test
    void aWellFormedEventIsValid() {
        EventEnvelope event = SampleEvents.approved();

        assertThat(VALIDATOR.validate(event)).isEmpty();
        VALIDATOR.assertValid(event);
    }

    static Stream<Arguments> invalidEnvelopes() {
        EventEnvelope ok = SampleEvents.approved();
        return Stream.of(
                Arguments.of("region not a 行政区划 code", ok.toBuilder().regionCode("42").build(), "/regioncode"),
                Arguments.of("role nobody has", ok.toBuilder().actor("u1", "SUPERUSER").build(), "/actorrole"),
                Arguments.of("id in upper case", ok.toBuilder().id(ok.id().toUpperCase()).build(), "/id"),
                Arguments.of("source of another service", ok.toBuilder().source("/minzheng/org").build(), "/source"),
                Arguments.of("data missing a required field",
                        ok.toBuilder().data(EventData.of("A-1", "application").transition("X", "APPROVED")).build(),
                        "/data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void envelopeAttributesAreChecked(String name, EventEnvelope event, String path) {
        assertThat(VALIDATOR.validate(event)).extracting(SchemaViolation::path).anyMatch(p -> p.startsWith(path));
    }

    @Test
    void anEnvelopeOfAnUncataloguedTypeIsInvalid() {
        EventEnvelope ok = SampleEvents.approved();
        EventEnvelope unknown = new EventEnvelope(ok.id(), ok.source(), "minzheng.assistance.application.teleported.v1",
                ok.subject(), ok.time(), ok.actorId(), ok.actorRole(), ok.regionCode(), ok.aggregateVersion(), null,
                ok.data());

        assertThat(VALIDATOR.validate(unknown)).extracting(SchemaViolation::path).containsExactly("/type");
    }

    @Test
    void assertValidListsEveryViolation() {
        EventEnvelope event = SampleEvents.approved().toBuilder().regionCode("42")
                .data(EventData.of("A-1", "application")).build();

        assertThatThrownBy(() -> VALIDATOR.assertValid(event))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/regioncode")
                .hasMessageContaining("monthlyAmountFen")
                .hasMessageContaining("calculation");
    }

    @Test
    void everySchemaFileBelongsToACataloguedType() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", EventSchemaValidator.SCHEMA_DIRECTORY))) {
            Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            Set<String> expected = EventTypes.ALL.stream().map(t -> t.name() + ".schema.json").collect(Collectors.toSet());
            expected.add("common.schema.json");
            expected.add("envelope.schema.json");

            assertThat(names).isEqualTo(expected);
        }
    }
}
