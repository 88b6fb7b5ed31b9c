package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.assistance.household.EmergencyKind;
import cn.minzheng.assistance.standards.Program;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * 临时救助 is given once for a cause: a household helped for the same cause within the configured
 * period ({@link CaseRules#temporaryAwardPeriodMonths()}, a local rule — [临救2018] leaves it to the
 * provinces) is not awarded again, whether the earlier award was decided or paid first (先行救助).
 * The cause is the case's 临时救助 type ({@link EmergencyKind}); the model records no finer cause.
 */
public final class TemporaryAwards {
    /** The refusal's code (422 {@code rule-violated}). */
    public static final String CODE = CaseRule.TEMPORARY_AWARD_LIMIT.code();

    private TemporaryAwards() {
    }

    /** Does {@code command} on {@code c} award 临时救助 (approval, or payment first)? */
    public static boolean awards(AssistanceCase c, ApplicationCommand command) {
        return c.program() == Program.TEMPORARY
                && (command == ApplicationCommand.APPROVE || command == ApplicationCommand.PAY_FIRST);
    }

    /**
     * Refuses the award on {@code c} today when another 临时救助 case sharing a member with it was
     * awarded for the same cause within {@code periodMonths} before today.
     *
     * @param others the household's other 临时救助 cases (any member in common), in any state
     */
    public static void refuseRepeat(AssistanceCase c, Collection<AssistanceCase> others, LocalDate today,
                                    int periodMonths) {
        Set<String> members = new HashSet<>(c.memberIds());
        for (AssistanceCase other : others) {
            if (other.number().equals(c.number()) || other.program() != Program.TEMPORARY
                    || other.submission().emergencyKind() != c.submission().emergencyKind()
                    || other.memberIds().stream().noneMatch(members::contains)) {
                continue;
            }
            Optional<LocalDate> awarded = awardedOn(other);
            if (awarded.isPresent() && today.isBefore(awarded.get().plusMonths(periodMonths))) {
                LocalDate again = awarded.get().plusMonths(periodMonths);
                throw new RuleViolation(CaseRule.TEMPORARY_AWARD_LIMIT, "awarded on " + awarded.get()
                        + " for the same cause in case " + other.number() + "; again from " + again,
                        awarded.get(), kind(c.submission().emergencyKind()), other.number(), periodMonths, again);
            }
        }
    }

    /** The day an award was made: approval or 先行救助; empty when none was (denied, withdrawn, still open). */
    static Optional<LocalDate> awardedOn(AssistanceCase c) {
        return c.history().stream()
                .filter(r -> r.command() == ApplicationCommand.PAY_FIRST || r.command() == ApplicationCommand.APPROVE)
                .map(r -> LocalDate.ofInstant(r.at(), AssistanceCase.CHINA))
                .findFirst();
    }

    private static String kind(EmergencyKind k) {
        return k == EmergencyKind.URGENT ? "急难型" : k == EmergencyKind.EXPENDITURE ? "支出型" : "未注明类型";
    }
}
