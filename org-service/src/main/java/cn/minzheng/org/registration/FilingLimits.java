package cn.minzheng.org.registration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time limits an organization has for filing: 变更登记 within {@code changeDays} of the sponsor's
 * consent ([SG]§18: 30日), 注销登记 within {@code deregistrationDays} after liquidation ends ([SG]§21:
 * 15日), calendar days as the regulations count them. A late filing is accepted — the organization
 * still has to register the change — but flagged ({@link LateFiling}) on the application, in its view
 * and in its applied event, for the registrar.
 */
public record FilingLimits(int changeDays, int deregistrationDays) {

    public FilingLimits {
        if (changeDays <= 0 || deregistrationDays <= 0) {
            throw new IllegalArgumentException("filing limits must be positive: " + changeDays + ", " + deregistrationDays);
        }
    }

    public static FilingLimits statutory() {
        return new FilingLimits(30, 15);
    }

    /** Late when filed after the last day; null when on time or when the start date is unknown. */
    public LateFiling change(ChangeRequest c, LocalDate filedOn) {
        return c == null || c.sponsorConsentOn() == null ? null
                : late(c.sponsorConsentOn().plusDays(changeDays), filedOn,
                "变更登记应自业务主管单位审查同意之日起" + changeDays + "日内申请");
    }

    public LateFiling deregistration(DeregistrationRequest d, LocalDate filedOn) {
        return d == null || d.liquidationEndedOn() == null ? null
                : late(d.liquidationEndedOn().plusDays(deregistrationDays), filedOn,
                "注销登记应在清算结束之日起" + deregistrationDays + "日内申请");
    }

    private static LateFiling late(LocalDate lastDay, LocalDate filedOn, String rule) {
        long days = ChronoUnit.DAYS.between(lastDay, filedOn);
        return days > 0 ? new LateFiling(lastDay, days, rule + "，本次申请逾期" + days + "日；已受理，逾期情况记录在案，由登记管理机关依法处理") : null;
    }

    /**
     * A filing made after its time limit.
     *
     * @param lastDay  the last day it could be filed on time
     * @param daysLate calendar days after that day
     * @param text     the rule and the lateness, in words
     */
    public record LateFiling(LocalDate lastDay, long daysLate, String text) {
        /** For events: {@code filedLate, filingLastDay, filingDaysLate}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("filedLate", true);
            m.put("filingLastDay", lastDay.toString());
            m.put("filingDaysLate", daysLate);
            return m;
        }
    }
}
