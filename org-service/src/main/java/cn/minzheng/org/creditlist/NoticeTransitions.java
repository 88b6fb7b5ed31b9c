package cn.minzheng.org.creditlist;

import cn.minzheng.platform.kit.domain.IllegalTransition;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.minzheng.org.creditlist.NoticeAction.ACCEPT;
import static cn.minzheng.org.creditlist.NoticeAction.LIST;
import static cn.minzheng.org.creditlist.NoticeAction.REJECT;
import static cn.minzheng.org.creditlist.NoticeAction.RESPOND;
import static cn.minzheng.org.creditlist.NoticeStatus.ACCEPTED;
import static cn.minzheng.org.creditlist.NoticeStatus.LISTED;
import static cn.minzheng.org.creditlist.NoticeStatus.NOTIFIED;
import static cn.minzheng.org.creditlist.NoticeStatus.REJECTED;
import static cn.minzheng.org.creditlist.NoticeStatus.RESPONDED;

/**
 * The one table of the 拟列入告知 ([信用]: listing is preceded by written notice of the facts, reasons,
 * basis and the organization's rights). A statement is possible only while NOTIFIED (and in time, a rule
 * the notice checks); a registrar decides on it; listing follows an unanswered notice (once its period has
 * run, also checked by the notice) or a rejection. ACCEPTED and LISTED are closed.
 */
public final class NoticeTransitions {
    private static final Map<NoticeStatus, Map<NoticeAction, NoticeStatus>> TABLE = new EnumMap<>(NoticeStatus.class);

    static {
        allow(NOTIFIED, RESPOND, RESPONDED);
        allow(NOTIFIED, LIST, LISTED);
        allow(RESPONDED, ACCEPT, ACCEPTED);
        allow(RESPONDED, REJECT, REJECTED);
        allow(REJECTED, LIST, LISTED);
    }

    private NoticeTransitions() {
    }

    private static void allow(NoticeStatus from, NoticeAction action, NoticeStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(NoticeAction.class)).put(action, to);
    }

    public static Optional<NoticeStatus> target(NoticeStatus from, NoticeAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    /** @throws IllegalTransition (409) when the table has no such move */
    public static NoticeStatus require(NoticeStatus from, NoticeAction action) {
        return target(from, action).orElseThrow(() -> new IllegalTransition("listing-notice", from.name(), action.name()));
    }
}
