package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.IllegalTransition;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.minzheng.assistance.application.ApplicationCommand.*;
import static cn.minzheng.assistance.application.ApplicationStatus.*;

/**
 * The state machine of a case: one explicit table of (state, command) → next state. Anything not in
 * the table is the kit's {@link IllegalTransition} (aggregate {@code application}, the status and the
 * command by name), answered 409 {@code illegal-transition} with the state in words ({@code CaseTexts}).
 * <ul>
 * <li>一次性告知 [57]§10: a supplement request is allowed from SUBMITTED or RESUBMITTED only, so a
 *     second request without a resubmission in between is impossible.</li>
 * <li>Withdrawal: from every state before the decision.</li>
 * <li>先行救助 [临救2018]§二(二): only for 急难型 临时救助, before the investigation starts.</li>
 * <li>No step may be skipped [57]§28: there is no shortcut from acceptance to decision.</li>
 * <li>临时救助 is a one-off [临救2018]: its approval closes the case ({@link ApplicationStatus#ONE_OFF_AWARDED});
 *     the award is paid once by the county's next payment batch, and no re-check follows. A 先行救助
 *     case (PAID_FIRST) is never approved, so it is never paid again.</li>
 * </ul>
 */
public final class ApplicationLifecycle {
    /** The reason, for the logs, when a 先行救助 is asked on a case that is not 急难型 临时救助 ([临救2018]§二(二)). */
    public static final String PAY_FIRST_URGENT_ONLY = "先行救助 is only for 急难型 临时救助";

    private static final Map<ApplicationStatus, Map<ApplicationCommand, ApplicationStatus>> TABLE =
            new EnumMap<>(ApplicationStatus.class);
    /** 临时救助 (any type): the rows that differ from {@link #TABLE}; the rest is the same. */
    private static final Map<ApplicationStatus, Map<ApplicationCommand, ApplicationStatus>> ONE_OFF =
            new EnumMap<>(ApplicationStatus.class);

