package cn.minzheng.assistance;

import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.deadlines.ScheduleBook;
import cn.minzheng.assistance.deadlines.Step;
import cn.minzheng.assistance.deadlines.StepLimit;
import cn.minzheng.assistance.eligibility.EligibilityPolicy;
import cn.minzheng.assistance.household.SubmissionLimits;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardKind;
import cn.minzheng.platform.codes.money.Fen;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Local figures of the deployment ({@code minzheng.assistance.*}); application.yml names the legal
 * source beside each value.
 */
@ConfigurationProperties("minzheng.assistance")
public record AssistanceProperties(List<String> regions, Submission submission, Case caseRules,
                                   EligibilityPolicy eligibility, Map<Program, Map<Step, Limit>> schedules,
                                   List<RegionalSchedule> regionalSchedules, List<SeedStandard> standards,
                                   int dueSoonDays, int maxPageSize) {

    public AssistanceProperties {
        regions = regions == null ? List.of() : List.copyOf(regions);
        schedules = schedules == null ? Map.of() : schedules;
        regionalSchedules = regionalSchedules == null ? List.of() : regionalSchedules;
        standards = standards == null ? List.of() : standards;
        dueSoonDays = dueSoonDays <= 0 ? 3 : dueSoonDays;
        maxPageSize = maxPageSize <= 0 ? 100 : maxPageSize;
    }

    public record Submission(int maxMembers, long maxAmountFen, int adultAge, int minimumSpouseAge) {
    }

    public record Case(int publicityDays, int minimumVisitStaff, int maxPhaseOutMonths, int recheckMonths,
                       int unstableRecheckMonths, int supplementReplyWorkingDays, int temporaryAwardPeriodMonths) {
    }

    public record Limit(int statutory, int promised) {
    }

    public record RegionalSchedule(Program program, String regionPrefix, Map<Step, Limit> limits) {
    }

    /** A seed standard: amount in yuan as written in the notice, converted to fen. */
    public record SeedStandard(String regionPrefix, StandardKind kind, String effectiveFrom, String yuan,
                               String source) {
        public AssistanceStandard toStandard() {
            return new AssistanceStandard(regionPrefix, kind, YearMonth.parse(effectiveFrom), Fen.parseYuan(yuan).value(),
                    source);
        }
    }

    public SubmissionLimits submissionLimits() {
        return new SubmissionLimits(regions, submission.maxMembers(), submission.maxAmountFen(), submission.adultAge(),
                submission.minimumSpouseAge());
    }

    public CaseRules rules() {
        return new CaseRules(caseRules.publicityDays(), caseRules.minimumVisitStaff(), caseRules.maxPhaseOutMonths(),
                caseRules.recheckMonths(), caseRules.unstableRecheckMonths(), caseRules.supplementReplyWorkingDays(),
                caseRules.temporaryAwardPeriodMonths());
    }

    public ScheduleBook scheduleBook() {
        Map<Program, Map<Step, StepLimit>> defaults = new EnumMap<>(Program.class);
        schedules.forEach((program, steps) -> defaults.put(program, limits(steps)));
        return new ScheduleBook(defaults, regionalSchedules.stream()
                .map(r -> new ScheduleBook.RegionalLimits(r.program(), r.regionPrefix(), limits(r.limits())))
                .toList());
    }

    private static Map<Step, StepLimit> limits(Map<Step, Limit> in) {
        Map<Step, StepLimit> out = new EnumMap<>(Step.class);
        in.forEach((step, l) -> out.put(step, new StepLimit(l.statutory(), l.promised())));
        return out;
    }
}
