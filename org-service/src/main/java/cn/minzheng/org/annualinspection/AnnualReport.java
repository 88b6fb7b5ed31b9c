package cn.minzheng.org.annualinspection;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 年度报告 of one organization for one year; graded by a registrar.
 *
 * @param boardElectedOnTime 换届 held on time
 * @param auditedReportReference reference of the audited financial report (基金会 must attach one)
 */
public record AnnualReport(String id,
                           String organizationId,
                           String authorityCode,
                           OrganizationType organizationType,
                           int year,
                           boolean boardElectedOnTime,
                           String governance,
                           String activities,
                           Finances finances,
                           String auditedReportReference,
                           LocalDate filedOn,
                           ReportStatus status,
                           Grade grade,
                           List<String> findings,
                           String rectificationOrder,
                           LocalDate rectificationDue,
                           long version) {

    public AnnualReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static String idOf(String organizationId, int year) {
        return organizationId + "-" + year;
    }

    public static Transitioned<AnnualReport, DomainEvent> file(String organizationId, String authorityCode, OrganizationType type,
                                                  int year, boolean boardElectedOnTime, String governance, String activities,
                                                  Finances finances, String auditedReportReference, LocalDate on) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year >= on.getYear()) {
            problems.add(new FieldProblem("/year", "REPORT_YEAR_NOT_ENDED", "只能报送已结束年度的年度报告"));
        }
        if (governance == null || governance.isBlank()) {
            problems.add(new FieldProblem("/governance", "REQUIRED", "请填写内部治理情况"));
        }
        if (activities == null || activities.isBlank()) {
            problems.add(new FieldProblem("/activities", "REQUIRED", "请填写业务活动情况"));
        }
        if (finances == null) {
            problems.add(new FieldProblem("/finances", "REQUIRED", "请填写财务情况"));
        } else if (finances.incomeFen() < 0 || finances.expenditureFen() < 0) {
            problems.add(new FieldProblem("/finances", "FINANCES_NEGATIVE", "收入和支出不能为负"));
        }
        if (type == OrganizationType.FOUNDATION && (auditedReportReference == null || auditedReportReference.isBlank())) {
            problems.add(new FieldProblem("/auditedReportReference", "AUDITED_REPORT_REQUIRED", "基金会须附经审计的财务会计报告"));
        }
        InvalidFields.throwIfAny("ANNUAL_REPORT_INVALID", problems);
        AnnualReport r = new AnnualReport(idOf(organizationId, year), organizationId, authorityCode, type, year,
                boardElectedOnTime, governance.strip(), activities.strip(), finances, auditedReportReference, on,
                ReportStatus.FILED, null, List.of(), null, null, 1);
        return new Transitioned<>(r, new DomainEvent("filed", null, ReportStatus.FILED.name(), null,
                Map.of("year", year, "filedOn", on.toString()), r.attributes()));
    }

    /**
     * A report only for a year the organization existed in (issue 16 item 3): not for a year that ended before it
     * was registered, nor for one that began after its registration ended (注销 or 撤销). 422: a well-formed report
     * refused by the organization's facts.
     */
    public static void requireExisted(int year, LocalDate registeredOn, LocalDate endedOn) {
        if (registeredOn != null && year < registeredOn.getYear()) {
            throw new RuleViolation("REPORT_YEAR_BEFORE_REGISTRATION", List.of(new FieldProblem("/year", "REPORT_YEAR_BEFORE_REGISTRATION",
                    "本组织于" + registeredOn + "成立登记，" + year + "年度尚未成立，不能报送该年度的年度报告；请报送"
                            + registeredOn.getYear() + "年度及以后已结束年度的报告")));
        }
        if (endedOn != null && year > endedOn.getYear()) {
            throw new RuleViolation("REPORT_YEAR_AFTER_END", List.of(new FieldProblem("/year", "REPORT_YEAR_AFTER_END",
                    "本组织的登记已于" + endedOn + "终止，" + year + "年度已不存在，不能报送该年度的年度报告；请报送"
                            + endedOn.getYear() + "年度及以前的报告")));
        }
    }

    /** Grading; 基本合格 and 不合格 need findings and a rectification order with a due date. */
    public Transitioned<AnnualReport, DomainEvent> grade(Grade grade, List<String> findings, String rectificationOrder,
                                            LocalDate rectificationDue, LocalDate on) {
        if (status != ReportStatus.FILED) {
            throw new IllegalTransition("annual-report", status.name(), "grade");
        }
        List<String> clean = findings == null ? List.of() : findings.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (grade == null) {
            problems.add(new FieldProblem("/grade", "REQUIRED", "请给出年检结论"));
        } else if (grade.needsRectification()) {
            if (clean.isEmpty()) {
                problems.add(new FieldProblem("/findings", "REQUIRED", "基本合格或不合格须列明存在的问题"));
            }
            if (rectificationOrder == null || rectificationOrder.isBlank()) {
                problems.add(new FieldProblem("/rectificationOrder", "REQUIRED", "基本合格或不合格须责令整改"));
            }
            if (rectificationDue == null || !rectificationDue.isAfter(on)) {
                problems.add(new FieldProblem("/rectificationDue", "RECTIFICATION_DUE_INVALID", "整改期限须晚于今日"));
            }
        }
        InvalidFields.throwIfAny("GRADING_INVALID", problems);
        boolean rectify = grade.needsRectification();
        AnnualReport n = new AnnualReport(id, organizationId, authorityCode, organizationType, year, boardElectedOnTime,
                governance, activities, finances, auditedReportReference, filedOn, ReportStatus.GRADED, grade, clean,
                rectify ? rectificationOrder.strip() : null, rectify ? rectificationDue : null, version + 1);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("grade", grade.name());
        if (rectify) {
            changes.put("rectificationDue", rectificationDue.toString());
        }
        Map<String, Object> attributes = new LinkedHashMap<>(n.attributes());
        attributes.put("grade", grade.name());
        return new Transitioned<>(n, new DomainEvent("graded", status.name(), n.status.name(),
                clean.isEmpty() ? null : String.join("；", clean), changes, attributes));
    }

    private Map<String, Object> attributes() {
        return Map.of("organizationId", organizationId, "year", year, "regionCode", authorityCode);
    }
}
