package cn.minzheng.org.creditlist;

import java.util.Optional;
import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a credit list. Listing needs a written notice of facts and rights served first.
 * A new ground on an open 失信 entry restarts its 2-year period ({@code lastGroundOn}). Every change
 * produces the entry's own event ({@code credit-list-entry}: listed, removal-applied, removed,
 * period-restarted); the organization's abnormal-/serious-listed/-removed events say when its standing
 * changes (see {@link CreditListing}).
 */
public record CreditListEntry(String id, String organizationId, String authorityCode, CreditList list,
                              EntryGround ground, String facts, LocalDate noticeServedOn, LocalDate listedOn,
                              LocalDate lastGroundOn, EntryStatus status, LocalDate removedOn, String removalReason,
                              LocalDate removalAppliedOn, long version) {

    public static Transitioned<CreditListEntry, DomainEvent> list(String id, String organizationId, String authorityCode,
                                                     EntryGround ground, String facts, LocalDate noticeServedOn, LocalDate on) {
        if (noticeServedOn == null || noticeServedOn.isAfter(on)) {
            throw new RuleViolation("NOTICE_REQUIRED", List.of(new FieldProblem("/noticeServedOn", "NOTICE_REQUIRED",
                    "列入名录前须书面告知拟列入的事实、理由、依据及其依法享有的权利")));
        }
        CreditListEntry e = new CreditListEntry(id, organizationId, authorityCode, ground.list(), ground, facts,
                noticeServedOn, on, on, EntryStatus.LISTED, null, null, null, 1);
        return e.event("listed", null, ground.text(), Map.of("ground", ground.name(), "listedOn", on.toString()),
                Map.of("ground", ground.name(), "listedOn", on.toString(), "noticeServedOn", noticeServedOn.toString()));
    }

    /** A new ground while on the 失信名单: the 2-year period starts again. */
    public Transitioned<CreditListEntry, DomainEvent> newGround(EntryGround newGround, LocalDate on, CreditListPolicy policy) {
        requireListed("newGround");
        if (list != CreditList.SERIOUS) {
            throw new IllegalTransition("credit-list-entry", list.name(), "newGround");
        }
        CreditListEntry n = new CreditListEntry(id, organizationId, authorityCode, list, ground, facts, noticeServedOn, listedOn,
                on.isAfter(lastGroundOn) ? on : lastGroundOn, status, null, null, removalAppliedOn, version + 1);
        return n.event("period-restarted", status, newGround.text(), Map.of("lastGroundOn", n.lastGroundOn.toString()),
                Map.of("ground", newGround.name(), "lastGroundOn", n.lastGroundOn.toString(),
                        "removableFrom", n.seriousRemovableFrom(policy).toString()));
    }

    /** Removal on the organization's application, once what was wrong is fixed and verified. */
    public Transitioned<CreditListEntry, DomainEvent> removeOnApplication(LocalDate verifiedOn, CreditListPolicy policy) {
        requireListed("removeOnApplication");
        if (list == CreditList.ABNORMAL && !ground.needsFix()) {
            throw new RuleViolation("NOTHING_TO_FIX", List.of(new FieldProblem("/ground", "NOTHING_TO_FIX",
                    "该情形无需整改，列入满6个月后自动移出")));
        }
        if (list == CreditList.SERIOUS && verifiedOn.isBefore(seriousRemovableFrom(policy))) {
            throw new RuleViolation("SERIOUS_PERIOD_NOT_ENDED", List.of(new FieldProblem("/lastGroundOn", "SERIOUS_PERIOD_NOT_ENDED",
                    "列入严重违法失信名单满2年且期间未再发生列入情形方可移出，最早" + seriousRemovableFrom(policy))));
        }
        return removed(verifiedOn, "整改完成，依申请移出", "ON_APPLICATION", null);
    }

    /**
     * The organization applies for removal (申请移出) once it has fixed what was wrong; refused like a
     * removal when nothing needs fixing or the 失信 period has not run. A registrar then verifies.
     */
    public Transitioned<CreditListEntry, DomainEvent> applyForRemoval(LocalDate on, CreditListPolicy policy) {
        removeOnApplication(on, policy);
        CreditListEntry n = new CreditListEntry(id, organizationId, authorityCode, list, ground, facts, noticeServedOn, listedOn, lastGroundOn,
                status, null, null, on, version + 1);
        return n.event("removal-applied", status, null, Map.of("removalAppliedOn", on.toString()), Map.of("appliedOn", on.toString()));
    }

    /** The registrar verified the fix: removal, only after the organization applied. */
    public Transitioned<CreditListEntry, DomainEvent> verifyRemoval(LocalDate verifiedOn, CreditListPolicy policy) {
        requireListed("verifyRemoval");
        if (removalAppliedOn == null) {
            throw new ClosedGate("REMOVAL_NOT_APPLIED", "社会组织尚未申请移出，或申请后已被处理；请待社会组织提出移出申请后再核实");
        }
        return removeOnApplication(verifiedOn, policy);
    }

    /**
     * Removal by the daily sweep when the period has run: an 异常名录 entry with nothing to fix after 6
     * months; a 失信 entry 2 years after its last ground. Empty when not due.
     */
    public Optional<Transitioned<CreditListEntry, DomainEvent>> removeWhenDue(LocalDate today, CreditListPolicy policy) {
        if (status != EntryStatus.LISTED) {
            return Optional.empty();
        }
        if (list == CreditList.ABNORMAL && !ground.needsFix() && !today.isBefore(listedOn.plus(policy.abnormalAutomaticRemoval()))) {
            return Optional.of(removed(today, "列入满6个月，自动移出", "PERIOD_ENDED", null));
        }
        if (list == CreditList.SERIOUS && !today.isBefore(seriousRemovableFrom(policy))) {
            return Optional.of(removed(today, "列入严重违法失信名单满2年且期间未再发生列入情形，移出", "PERIOD_ENDED", null));
        }
        return Optional.empty();
    }

    /**
     * 2 years on the 异常名录: this entry ends and the organization moves to the 失信名单 (ground
     * ABNORMAL_TWO_YEARS), in the entry {@link #escalationEntryId()}.
     */
    public Transitioned<CreditListEntry, DomainEvent> escalate(LocalDate today, CreditListPolicy policy) {
        if (!escalationDue(today, policy)) {
            throw new IllegalTransition("credit-list-entry", status.name(), "escalate");
        }
        return removed(today, "列入活动异常名录满2年，移入严重违法失信名单", "ESCALATED", escalationEntryId());
    }

    /** The id of the 失信名单 entry an escalation of this entry writes (fixed, so a re-run writes it once). */
    public String escalationEntryId() {
        return "ESC-" + id;
    }

    /** Whether this 异常名录 entry has stood long enough to put the organization on the 失信名单. */
    public boolean escalationDue(LocalDate today, CreditListPolicy policy) {
        return status == EntryStatus.LISTED && list == CreditList.ABNORMAL
                && !today.isBefore(listedOn.plus(policy.abnormalEscalation()));
    }

    public LocalDate seriousRemovableFrom(CreditListPolicy policy) {
        return lastGroundOn.plus(policy.seriousMinimum());
    }

    private Transitioned<CreditListEntry, DomainEvent> removed(LocalDate on, String reason, String removal, String escalatedTo) {
        CreditListEntry n = new CreditListEntry(id, organizationId, authorityCode, list, ground, facts, noticeServedOn,
                listedOn, lastGroundOn, EntryStatus.REMOVED, on, reason, removalAppliedOn, version + 1);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("removal", removal);
        extra.put("removedOn", on.toString());
        if (escalatedTo != null) {
            extra.put("escalatedTo", escalatedTo);
        }
        return n.event("removed", status, reason, Map.of("removedOn", on.toString()), extra);
    }

    /** The entry's event: the organization, the list, then what the change adds. */
    private Transitioned<CreditListEntry, DomainEvent> event(String name, EntryStatus from, String reason, Map<String, Object> changes,
                                                Map<String, Object> extra) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("organizationId", organizationId);
        attributes.put("list", list.name());
        attributes.putAll(extra);
        return new Transitioned<>(this, new DomainEvent(name, from == null ? null : from.name(), from == status ? null : status.name(),
                reason, changes, attributes));
    }

    private void requireListed(String action) {
        if (status != EntryStatus.LISTED) {
            throw new IllegalTransition("credit-list-entry", status.name(), action);
        }
    }
}
