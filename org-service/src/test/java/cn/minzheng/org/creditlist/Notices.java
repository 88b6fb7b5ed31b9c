package cn.minzheng.org.creditlist;

import cn.minzheng.platform.events.EventEnvelope;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Test helpers for 拟列入告知: moving a stored notice's period into the past (as if the clock had moved on,
 * the way the enforcement tests age a case), and waiting for a {@code listing-notice} event. The
 * {@code minzheng.org.listing-notice.*} types are not in the platform catalogue yet (a change requested of
 * platform-events: constants, schemas, Chinese names), so these events are matched here without the schema
 * check every catalogued event gets in {@code OrgServiceTestBase.awaitEvent}.
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
        return found[0];
    }
}
