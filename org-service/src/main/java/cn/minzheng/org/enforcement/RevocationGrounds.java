package cn.minzheng.org.enforcement;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.RuleViolation;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * 撤销登记 grounds other than an ordinary penalty decision ([SG]第二十九条, [JJ]第四十一条): registration obtained
 * by fraud ({@value #FRAUDULENT_REGISTRATION}) and no activity within a year (12 months) of the certificate
 * ({@value #NO_ACTIVITY_ONE_YEAR}). Both are violations of the 裁量基准 whose only penalty is 撤销, decided through
 * the enforcement case (notice, 陈述/申辩/听证, legal review, decision, delivery → the organization's revocation and
 * the 失信名单). A case for no activity can be opened only once the year has run since registration.
 */
public final class RevocationGrounds {
    public static final String FRAUDULENT_REGISTRATION = "FRAUDULENT_REGISTRATION";
    public static final String NO_ACTIVITY_ONE_YEAR = "NO_ACTIVITY_ONE_YEAR";

    private RevocationGrounds() {
    }

    /**
     * @param window the year of [SG] (12 months of [JJ]) from configuration
     * @throws RuleViolation (422 {@code no-activity-period-not-run}) when the organization is not registered that long
     */
    public static void requirePeriodRun(String violation, LocalDate registeredOn, LocalDate on, Period window) {
        if (!NO_ACTIVITY_ONE_YEAR.equals(violation) || registeredOn == null) {
            return;
        }
        LocalDate from = registeredOn.plus(window);
        if (on.isBefore(from)) {
            throw new RuleViolation("NO_ACTIVITY_PERIOD_NOT_RUN", List.of(new FieldProblem("/violation", "NO_ACTIVITY_PERIOD_NOT_RUN",
                    "自取得登记证书之日起满1年（基金会12个月）未开展活动的方可立案撤销登记，该组织于" + registeredOn + "登记，最早" + from
                            + "可立案；如有其他违法行为，请选择相应的违法行为")));
        }
    }
}
