package cn.minzheng.org.creditlist;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Test helpers for 拟列入告知: moving a stored notice's period into the past (as if the clock had moved on,
 * the way the enforcement tests age a case), and waiting for a {@code listing-notice} event, validated
 * against its schema in the platform catalogue like every event {@code OrgServiceTestBase.awaitEvent} returns.
 */
public final class Notices {
    private Notices() {
    }

    /** The notice with its last day to answer moved to {@code respondBy} (and its issue day 14 days before). */
    public static ListingNotice aged(ListingNotice n, LocalDate respondBy) {
        return new ListingNotice(n.id(), n.organizationId(), n.authorityCode(), n.ground(), n.facts(), n.entryId(), n.replacesEntryId(),
                respondBy.minusDays(14), respondBy, n.responseWorkingDays(), n.responseSource(), n.status(), n.response(), n.decision(),
                n.listedOn(), n.version() + 1);
    }

    /** Ages every notice of these ids in the store so that their period ended yesterday. */
    public static void periodEnded(ListingNoticeStore store, LocalDate today, List<String> ids) {
        for (String id : ids) {
            ListingNotice n = store.notice(id).block();
            store.update(aged(n, today.minusDays(1)), n.version(), List.of()).block();
        }
    }

    public static EventEnvelope awaitNoticeEvent(List<EventEnvelope> events, Predicate<EventEnvelope> match) {
        EventEnvelope[] found = new EventEnvelope[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found[0] = events.stream().filter(e -> e.type().startsWith("minzheng.org.listing-notice.")).filter(match).findFirst().orElse(null);
            return found[0] != null;
        });
        EventSchemaValidator.shared().assertValid(found[0]);
        return found[0];
    }
}
