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
                                 CampaignStatus status, LocalDate openedOn, SweepProgress progress, long version) {

    public InspectionCampaign {
        // campaigns opened before per-type deadlines had one deadline for every type
        deadlines = deadlines == null || deadlines.isEmpty() ? Map.of() : Map.copyOf(deadlines);
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
        InspectionCampaign c = new InspectionCampaign(idOf(authorityCode, year), authorityCode, year,
                policy.deadlineFor(year), policy.deadlinesFor(year), CampaignStatus.OPEN, on, SweepProgress.none(), 1);
        return new Transitioned<>(c, new DomainEvent("opened", null, CampaignStatus.OPEN.name(), null,
                Map.of("year", year, "deadline", c.deadline.toString(), "deadlines", deadlineTexts(c.deadlines)),
                Map.of("regionCode", authorityCode)));
    }

    /** The sweep starts only after the deadline; it may be resumed or re-run (it skips what is done). */
    public InspectionCampaign startSweep(LocalDate today) {
        if (!today.isAfter(deadline)) {
            throw new RuleViolation("SWEEP_BEFORE_DEADLINE", List.of(new FieldProblem("/deadline", "DEADLINE_NOT_PASSED",
                    "年检截止日期（" + deadline + "）之后方可处理未报送的组织")));
        }
        return new InspectionCampaign(id, authorityCode, year, deadline, deadlines, CampaignStatus.SWEEPING, openedOn, SweepProgress.none(), version + 1);
    }

    public Transitioned<InspectionCampaign, DomainEvent> finishSweep(SweepProgress done) {
        if (status == CampaignStatus.OPEN) {
            throw new IllegalTransition("inspection-campaign", status.name(), "finishSweep");
        }
        InspectionCampaign n = new InspectionCampaign(id, authorityCode, year, deadline, deadlines, CampaignStatus.SWEPT, openedOn, done, version + 1);
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
