package cn.minzheng.console.cases;

import static cn.minzheng.console.cases.CaseAction.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides which staff actions a case page offers. The case view
 * ({@code GET /api/v1/assistance/applications/{no}}) does not list its allowed actions, so this repeats the
 * documented state machine (assistance-service README, {@code ApplicationLifecycle}) and the roles of each
 * command ({@code ApplicationCommand}). The API stays the judge: an action offered here that a rule refuses
 * answers a problem shown on the page. When the API gains {@code allowedActions}, read it instead.
 */
public final class CaseActions {

    private static final Map<CaseAction, Set<String>> FROM = new EnumMap<>(CaseAction.class);

    static {
        FROM.put(SUPPLEMENT_REQUEST, Set.of("SUBMITTED", "RESUBMITTED"));
        FROM.put(ACCEPTANCE, Set.of("SUBMITTED", "RESUBMITTED"));
        FROM.put(NON_ACCEPTANCE, Set.of("SUBMITTED", "SUPPLEMENT_REQUESTED", "RESUBMITTED"));
        FROM.put(HOME_VISIT, Set.of("ACCEPTED", "INVESTIGATING"));
        FROM.put(ECONOMIC_CHECK, Set.of("ACCEPTED", "INVESTIGATING"));
        FROM.put(OPINION, Set.of("INVESTIGATING"));
        FROM.put(PUBLICITY, Set.of("OPINION_GIVEN"));
        FROM.put(OBJECTION, Set.of("IN_PUBLICITY"));
        FROM.put(PUBLICITY_COMPLETION, Set.of("IN_PUBLICITY"));
        FROM.put(APPROVE, Set.of("AWAITING_DECISION"));
        FROM.put(DENY, Set.of("AWAITING_DECISION"));
        FROM.put(EMERGENCY_PAYMENT, Set.of("SUBMITTED", "RESUBMITTED", "ACCEPTED"));
        FROM.put(RECORD_COMPLETION, Set.of("PAID_FIRST"));
        FROM.put(RECHECK, Set.of("ACTIVE", "SUSPENDED", "PHASING_OUT"));
        FROM.put(RECHECK_CONFIRMATION, Set.of("RECHECKING"));
        FROM.put(AMOUNT_CHANGE, Set.of("ACTIVE", "RECHECKING"));
        FROM.put(SUSPENSION, Set.of("ACTIVE", "RECHECKING"));
        FROM.put(RESUMPTION, Set.of("SUSPENDED"));
        FROM.put(PHASE_OUT, Set.of("ACTIVE", "RECHECKING"));
        FROM.put(TERMINATION, Set.of("ACTIVE", "RECHECKING", "SUSPENDED", "PHASING_OUT"));
    }

    private CaseActions() {
    }

    /**
     * The actions a user with these roles may take on a case of this program in this status. ADMIN is left out
     * on purpose: the platform's rule is that ADMIN configures, staff work cases (docs/api.md).
     */
    public static List<CaseAction> allowed(String status, String program, Set<String> roles) {
        EnumSet<CaseAction> out = EnumSet.noneOf(CaseAction.class);
        for (Map.Entry<CaseAction, Set<String>> e : FROM.entrySet()) {
            CaseAction action = e.getKey();
            if (!e.getValue().contains(status) || action.roles().stream().noneMatch(roles::contains)) {
                continue;
            }
            if ((action == EMERGENCY_PAYMENT || action == RECORD_COMPLETION) && !"TEMPORARY".equals(program)) {
                continue;
            }
            if ("TEMPORARY".equals(program) && (action == RECHECK || action == RECHECK_CONFIRMATION
                    || action == AMOUNT_CHANGE || action == SUSPENSION || action == PHASE_OUT)) {
                continue;
            }
            out.add(action);
        }
        return List.copyOf(out);
    }

    /** Whether the owner may still withdraw (any state before the decision). */
    public static boolean withdrawable(String status) {
        return Set.of("SUBMITTED", "SUPPLEMENT_REQUESTED", "RESUBMITTED", "ACCEPTED", "INVESTIGATING", "OPINION_GIVEN",
                "IN_PUBLICITY", "AWAITING_DECISION").contains(status);
    }

    /** Whether a decision notice exists to read. */
    public static boolean decided(String status) {
        return Set.of("ACTIVE", "ONE_OFF_AWARDED", "DENIED", "PAID_FIRST", "RECORD_COMPLETED", "RECHECKING", "SUSPENDED",
                "PHASING_OUT", "TERMINATED").contains(status);
    }
}
