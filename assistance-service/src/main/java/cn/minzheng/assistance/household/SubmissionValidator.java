package cn.minzheng.assistance.household;

import cn.minzheng.assistance.standards.Program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Field rules of a submission. Reports every problem at once (so the citizen fixes them in one go),
 * each with a JSON pointer into the submitted document.
 */
public final class SubmissionValidator {
    private final SubmissionLimits limits;

    public SubmissionValidator(SubmissionLimits limits) {
        this.limits = limits;
    }

    public List<FieldProblem> problems(Submission s, LocalDate today) {
        List<FieldProblem> out = new ArrayList<>();
        if (s.program() == null) {
            out.add(new FieldProblem("/program", "REQUIRED", "program is required"));
        }
        if (s.regionCode() == null || !s.regionCode().matches("\\d{12}")) {
            out.add(new FieldProblem("/regionCode", "REGION_FORMAT", "region must be a 12-digit 区划 code"));
        } else if (!limits.regionKnown(s.regionCode())) {
            out.add(new FieldProblem("/regionCode", "REGION_UNKNOWN", "region is not served by this deployment"));
        }
        if (!s.truthfulnessCommitment()) {
            out.add(new FieldProblem("/truthfulnessCommitment", "COMMITMENT_REQUIRED",
                    "the truthfulness commitment must be signed"));
        }
        if (s.program() == Program.TEMPORARY) {
            if (s.emergencyKind() == null) {
                out.add(new FieldProblem("/emergencyKind", "REQUIRED", "临时救助 needs its kind"));
            }
            if (s.requestedAmountFen() <= 0) {
                out.add(new FieldProblem("/requestedAmount", "AMOUNT_REQUIRED", "临时救助 needs a positive amount"));
            }
        }
        checkAmount(out, "/requestedAmount", s.requestedAmountFen());
        if (s.staffRelation() != null && s.staffRelation().length() > 200) {
            out.add(new FieldProblem("/staffRelation", "TOO_LONG", "at most 200 characters", java.util.List.of(200)));
        }
        if (s.members().isEmpty()) {
            out.add(new FieldProblem("/members", "REQUIRED", "at least one member is required"));
            return out;
        }
        if (s.members().size() > limits.maxMembers()) {
            out.add(new FieldProblem("/members", "TOO_MANY", "at most " + limits.maxMembers() + " members", java.util.List.of(limits.maxMembers())));
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, ResidentIdentity> ids = new HashMap<>();
        int selfCount = 0;
        for (int i = 0; i < s.members().size(); i++) {
            HouseholdMember m = s.members().get(i);
            String base = "/members/" + i;
            if (m.name() == null || m.name().isBlank() || m.name().length() > 50) {
                out.add(new FieldProblem(base + "/name", "NAME_INVALID", "a name of 1 to 50 characters is required"));
            }
            if (m.relation() == null) {
                out.add(new FieldProblem(base + "/relation", "REQUIRED", "relation is required"));
            } else if (m.relation() == Relation.SELF) {
                selfCount++;
            }
            Optional<ResidentIdentity> id = ResidentIdentity.parse(m.idNumber(), today);
            if (id.isEmpty()) {
                out.add(new FieldProblem(base + "/idNumber", "ID_INVALID", "not a valid 身份证号"));
            } else {
                ids.put(i, id.get());
                Integer first = seen.putIfAbsent(id.get().number(), i);
                if (first != null) {
                    out.add(new FieldProblem(base + "/idNumber", "MEMBER_DUPLICATE",
                            "the same person is listed as member " + first));
                }
            }
            if (m.disabilityGrade() < 0 || m.disabilityGrade() > 4) {
                out.add(new FieldProblem(base + "/disabilityGrade", "GRADE_RANGE", "disability grade is 0 to 4"));
            }
            for (int j = 0; j < m.incomes().size(); j++) {
                IncomeItem item = m.incomes().get(j);
                if (item.category() == null) {
                    out.add(new FieldProblem(base + "/incomes/" + j + "/category", "REQUIRED", "category is required"));
                }
                checkAmount(out, base + "/incomes/" + j + "/monthlyAmount", item.monthlyFen());
            }
            for (int j = 0; j < m.assets().size(); j++) {
                AssetItem a = m.assets().get(j);
                if (a.type() == null) {
                    out.add(new FieldProblem(base + "/assets/" + j + "/type", "REQUIRED", "type is required"));
                }
                checkAmount(out, base + "/assets/" + j + "/value", a.valueFen());
                if (a.count() < 0 || a.count() > 100) {
                    out.add(new FieldProblem(base + "/assets/" + j + "/count", "COUNT_RANGE", "count is 0 to 100"));
                }
            }
        }
        if (selfCount != 1) {
            out.add(new FieldProblem("/members", "SELF_COUNT", "exactly one member must have relation SELF"));
        }
        int applicantIndex = indexOf(s);
        if (applicantIndex < 0) {
            out.add(new FieldProblem("/applicantIdNumber", "APPLICANT_NOT_MEMBER",
                    "the applicant must be a household member"));
        } else if (s.members().get(applicantIndex).relation() != Relation.SELF) {
            out.add(new FieldProblem("/members/" + applicantIndex + "/relation", "APPLICANT_NOT_SELF",
                    "the applicant's relation must be SELF"));
        }
        ResidentIdentity applicantId = applicantIndex < 0 ? null : ids.get(applicantIndex);
        for (Map.Entry<Integer, ResidentIdentity> e : ids.entrySet()) {
            HouseholdMember m = s.members().get(e.getKey());
            int age = e.getValue().ageOn(today);
            String base = "/members/" + e.getKey();
            if (age >= limits.adultAge() && !m.authorizationSigned() && m.counted()) {
                out.add(new FieldProblem(base + "/authorizationSigned", "AUTHORIZATION_REQUIRED",
                        "every adult member signs the 核对授权"));
            }
            if (m.relation() == Relation.SPOUSE && age < limits.minimumSpouseAge()) {
                out.add(new FieldProblem(base + "/relation", "AGE_INCONSISTENT", "a spouse below marriage age"));
            }
            if (applicantId != null && m.relation() != null && e.getKey() != applicantIndex
                    && !m.relation().plausibleGap(age, applicantId.ageOn(today))) {
                out.add(new FieldProblem(base + "/relation", "AGE_INCONSISTENT",
                        "age from the ID's birth date does not fit relation " + m.relation()));
            }
        }
        return out;
    }

    /** Throws {@link SubmissionInvalidException} with every problem when there is one. */
    public void check(Submission s, LocalDate today) {
        List<FieldProblem> p = problems(s, today);
        if (!p.isEmpty()) {
            throw new SubmissionInvalidException(p);
        }
    }

    private void checkAmount(List<FieldProblem> out, String pointer, long fen) {
        if (fen < 0) {
            out.add(new FieldProblem(pointer, "AMOUNT_NEGATIVE", "amounts are not negative"));
        } else if (fen > limits.maxAmountFen()) {
            out.add(new FieldProblem(pointer, "AMOUNT_TOO_LARGE", "amount above the configured bound"));
        }
    }

    private static int indexOf(Submission s) {
        if (s.applicantIdNumber() == null) {
            return -1;
        }
        for (int i = 0; i < s.members().size(); i++) {
            if (s.applicantIdNumber().equalsIgnoreCase(String.valueOf(s.members().get(i).idNumber()))) {
                return i;
            }
        }
        return -1;
    }
}
