package cn.minzheng.org.annualinspection;

import java.time.LocalDate;

/** What the sweep needs to know about one registered organization. */
public record InspectionSubject(String organizationId, LocalDate registeredOn) {
}
