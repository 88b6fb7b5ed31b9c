package cn.minzheng.org.annualinspection;

import cn.minzheng.org.organization.OrganizationType;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Figures of the annual inspection: the deadline for reports to the registration authority per
 * organization type — 基金会 31 March ([JJ]§36), 社会团体 and 民办非企业单位 31 May (《社会团体年度检查暂行办法》,
 * 《民办非企业单位年度检查办法》; local practice may differ) — {@code deadline} for a type not configured,
 * and the exemption window (organizations registered less than 6 months before 31 December skip the year).
 */
public record InspectionPolicy(MonthDay deadline, int exemptionMonths, Map<OrganizationType, MonthDay> typeDeadlines) {

    public InspectionPolicy {
        typeDeadlines = typeDeadlines == null || typeDeadlines.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(typeDeadlines));
    }

    /** One deadline for every type. */
    public InspectionPolicy(MonthDay deadline, int exemptionMonths) {
        this(deadline, exemptionMonths, Map.of());
    }

    /** The national figures: 基金会 31 March, the others 31 May. */
    public static InspectionPolicy defaults() {
        return new InspectionPolicy(MonthDay.of(5, 31), 6, Map.of(OrganizationType.FOUNDATION, MonthDay.of(3, 31)));
    }

    /** A type's deadline for a reported year: in the following year. */
    public LocalDate deadlineFor(OrganizationType type, int reportYear) {
        return typeDeadlines.getOrDefault(type, deadline).atYear(reportYear + 1);
    }

    /** Every type's deadline for a reported year. */
    public Map<OrganizationType, LocalDate> deadlinesFor(int reportYear) {
        Map<OrganizationType, LocalDate> all = new EnumMap<>(OrganizationType.class);
        for (OrganizationType t : OrganizationType.values()) {
            all.put(t, deadlineFor(t, reportYear));
        }
        return all;
    }

    /** The earliest type deadline of a reported year: from the day after it the sweep may run (for the types then due). */
    public LocalDate deadlineFor(int reportYear) {
        return deadlinesFor(reportYear).values().stream().min(LocalDate::compareTo).orElseThrow();
    }

    /** Exempt when registered less than {@code exemptionMonths} before 31 December of the reported year (or later). */
    public boolean exempt(LocalDate registeredOn, int reportYear) {
        LocalDate yearEnd = LocalDate.of(reportYear, 12, 31);
        return registeredOn.isAfter(yearEnd.minusMonths(exemptionMonths));
    }
}
