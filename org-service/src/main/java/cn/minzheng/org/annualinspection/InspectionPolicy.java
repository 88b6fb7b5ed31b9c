package cn.minzheng.org.annualinspection;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Figures of the annual inspection: the deadline for reports to the registration authority
 * (31 May, 《社会团体登记管理条例》/《民办非企业单位年度检查办法》, local practice may differ) and the
 * exemption window (organizations registered less than 6 months before 31 December skip the year).
 */
public record InspectionPolicy(MonthDay deadline, int exemptionMonths) {

    public static InspectionPolicy defaults() {
        return new InspectionPolicy(MonthDay.of(5, 31), 6);
    }

    /** The deadline of the campaign for a reported year falls in the following year. */
    public LocalDate deadlineFor(int reportYear) {
        return deadline.atYear(reportYear + 1);
    }

    /** Exempt when registered less than {@code exemptionMonths} before 31 December of the reported year (or later). */
    public boolean exempt(LocalDate registeredOn, int reportYear) {
        LocalDate yearEnd = LocalDate.of(reportYear, 12, 31);
        return registeredOn.isAfter(yearEnd.minusMonths(exemptionMonths));
    }
}
