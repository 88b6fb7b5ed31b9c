package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainHeadTest {

    @Test
    void extendingInTwoBatchesGivesTheSameChainAsOne() {
        List<IncomingEvent> events = List.of(ChainFixture.event("org.events", 2, 1), ChainFixture.event("org.events", 2, 2),
                ChainFixture.event("org.events", 2, 3));
        ChainHead empty = ChainHead.empty("org.events-2");
        ChainHead.Extension whole = empty.extend(events, ChainFixture.RECEIVED);
        ChainHead.Extension first = empty.extend(events.subList(0, 1), ChainFixture.RECEIVED);
        ChainHead.Extension rest = first.head().extend(events.subList(1, 3), ChainFixture.RECEIVED);
        assertThat(rest.head()).isEqualTo(whole.head());
        assertThat(rest.records()).containsExactlyElementsOf(whole.records().subList(1, 3));
        assertThat(whole.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
        assertThat(whole.records().get(0).prevHash()).isEqualTo(ChainDigest.GENESIS);
        assertThat(whole.records().get(1).prevHash()).isEqualTo(whole.records().get(0).hash());
    }

    @Test
    void refusesAnEventOfAnotherChain() {
        ChainHead head = ChainHead.empty("org.events-2");
        assertThatThrownBy(() -> head.extend(List.of(ChainFixture.event("org.events", 1, 1)), ChainFixture.RECEIVED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void advancesOnlyToTheNextLink() {
        List<AuditRecord> records = ChainFixture.chain(3);
        ChainHead head = ChainHead.empty(records.get(0).chain()).advancedTo(records.get(0));
        assertThat(head.advancedTo(records.get(1)).sequence()).isEqualTo(2);
        assertThatThrownBy(() -> head.advancedTo(records.get(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({"assistance.events, 0, assistance.events-0", "gateway.security-events, 11, gateway.security-events-11"})
    void oneChainPerTopicPartition(String topic, int partition, String chain) {
        assertThat(ChainHead.chainId(topic, partition)).isEqualTo(chain);
        assertThat(ChainFixture.event(topic, partition, 0).chain()).isEqualTo(chain);
    }

    @Test
    void theHashCoversEveryField() {
        AuditRecord r = ChainFixture.chain(1).get(0);
        String canonical = CanonicalJson.write(r.hashedContent());
        for (String field : AuditRecord.FIELDS) {
            assertThat(canonical).contains("\"" + field + "\":");
        }
        assertThat(canonical).doesNotContain("\"hash\":");
        assertThat(r.computedHash()).isEqualTo(r.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void exportFormRoundTrips() {
        AuditRecord r = ChainFixture.chain(2).get(1);
        AuditRecord back = AuditRecord.fromJson(JsonText.parseObject(CanonicalJson.write(r.toJson())));
        assertThat(back.computedHash()).isEqualTo(r.hash());
        assertThat(back.hash()).isEqualTo(r.hash());
    }
}
