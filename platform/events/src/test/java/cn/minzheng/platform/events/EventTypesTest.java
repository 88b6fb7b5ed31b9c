package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventTypesTest {

    static Stream<EventType> catalogue() {
        return EventTypes.ALL.stream();
    }

    @Test
    void catalogueHoldsEveryTypeOfTheContract() {
        assertThat(EventTypes.onTopic(Topics.ASSISTANCE_EVENTS)).hasSize(33);
        assertThat(EventTypes.onTopic(Topics.ORG_EVENTS)).hasSize(53);
        assertThat(EventTypes.onTopic(Topics.AUDIT_EVENTS)).hasSize(2);
        assertThat(EventTypes.onTopic(Topics.GATEWAY_SECURITY_EVENTS)).hasSize(3);
        assertThat(EventTypes.ALL).hasSize(91).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyTypeIsNamedAfterItsServiceAndPublishedOnThatServicesTopic(EventType type) {
        assertThat(type.name()).isEqualTo(
                "minzheng." + type.service() + "." + type.aggregate() + "." + type.event() + ".v" + type.version());
        assertThat(Topics.ALL).contains(type.topic());
        assertThat(type.topic()).startsWith(type.service() + ".");
        assertThat(EventTypes.find(type.name())).contains(type);
        assertThat(type.source()).isEqualTo("/minzheng/" + type.service());
    }

    /** Issue 16 item 4: the trail shows every type's Chinese name beside its code. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyTypeHasAChineseName(EventType type) {
        assertThat(EventTypes.chineseName(type.name()))
                .as("a Chinese name for %s in %s", type.name(), EventTypes.NAMES_RESOURCE)
                .hasValueSatisfying(name -> assertThat(name).isNotBlank().containsPattern("\\p{IsHan}")
                        .doesNotContainPattern("[A-Za-z]"));
        assertThat(EventTypes.displayName(type.name())).isEqualTo(EventTypes.chineseName(type.name()).get());
    }

    @Test
    void onlyCataloguedTypesAreNamed() {
        assertThat(EventTypes.namedTypes()).containsExactlyInAnyOrderElementsOf(
                EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @ParameterizedTest
    @CsvSource({
        "minzheng.assistance.application.accepted.v1, 受理申请",
        "minzheng.org.organization.registration-approved.v1, 准予成立登记",
        "minzheng.org.enforcement-case.legal-review-completed.v1, 完成法制审核",
        "minzheng.org.listing-notice.issued.v1, 拟列入告知",
        "minzheng.org.inspection-task.closed.v1, 完成核查任务",
        "minzheng.assistance.application.teleported.v1, minzheng.assistance.application.teleported.v1",
        "not-a-type, not-a-type",
    })
    void displayNameIsTheChineseNameOrTheCode(String type, String shown) {
        assertThat(EventTypes.displayName(type)).isEqualTo(shown);
    }

    @Test
    void noNameForNothing() {
        assertThat(EventTypes.chineseName(null)).isEmpty();
        assertThat(EventTypes.displayName(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "minzheng.assistance.application.submitted.v1, assistance.events",
        "minzheng.assistance.standard.added.v1, assistance.events",
        "minzheng.org.organization.registration-approved.v1, org.events",
        "minzheng.org.enforcement-case.legal-review-completed.v1, org.events",
        "minzheng.audit.timeline.read.v1, audit.events",
        "minzheng.gateway.security.rate-limited.v1, gateway.security-events",
    })
    void topicOfKnownTypes(String type, String topic) {
        assertThat(EventTypes.topicOf(type)).isEqualTo(topic);
        assertThat(EventTypes.isKnown(type)).isTrue();
    }

    @Test
    void unknownTypesAreNotInTheCatalogue() {
        assertThat(EventTypes.isKnown("minzheng.assistance.application.teleported.v1")).isFalse();
        assertThat(EventTypes.isKnown(null)).isFalse();
        assertThat(EventTypes.find("x")).isEmpty();
        assertThatThrownBy(() -> EventTypes.topicOf("minzheng.org.organization.vanished.v1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "assistance.events, assistance.events.dlt",
        "gateway.security-events, gateway.security-events.dlt",
    })
    void deadLetterTopic(String topic, String deadLetter) {
        assertThat(Topics.deadLetterOf(topic)).isEqualTo(deadLetter);
        assertThat(Topics.isDeadLetter(deadLetter)).isTrue();
        assertThat(Topics.isDeadLetter(topic)).isFalse();
    }
}
