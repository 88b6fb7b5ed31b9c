package cn.minzheng.assistance.application.web;

import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.EconomicCheck;
import cn.minzheng.assistance.application.HomeVisit;
import cn.minzheng.assistance.application.Opinion;
import cn.minzheng.assistance.application.ProviderAssignment;
import cn.minzheng.assistance.application.Publicity;
import cn.minzheng.assistance.application.SupplementRequest;
import cn.minzheng.assistance.application.TransitionRecord;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.deadlines.Deadline;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.household.Submission;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * A case as the API shows it to its owner and to staff in scope: money as yuan strings.
 * {@code householdConflict} — the other open cases listing one of the members — is in staff views
 * only ({@link #forStaff}); the owner's view never has the field.
 */
public record ApplicationView(String number, String program, String regionCode, String status, long version,
                              Instant submittedAt, Object submission, List<SupplementRequest> supplementRequests,
                              List<HomeVisit> homeVisits, EconomicCheck economicCheck, Opinion opinion,
                              Publicity publicity, Object decision, Object benefit, String recordCompletion,
                              ProviderAssignment provider, List<Deadline> deadlines, List<TransitionRecord> history,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<String> householdConflict) {

    /** The staff view: the owner's view plus the household conflict (an empty list when there is none). */
    public static ApplicationView forStaff(AssistanceCase c, List<String> householdConflict) {
        ApplicationView v = of(c);
        return new ApplicationView(v.number, v.program, v.regionCode, v.status, v.version, v.submittedAt, v.submission,
                v.supplementRequests, v.homeVisits, v.economicCheck, v.opinion, v.publicity, v.decision, v.benefit,
                v.recordCompletion, v.provider, v.deadlines, v.history, List.copyOf(householdConflict));
    }

    /** The owner's view (no household conflict). */
    public static ApplicationView of(AssistanceCase c) {
        Map<String, Object> decision = null;
        if (c.decision() != null) {
            decision = new LinkedHashMap<>();
            decision.put("approved", c.decision().approved());
            decision.put("reasons", String.valueOf(c.decision().reasons()));
            decision.put("decidedOn", c.decision().decidedOn().toString());
            decision.put("calculation", c.decision().calculation() == null ? Map.of()
                    : calculation(c.decision().calculation()));
            // 特困: 全自理 / 部分丧失 / 完全丧失 as assessed on the home visit [43]§21–22
            decision.put("selfCareLevel", c.decision().selfCareLevel());
        }
        Map<String, Object> benefit = null;
        if (c.benefit() != null) {
            benefit = new LinkedHashMap<>();
            if (c.program() == Program.TEMPORARY) {
                // 临时救助 is paid once (先行救助 in cash, or an approval paid by the next payment batch), never monthly
                benefit.put("kind", "ONE_OFF");
                benefit.put("kindName", "一次性");
                benefit.put("oneOffAmount", Fen.of(c.benefit().monthlyFen()).yuan());
                benefit.put("payableFrom", String.valueOf(c.benefit().firstMonth()));
            } else {
                benefit.put("monthlyAmount", Fen.of(c.benefit().monthlyFen()).yuan());
                benefit.put("firstMonth", String.valueOf(c.benefit().firstMonth()));
            }
            benefit.put("nextRecheckDue", c.benefit().nextRecheckDue());
            benefit.put("phaseOutUntil", c.benefit().phaseOutUntil());
        }
        return new ApplicationView(c.number(), c.program().name(), c.regionCode(), c.status().name(), c.version(),
                c.submittedAt(), submission(c.submission()), c.supplementRequests(), c.homeVisits(), c.economicCheck(),
                c.opinion(), c.publicity(), decision, benefit, c.recordCompletion(), c.provider(), c.deadlines(),
                c.history(), null);
    }

    static Object submission(Submission s) {
        return Map.of(
                "program", s.program().name(),
                "applicantIdNumber", s.applicantIdNumber(),
                "regionCode", s.regionCode(),
                "requestedAmount", Fen.of(s.requestedAmountFen()).yuan(),
                "truthfulnessCommitment", s.truthfulnessCommitment(),
                "pledgeInsteadOfCertificates", s.pledgeInsteadOfCertificates(),
                "members", s.members().stream().map(m -> Map.of(
                        "name", m.name(),
                        "idNumber", m.idNumber(),
                        "relation", m.relation().name(),
                        "labourCapacity", m.labourCapacity().name(),
                        "disabilityGrade", m.disabilityGrade(),
                        "incomes", m.incomes().stream().map(i -> Map.of("category", i.category().name(),
                                "monthlyAmount", Fen.of(i.monthlyFen()).yuan())).toList(),
                        "assets", m.assets().stream().map(a -> Map.of("type", a.type().name(),
                                "value", Fen.of(a.valueFen()).yuan(), "count", a.count())).toList(),
                        "counted", m.counted())).toList());
    }

    /** The calculation a clerk or auditor checks by hand. */
    public static Map<String, Object> calculation(Calculation c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", c.month().toString());
        out.put("standardKind", c.standardKind().name());
        out.put("standardRegion", c.standardRegion());
        out.put("standard", Fen.of(c.standardFen()).yuan());
        out.put("lines", c.lines().stream().map(l -> Map.of("member", l.memberName(), "category", l.category().name(),
                "monthlyAmount", Fen.of(l.monthlyFen()).yuan(), "treatment", l.treatment().name(), "reason", l.reason()))
                .toList());
        out.put("countedIncome", Fen.of(c.countedIncomeFen()).yuan());
        out.put("deducted", Fen.of(c.deductedFen()).yuan());
        out.put("countedMembers", c.countedMembers());
        out.put("perCapitaIncome", Fen.of(c.perCapitaFen()).yuan());
        out.put("threshold", Fen.of(c.thresholdFen()).yuan());
        out.put("assetsWithinRules", c.assetsWithinRules());
        out.put("outcome", c.outcome().name());
        out.put("monthlyAmount", Fen.of(c.monthlyAmountFen()).yuan());
        out.put("notes", c.notes());
        return out;
    }
}
