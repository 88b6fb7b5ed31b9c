package cn.minzheng.org.enforcement;

import cn.minzheng.platform.kit.domain.IllegalTransition;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.minzheng.org.enforcement.CaseAction.APPROVE_REVIEW;
import static cn.minzheng.org.enforcement.CaseAction.CLOSE;
import static cn.minzheng.org.enforcement.CaseAction.DECIDE;
import static cn.minzheng.org.enforcement.CaseAction.DELIVER;
import static cn.minzheng.org.enforcement.CaseAction.EXECUTE;
import static cn.minzheng.org.enforcement.CaseAction.HOLD_HEARING;
import static cn.minzheng.org.enforcement.CaseAction.PROPOSE;
import static cn.minzheng.org.enforcement.CaseAction.RECORD_EVIDENCE;
import static cn.minzheng.org.enforcement.CaseAction.RECORD_STATEMENT;
import static cn.minzheng.org.enforcement.CaseAction.REQUEST_HEARING;
import static cn.minzheng.org.enforcement.CaseAction.RETURN_REVIEW;
import static cn.minzheng.org.enforcement.CaseAction.SCHEDULE_HEARING;
import static cn.minzheng.org.enforcement.CaseAction.SERVE_NOTICE;
import static cn.minzheng.org.enforcement.CaseStatus.DECIDED;
import static cn.minzheng.org.enforcement.CaseStatus.DELIVERED;
import static cn.minzheng.org.enforcement.CaseStatus.EXECUTED;
import static cn.minzheng.org.enforcement.CaseStatus.HEARING_HELD;
import static cn.minzheng.org.enforcement.CaseStatus.HEARING_REQUESTED;
import static cn.minzheng.org.enforcement.CaseStatus.HEARING_SCHEDULED;
import static cn.minzheng.org.enforcement.CaseStatus.NOTIFIED;
import static cn.minzheng.org.enforcement.CaseStatus.OPEN;
import static cn.minzheng.org.enforcement.CaseStatus.PROPOSED;
import static cn.minzheng.org.enforcement.CaseStatus.REVIEWED;

/**
 * The one table of the enforcement case's state machine. A decision is reachable only from
 * NOTIFIED (minor decisions, once the rights period is over or waived) or REVIEWED (after 法制审核);
 * a decision after a hearing always passes through legal review. A requested hearing is scheduled
 * (time and place noticed ≥ 7 days ahead; re-scheduling is a postponement) before it is held. A returned review goes back to
 * PROPOSED: the new proposal needs a new notice.
 */
public final class CaseTransitions {
    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> TABLE = new EnumMap<>(CaseStatus.class);

    static {
        allow(OPEN, RECORD_EVIDENCE, OPEN);
        allow(OPEN, PROPOSE, PROPOSED);
        allow(OPEN, CLOSE, CaseStatus.CLOSED);
        allow(PROPOSED, RECORD_EVIDENCE, PROPOSED);
        allow(PROPOSED, PROPOSE, PROPOSED);
        allow(PROPOSED, SERVE_NOTICE, NOTIFIED);
        allow(PROPOSED, CLOSE, CaseStatus.CLOSED);
        allow(NOTIFIED, RECORD_STATEMENT, NOTIFIED);
        allow(NOTIFIED, REQUEST_HEARING, HEARING_REQUESTED);
        allow(NOTIFIED, APPROVE_REVIEW, REVIEWED);
        allow(NOTIFIED, RETURN_REVIEW, PROPOSED);
        allow(NOTIFIED, DECIDE, DECIDED);
        allow(NOTIFIED, CLOSE, CaseStatus.CLOSED);
        allow(HEARING_REQUESTED, RECORD_STATEMENT, HEARING_REQUESTED);
        allow(HEARING_REQUESTED, SCHEDULE_HEARING, HEARING_SCHEDULED);
        allow(HEARING_SCHEDULED, RECORD_STATEMENT, HEARING_SCHEDULED);
        allow(HEARING_SCHEDULED, SCHEDULE_HEARING, HEARING_SCHEDULED);
        allow(HEARING_SCHEDULED, HOLD_HEARING, HEARING_HELD);
        allow(HEARING_HELD, APPROVE_REVIEW, REVIEWED);
        allow(HEARING_HELD, RETURN_REVIEW, PROPOSED);
        allow(HEARING_HELD, CLOSE, CaseStatus.CLOSED);
        allow(REVIEWED, DECIDE, DECIDED);
        allow(DECIDED, DELIVER, DELIVERED);
        allow(DELIVERED, EXECUTE, EXECUTED);
        allow(EXECUTED, CLOSE, CaseStatus.CLOSED);
    }

    private CaseTransitions() {
    }

    private static void allow(CaseStatus from, CaseAction action, CaseStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

    public static Optional<CaseStatus> target(CaseStatus from, CaseAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    /** @throws IllegalTransition (409) when the table has no such move */
    public static CaseStatus require(CaseStatus from, CaseAction action) {
        return target(from, action).orElseThrow(() -> new IllegalTransition("enforcement-case", from.name(), action.name()));
    }
}
