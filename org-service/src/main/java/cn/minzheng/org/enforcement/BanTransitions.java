package cn.minzheng.org.enforcement;

import cn.minzheng.platform.kit.domain.IllegalTransition;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.minzheng.org.enforcement.BanAction.APPROVE_REVIEW;
import static cn.minzheng.org.enforcement.BanAction.CLOSE;
import static cn.minzheng.org.enforcement.BanAction.DECIDE;
import static cn.minzheng.org.enforcement.BanAction.DELIVER;
import static cn.minzheng.org.enforcement.BanAction.EXECUTE;
import static cn.minzheng.org.enforcement.BanAction.PROPOSE;
import static cn.minzheng.org.enforcement.BanAction.RECORD_EVIDENCE;
import static cn.minzheng.org.enforcement.BanAction.RECORD_STATEMENT;
import static cn.minzheng.org.enforcement.BanAction.RETURN_REVIEW;
import static cn.minzheng.org.enforcement.BanAction.SERVE_NOTICE;
import static cn.minzheng.org.enforcement.BanStatus.CLOSED;
import static cn.minzheng.org.enforcement.BanStatus.DECIDED;
import static cn.minzheng.org.enforcement.BanStatus.DELIVERED;
import static cn.minzheng.org.enforcement.BanStatus.EXECUTED;
import static cn.minzheng.org.enforcement.BanStatus.NOTIFIED;
import static cn.minzheng.org.enforcement.BanStatus.OPEN;
import static cn.minzheng.org.enforcement.BanStatus.PROPOSED;
import static cn.minzheng.org.enforcement.BanStatus.REVIEWED;

/**
 * The one table of the 取缔 case's state machine. A 取缔 is always a major decision: the only way to
 * DECIDED is through REVIEWED (法制审核), which follows the served notice. A returned review goes back
 * to PROPOSED (the new proposal needs a new notice). Before a decision the case can be dropped (撤案,
 * e.g. the group turned out to be registered elsewhere, or dissolved itself); after it, it runs to 执行.
 */
public final class BanTransitions {
    private static final Map<BanStatus, Map<BanAction, BanStatus>> TABLE = new EnumMap<>(BanStatus.class);

    static {
        allow(OPEN, RECORD_EVIDENCE, OPEN);
        allow(OPEN, PROPOSE, PROPOSED);
        allow(OPEN, CLOSE, CLOSED);
        allow(PROPOSED, RECORD_EVIDENCE, PROPOSED);
        allow(PROPOSED, PROPOSE, PROPOSED);
        allow(PROPOSED, SERVE_NOTICE, NOTIFIED);
        allow(PROPOSED, CLOSE, CLOSED);
        allow(NOTIFIED, RECORD_STATEMENT, NOTIFIED);
        allow(NOTIFIED, APPROVE_REVIEW, REVIEWED);
        allow(NOTIFIED, RETURN_REVIEW, PROPOSED);
        allow(NOTIFIED, CLOSE, CLOSED);
        allow(REVIEWED, DECIDE, DECIDED);
        allow(DECIDED, DELIVER, DELIVERED);
        allow(DELIVERED, EXECUTE, EXECUTED);
        allow(EXECUTED, CLOSE, CLOSED);
    }

    private BanTransitions() {
    }

    private static void allow(BanStatus from, BanAction action, BanStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(BanAction.class)).put(action, to);
    }

    public static Optional<BanStatus> target(BanStatus from, BanAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    /** @throws IllegalTransition (409) when the table has no such move */
    public static BanStatus require(BanStatus from, BanAction action) {
        return target(from, action).orElseThrow(() -> new IllegalTransition("ban-case", from.name(), action.name()));
    }
}
