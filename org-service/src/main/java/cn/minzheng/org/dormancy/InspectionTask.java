package cn.minzheng.org.dormancy;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 核查任务: an organization that looks dormant is to be looked into by an inspector (on site or at its
 * registered address) by {@code dueOn}. OPEN → CLOSED with findings and whether it is dormant indeed (which a
 * registrar may take up as a 撤销 case or a credit-list ground); the only move. Events {@code opened},
 * {@code closed} of the aggregate {@code inspection-task}.
 */
public record InspectionTask(String id, String organizationId, String authorityCode, DormancyGround ground, String facts,
                             LocalDate openedOn, LocalDate dueOn, TaskStatus status, String findings, Boolean dormant,
                             LocalDate closedOn, String closedBy, long version) {

    public static final int MAX_FINDINGS = 2000;

    public static Transitioned<InspectionTask, DomainEvent> open(String id, String organizationId, String authorityCode, DormancyGround ground,
                                                                 String facts, LocalDate on, DormancyPolicy policy) {
        InspectionTask t = new InspectionTask(id, organizationId, authorityCode, ground, facts, on, on.plusDays(policy.taskDueDays()),
                TaskStatus.OPEN, null, null, null, null, 1);
        return t.event("opened", null, ground.text(), Map.of("openedOn", on.toString(), "dueOn", t.dueOn.toString()),
                Map.of("ground", ground.name(), "facts", facts, "dueOn", t.dueOn.toString()));
    }

    public Transitioned<InspectionTask, DomainEvent> close(String findings, boolean dormant, LocalDate on, String inspector) {
        if (status != TaskStatus.OPEN) {
            throw new IllegalTransition("inspection-task", status.name(), "close");
        }
        if (findings == null || findings.isBlank()) {
            throw new InvalidFields("TASK_FINDINGS_INVALID", List.of(new FieldProblem("/findings", "REQUIRED", "请填写核查情况后再提交")));
        }
        if (findings.strip().length() > MAX_FINDINGS) {
            throw new InvalidFields("TASK_FINDINGS_INVALID", List.of(new FieldProblem("/findings", "TEXT_TOO_LONG",
                    "核查情况不能超过" + MAX_FINDINGS + "字，请精简后再提交")));
        }
        InspectionTask n = new InspectionTask(id, organizationId, authorityCode, ground, facts, openedOn, dueOn, TaskStatus.CLOSED,
                findings.strip(), dormant, on, inspector, version + 1);
        return n.event("closed", status, n.findings, Map.of("closedOn", on.toString()),
                Map.of("dormant", dormant, "findings", n.findings, "closedOn", on.toString(), "late", on.isAfter(dueOn)));
    }

    /** Past its due day and still open. */
    public boolean overdue(LocalDate today) {
        return status == TaskStatus.OPEN && today.isAfter(dueOn);
    }

    private Transitioned<InspectionTask, DomainEvent> event(String name, TaskStatus from, String reason, Map<String, Object> changes,
                                                            Map<String, Object> extra) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("organizationId", organizationId);
        attributes.put("regionCode", authorityCode);
        attributes.putAll(extra);
        return new Transitioned<>(this, new DomainEvent(name, from == null ? null : from.name(), status.name(), reason, changes, attributes));
    }
}
