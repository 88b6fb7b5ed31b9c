package cn.minzheng.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which organization an event's data names, per the shapes org-service publishes (OrgEventFactory). */
class OrganizationKeysTest {

    static final String ORG = "ORG-6f1c";
    static final String CODE = "51421303MJ0000001A";

    static Stream<Arguments> shapes() {
        return Stream.of(
                // registration application (subject APP-…): published under the organization aggregate
                Arguments.of("application", Map.of("aggregateId", ORG, "aggregateType", "organization", "applicationId", "APP-1",
                        "orgType", "SOCIAL_GROUP"), List.of(ORG), null),
                // organization event: standing fields with the credit code
                Arguments.of("organization", Map.of("aggregateId", ORG, "aggregateType", "organization", "organizationId", ORG,
                        "creditCode", CODE, "name", "某某协会"), List.of(ORG), CODE),
                // annual report (subject ORG-…-2025), enforcement case, credit-list entry: organizationId attribute
                Arguments.of("annual report", Map.of("aggregateId", ORG + "-2025", "aggregateType", "annual-report",
                        "organizationId", ORG, "year", 2025), List.of(ORG), null),
                Arguments.of("enforcement case", Map.of("aggregateId", "EC-1", "aggregateType", "enforcement-case",
                        "organizationId", ORG), List.of(ORG), null),
                // spot-check result: in changes
                Arguments.of("spot-check result", Map.of("aggregateId", "SC-1", "aggregateType", "spot-check",
                        "changes", Map.of("organizationId", ORG, "inspectorId", "i-1")), List.of(ORG), null),
                // a plan drawn for many organizations, an inspection campaign: none
                Arguments.of("spot-check plan", Map.of("aggregateId", "SC-1", "aggregateType", "spot-check",
                        "selected", List.of(ORG)), List.of(), null),
                Arguments.of("inspection campaign", Map.of("aggregateId", "421303-2025", "aggregateType", "inspection-campaign"),
                        List.of(), null),
                // a credit code without an organization id beside it is not an alias; a malformed one neither
                Arguments.of("code alone", Map.of("creditCode", CODE), List.of(), null),
                Arguments.of("bad code", Map.of("organizationId", ORG, "creditCode", "51421303MJ000000IA"), List.of(ORG), null),
                Arguments.of("blank id", Map.of("organizationId", " ", "aggregateType", "organization"), List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void organizationsAndCreditCodeOfAnEvent(String what, Map<String, Object> data, List<String> ids, String code) {
        assertThat(OrganizationKeys.organizationIds(data)).containsExactlyElementsOf(ids);
        assertThat(OrganizationKeys.creditCode(data)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} is a credit code: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"51421303MJ0000001A, true", "ORG-6f1c, false", "51421303MJ000000, false",
        "51421303mj0000001a, false", "51421303MJ0000001I, false"})
    void creditCodesAreTold(String key, boolean creditCode) {
        assertThat(OrganizationKeys.isCreditCode(key)).isEqualTo(creditCode);
    }
}
