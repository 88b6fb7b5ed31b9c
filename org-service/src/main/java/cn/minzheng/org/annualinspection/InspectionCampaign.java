package cn.minzheng.org.annualinspection;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The yearly annual-inspection campaign of one registration authority. One per authority and year.
 * The sweep may run again after a crash or by hand: it starts over and skips what it already did.
 * {@code deadlines} is each type's deadline (基金会 31 March, the others 31 May, from configuration);
 * {@code deadline} the earliest of them, after which the sweep may run — for the types then due; an
 * organization whose type's deadline has not passed is left for a later run.
 */
public record InspectionCampaign(String id, String authorityCode, int year, LocalDate deadline,
                                 Map<OrganizationType, LocalDate> deadlines,
                                 CampaignStatus status, LocalDate openedOn, SweepProgress progress, List<Warning> warnings,
                                 long version) {

    public InspectionCampaign {
        // campaigns opened before per-type deadlines had one deadline for every type
        deadlines = deadlines == null || deadlines.isEmpty() ? Map.of() : Map.copyOf(deadlines);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A campaign as stored before it had warnings. */
    public InspectionCampaign(String id, String authorityCode, int year, LocalDate deadline, Map<OrganizationType, LocalDate> deadlines,
                              CampaignStatus status, LocalDate openedOn, SweepProgress progress, long version) {
        this(id, authorityCode, year, deadline, deadlines, status, openedOn, progress, List.of(), version);
    }

    /**
     * Something the registrar should know about the campaign, recorded with it (never a refusal): {@code code}
     * for programs, {@code message} in Chinese for people.
     */
    public record Warning(String code, String message) {
        /** Opened after the report deadline of some types (issue 16 item 3): allowed, but the filing period is over. */
        public static final String OPENED_AFTER_DEADLINE = "OPENED_AFTER_DEADLINE";
    }

    /** The deadline of an organization type (the campaign's one deadline for campaigns opened before types had their own). */
    public LocalDate deadlineOf(OrganizationType type) {
        return deadlines.getOrDefault(type, deadline);
    }

    /** Whether the sweep may decide about an organization of this type: its deadline has passed. */
    public boolean due(OrganizationType type, LocalDate today) {
        return today.isAfter(deadlineOf(type));
    }

    public static String idOf(String authorityCode, int year) {
        return authorityCode + "-" + year;
    }

    public static Transitioned<InspectionCampaign, DomainEvent> open(String authorityCode, int year, InspectionPolicy policy, LocalDate on) {
        if (year >= on.getYear()) {
            throw new RuleViolation("CAMPAIGN_YEAR_NOT_ENDED",
                    List.of(new FieldProblem("/year", "REPORT_YEAR_NOT_ENDED", "只能为已结束的年度开启年检")));
        }
        Map<OrganizationType, LocalDate> deadlines = policy.deadlinesFor(year);
        List<Warning> warnings = lateWarnings(deadlines, on);
        InspectionCampaign c = new InspectionCampaign(idOf(authorityCode, year), authorityCode, year,
                policy.deadlineFor(year), deadlines, CampaignStatus.OPEN, on, SweepProgress.none(), warnings, 1);
        Map<String, Object> changes = new java.util.LinkedHashMap<>();
        changes.put("year", year);
        changes.put("deadline", c.deadline.toString());
        changes.put("deadlines", deadlineTexts(c.deadlines));
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put("regionCode", authorityCode);
        if (!warnings.isEmpty()) {
            attributes.put("warnings", warnings.stream().map(w -> Map.of("code", w.code(), "message", w.message())).toList());
        }
        return new Transitioned<>(c, new DomainEvent("opened", null, CampaignStatus.OPEN.name(), null, changes, attributes));
    }

    /**
     * A campaign opened after a type's report deadline is allowed (the sweep may run at once for that type) but
     * recorded with a warning: the organizations of that type had no campaign while they could still file.
     */
    static List<Warning> lateWarnings(Map<OrganizationType, LocalDate> deadlines, LocalDate on) {
        Map<OrganizationType, LocalDate> passed = new TreeMap<>();
        deadlines.forEach((type, day) -> {
            if (on.isAfter(day)) {
                passed.put(type, day);
            }
        });
        if (passed.isEmpty()) {
            return List.of();
        }
        StringBuilder which = new StringBuilder();
        passed.forEach((type, day) -> which.append(which.isEmpty() ? "" : "，").append(typeName(type)).append("截止于").append(day));
        return List.of(new Warning(Warning.OPENED_AFTER_DEADLINE, "年检于" + on + "开启，已晚于报送截止日期（" + which
                + "）：这些组织报送期已过，清理时将按未报送处理。请核实是否已另行通知各组织报送，必要时先书面告知再清理"));
    }

    private static String typeName(OrganizationType type) {
        return switch (type) {
            case SOCIAL_GROUP -> "社会团体";
            case PRIVATE_NON_ENTERPRISE -> "民办非企业单位";
            case FOUNDATION -> "基金会";
        };
    }

    /** The sweep starts only after the deadline; it may be resumed or re-run (it skips what is done). */
    public InspectionCampaign startSweep(LocalDate today) {
        if (!today.isAfter(deadline)) {
            throw new RuleViolation("SWEEP_BEFORE_DEADLINE", List.of(new FieldProblem("/deadline", "DEADLINE_NOT_PASSED",
                    "年检截止日期（" + deadline + "）之后方可处理未报送的组织")));
        }
        return new InspectionCampaign(id, authorityCode, year, deadline, deadlines, CampaignStatus.SWEEPING, openedOn, SweepProgress.none(), warnings, version + 1);
    }

    public Transitioned<InspectionCampaign, DomainEvent> finishSweep(SweepProgress done) {
        if (status == CampaignStatus.OPEN) {
            throw new IllegalTransition("inspection-campaign", status.name(), "finishSweep");
        }
        InspectionCampaign n = new InspectionCampaign(id, authorityCode, year, deadline, deadlines, CampaignStatus.SWEPT, openedOn, done, warnings, version + 1);
        return new Transitioned<>(n, new DomainEvent("swept", status.name(), CampaignStatus.SWEPT.name(), null,
                Map.of("examined", done.examined(), "listingNoticesIssued", done.listingNoticesIssued(),
                        "revocationsProposed", done.revocationsProposed(), "exempt", done.exempt()),
                Map.of("regionCode", authorityCode, "year", year)));
    }

    private static Map<String, String> deadlineTexts(Map<OrganizationType, LocalDate> deadlines) {
        Map<String, String> texts = new TreeMap<>();
        deadlines.forEach((type, date) -> texts.put(type.name(), date.toString()));
        return texts;
    }
}
