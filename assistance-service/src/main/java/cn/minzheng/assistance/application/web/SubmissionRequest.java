package cn.minzheng.assistance.application.web;

import cn.minzheng.assistance.application.SubmissionForm;
import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.assistance.household.IncomeCategory;
import cn.minzheng.assistance.household.AssetItem;
import cn.minzheng.assistance.household.AssetType;
import cn.minzheng.assistance.household.EmergencyKind;
import cn.minzheng.assistance.household.ExclusionReason;
import cn.minzheng.assistance.household.FieldProblem;
import cn.minzheng.assistance.household.HouseholdMember;
import cn.minzheng.assistance.household.IncomeItem;
import cn.minzheng.assistance.household.LabourCapacity;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.assistance.household.Submission;
import cn.minzheng.assistance.standards.Area;
import cn.minzheng.assistance.standards.Program;

import java.util.ArrayList;
import java.util.List;

/** The submission as the API takes it: money as two-decimal yuan strings. */
public record SubmissionRequest(Program program, String applicantIdNumber, String regionCode, Area area,
                                EmergencyKind emergencyKind, String requestedAmount, List<Member> members,
                                Boolean truthfulnessCommitment, Boolean pledgeInsteadOfCertificates,
                                String staffRelation) implements SubmissionForm {

    public record Member(String name, String idNumber, Relation relation, LabourCapacity labourCapacity,
                         Integer disabilityGrade, Boolean mentalOrIntellectual, Boolean seriousIllness,
                         List<Income> incomes, List<Asset> assets, Boolean authorizationSigned,
                         ExclusionReason excludedBecause) {
    }

    public record Income(IncomeCategory category, String monthlyAmount) {
    }

    public record Asset(AssetType type, String value, Integer count) {
    }

    /** The domain submission; malformed amounts are field problems (reported with the domain's own). */
    @Override
    public Submission toSubmission(List<FieldProblem> problems) {
        List<HouseholdMember> out = new ArrayList<>();
        List<Member> given = members == null ? List.of() : members;
        for (int i = 0; i < given.size(); i++) {
            Member m = given.get(i);
            if (m == null) {
                problems.add(new FieldProblem("/members/" + i, "REQUIRED", "member is empty"));
                continue;
            }
            List<IncomeItem> incomes = new ArrayList<>();
            List<Income> gi = m.incomes() == null ? List.of() : m.incomes();
            for (int j = 0; j < gi.size(); j++) {
                if (gi.get(j) == null) {
                    problems.add(new FieldProblem("/members/" + i + "/incomes/" + j, "REQUIRED", "income item is empty"));
                    continue;
                }
                incomes.add(new IncomeItem(gi.get(j).category(),
                        fen(gi.get(j).monthlyAmount(), "/members/" + i + "/incomes/" + j + "/monthlyAmount", problems)));
            }
            List<AssetItem> assets = new ArrayList<>();
            List<Asset> ga = m.assets() == null ? List.of() : m.assets();
            for (int j = 0; j < ga.size(); j++) {
                Asset a = ga.get(j);
                if (a == null) {
                    problems.add(new FieldProblem("/members/" + i + "/assets/" + j, "REQUIRED", "asset item is empty"));
                    continue;
                }
                long value = a.value() == null ? 0 : fen(a.value(), "/members/" + i + "/assets/" + j + "/value", problems);
                assets.add(new AssetItem(a.type(), value, a.count() == null ? 1 : a.count()));
            }
            out.add(new HouseholdMember(m.name(), m.idNumber(), m.relation(), m.labourCapacity(),
                    m.disabilityGrade() == null ? 0 : m.disabilityGrade(), yes(m.mentalOrIntellectual()),
                    yes(m.seriousIllness()), incomes, assets, yes(m.authorizationSigned()), m.excludedBecause()));
        }
        long requested = requestedAmount == null ? 0 : fen(requestedAmount, "/requestedAmount", problems);
        return new Submission(program, applicantIdNumber == null ? null : applicantIdNumber.toUpperCase(), regionCode,
                area, emergencyKind, requested, out, yes(truthfulnessCommitment), yes(pledgeInsteadOfCertificates),
                staffRelation);
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static long fen(String yuan, String pointer, List<FieldProblem> problems) {
        try {
            return Fen.parseYuan(yuan).value();
        } catch (InvalidCodeException e) {
            problems.add(new FieldProblem(pointer, "AMOUNT_FORMAT", e.messageZh(), java.util.List.of(e.messageZh())));
            return 0;
        }
    }
}
