package cn.minzheng.assistance.payment;

import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.Benefit;
import cn.minzheng.assistance.household.HouseholdMember;
import cn.minzheng.assistance.standards.Program;

import java.time.YearMonth;
import java.util.Set;

/** A case with a monthly benefit, or an approved 临时救助 (one-off), as the payment roll sees it. */
public final class Entitlements {
    /**
     * Statuses whose month is paid: ACTIVE, under re-check (payment continues while the 复核 runs), and
     * 渐退期 up to its end month ([57]§33: the model pays the full amount in the 渐退期; it has no
     * reduced amount). SUSPENDED and TERMINATED are not paid.
     */
    static final Set<ApplicationStatus> PAID = Set.of(ApplicationStatus.ACTIVE, ApplicationStatus.RECHECKING,
            ApplicationStatus.PHASING_OUT);

    private Entitlements() {
    }

    public static Entitlement of(AssistanceCase c) {
        Benefit b = c.benefit();
        String name = c.submission().members().stream()
                .filter(m -> m.idNumber() != null && m.idNumber().equalsIgnoreCase(c.submission().applicantIdNumber()))
                .map(HouseholdMember::name).findFirst().orElse("");
        if (c.program() == Program.TEMPORARY) {
            // one-off: only an approved award (ONE_OFF_AWARDED); 先行救助 (PAID_FIRST) was paid in cash already
            return new Entitlement(c.number(), c.program().name(), c.regionCode(), name,
                    c.submission().applicantIdNumber(), c.memberIds().size(),
                    c.status() == ApplicationStatus.ONE_OFF_AWARDED, month -> owed(b, month), true);
        }
        return new Entitlement(c.number(), c.program().name(), c.regionCode(), name,
                c.submission().applicantIdNumber(), c.memberIds().size(), PAID.contains(c.status()),
                month -> owed(b, month));
    }

    /** The benefit's amount for the month; nothing after the 渐退期's last month. */
    static long owed(Benefit b, YearMonth month) {
        if (b == null || (b.phaseOutUntil() != null && month.isAfter(b.phaseOutUntil()))) {
            return 0;
        }
        return b.amountIn(month);
    }
}