    static {
        allow(SUBMITTED, REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED);
        allow(SUBMITTED, ACCEPT, ACCEPTED);
        allow(SUBMITTED, REFUSE_ACCEPTANCE, NOT_ACCEPTED);
        allow(SUBMITTED, WITHDRAW, WITHDRAWN);
        allow(SUBMITTED, PAY_FIRST, PAID_FIRST);

        allow(SUPPLEMENT_REQUESTED, RESUBMIT, RESUBMITTED);
        allow(SUPPLEMENT_REQUESTED, REFUSE_ACCEPTANCE, NOT_ACCEPTED);
        allow(SUPPLEMENT_REQUESTED, WITHDRAW, WITHDRAWN);

        allow(RESUBMITTED, REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED);
        allow(RESUBMITTED, ACCEPT, ACCEPTED);
        allow(RESUBMITTED, REFUSE_ACCEPTANCE, NOT_ACCEPTED);
        allow(RESUBMITTED, WITHDRAW, WITHDRAWN);
        allow(RESUBMITTED, PAY_FIRST, PAID_FIRST);

        allow(ACCEPTED, RECORD_HOME_VISIT, INVESTIGATING);
        allow(ACCEPTED, RECORD_ECONOMIC_CHECK, INVESTIGATING);
        allow(ACCEPTED, WITHDRAW, WITHDRAWN);
        allow(ACCEPTED, PAY_FIRST, PAID_FIRST);

        allow(INVESTIGATING, RECORD_HOME_VISIT, INVESTIGATING);
        allow(INVESTIGATING, RECORD_ECONOMIC_CHECK, INVESTIGATING);
        allow(INVESTIGATING, GIVE_OPINION, OPINION_GIVEN);
        allow(INVESTIGATING, WITHDRAW, WITHDRAWN);

        allow(OPINION_GIVEN, START_PUBLICITY, IN_PUBLICITY);
        allow(OPINION_GIVEN, WITHDRAW, WITHDRAWN);

        allow(IN_PUBLICITY, RECORD_OBJECTION, INVESTIGATING);
        allow(IN_PUBLICITY, COMPLETE_PUBLICITY, AWAITING_DECISION);
        allow(IN_PUBLICITY, WITHDRAW, WITHDRAWN);

        allow(AWAITING_DECISION, APPROVE, ACTIVE);
        ONE_OFF.computeIfAbsent(AWAITING_DECISION, k -> new EnumMap<>(ApplicationCommand.class))
                .put(APPROVE, ONE_OFF_AWARDED);
        allow(AWAITING_DECISION, DENY, DENIED);
        allow(AWAITING_DECISION, WITHDRAW, WITHDRAWN);

        allow(PAID_FIRST, COMPLETE_RECORD, RECORD_COMPLETED);

        allow(ACTIVE, START_RECHECK, RECHECKING);
        allow(ACTIVE, CHANGE_AMOUNT, ACTIVE);
        allow(ACTIVE, SUSPEND, SUSPENDED);
        allow(ACTIVE, START_PHASE_OUT, PHASING_OUT);
        allow(ACTIVE, TERMINATE, TERMINATED);

        allow(RECHECKING, CONFIRM_RECHECK, ACTIVE);
        allow(RECHECKING, CHANGE_AMOUNT, ACTIVE);
        allow(RECHECKING, SUSPEND, SUSPENDED);
        allow(RECHECKING, START_PHASE_OUT, PHASING_OUT);
        allow(RECHECKING, TERMINATE, TERMINATED);

        allow(SUSPENDED, RESUME, ACTIVE);
        allow(SUSPENDED, START_RECHECK, RECHECKING);
        allow(SUSPENDED, TERMINATE, TERMINATED);

        allow(PHASING_OUT, START_RECHECK, RECHECKING);
        allow(PHASING_OUT, TERMINATE, TERMINATED);

        // 调标 (a new standard; recalculation runs): the amount changes, the state does not. A suspended case
        // is recalculated too (it resumes at the standard in force); a case in its 渐退期 is not (it keeps the
        // payment it had when its income rose above the line, [57]§33) — see recalculation.StandardRecalculation
        allow(ACTIVE, ADJUST_TO_STANDARD, ACTIVE);
        allow(RECHECKING, ADJUST_TO_STANDARD, RECHECKING);
        allow(SUSPENDED, ADJUST_TO_STANDARD, SUSPENDED);

        // services to beneficiaries: no change of state
        allow(ACTIVE, ASSIGN_PROVIDER, ACTIVE);
        allow(RECHECKING, ASSIGN_PROVIDER, RECHECKING);
        for (ApplicationStatus s : new ApplicationStatus[]{ACTIVE, RECHECKING, SUSPENDED, PHASING_OUT}) {
            allow(s, FLAG_PROVIDER, s);
        }
    }

    private ApplicationLifecycle() {
    }

    private static void allow(ApplicationStatus from, ApplicationCommand command, ApplicationStatus to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(ApplicationCommand.class)).put(command, to);
    }

    /** The next state, or empty when the table forbids the command in that state for that kind of case. */
    public static Optional<ApplicationStatus> next(ApplicationStatus from, ApplicationCommand command,
                                                   boolean urgentTemporary, boolean temporary) {
        if (command == PAY_FIRST && !urgentTemporary) {
            return Optional.empty();
        }
        ApplicationStatus oneOff = temporary ? ONE_OFF.getOrDefault(from, Map.of()).get(command) : null;
        return Optional.ofNullable(oneOff != null ? oneOff : TABLE.getOrDefault(from, Map.of()).get(command));
    }

    /**
     * The next state or the kit's {@link IllegalTransition}. Why a 先行救助 is refused (only for 急难型
     * 临时救助) is the refusal's reason, for the logs; the answer's text ({@code CaseTexts.refusal}) says
     * the state in words.
     */
    public static ApplicationStatus require(ApplicationStatus from, ApplicationCommand command,
                                            boolean urgentTemporary, boolean temporary) {
        return next(from, command, urgentTemporary, temporary).orElseThrow(() -> new IllegalTransition(
                AssistanceCase.AGGREGATE_TYPE, from.name(), command.name(),
                command == PAY_FIRST && !urgentTemporary ? PAY_FIRST_URGENT_ONLY : null));
    }

    /** The whole table, for documentation and tests. */
    public static Map<ApplicationStatus, Map<ApplicationCommand, ApplicationStatus>> table() {
        return Collections.unmodifiableMap(TABLE);
    }
}
