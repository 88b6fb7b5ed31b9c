package cn.minzheng.assistance.eligibility;

import cn.minzheng.assistance.household.IncomeTreatment;
import cn.minzheng.assistance.household.AssetItem;
import cn.minzheng.assistance.household.HouseholdMember;
import cn.minzheng.assistance.household.IncomeItem;
import cn.minzheng.assistance.household.LabourCapacity;
import cn.minzheng.assistance.household.ResidentIdentity;
import cn.minzheng.assistance.household.Submission;
import cn.minzheng.assistance.standards.Area;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardCatalogue;
import cn.minzheng.assistance.standards.StandardKind;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Eligibility and monthly amount per program, with the full trace.
 * <ul>
 * <li>低保: per-capita counted income below the standard and assets within the rules; amount is
 *     补差 = standard × counted members − counted household income [57]§23, exact in fen. The per-capita
 *     figure is shown, never an input: every comparison "per-capita &lt; x" is made exactly as
 *     "income &lt; x × members", so rounding the per-capita figure can neither move a household across a
 *     line nor add a fen to its amount. Otherwise, a member qualifying for
 *     单人保 in a family below the 边缘 threshold is enrolled alone [57]§8 with
 *     standard − that member's own net income.</li>
 * <li>低保边缘: not 低保-eligible, per-capita below 1.5 × the standard, assets within the rules.</li>
 * <li>特困: no labour capacity, income below the 低保 standard, assets within rules, no able supporter
 *     [43]§5–8; amount is the 特困 standard (published, or the configured multiple of 低保).</li>
 * <li>临时救助: the requested amount, capped at the configured number of months of the standard.</li>
 * </ul>
 */
public final class EligibilityCalculator {
    private final StandardCatalogue standards;
    private final EligibilityPolicy policy;

    public EligibilityCalculator(StandardCatalogue standards, EligibilityPolicy policy) {
        this.standards = standards;
        this.policy = policy;
    }

    /**
     * @param supporterAble for 特困: whether a legal supporter able to support exists (found by the investigation)
     */
    public Calculation calculate(Submission s, YearMonth month, LocalDate today, boolean supporterAble) {
        Area area = s.program().areaOf(s.area());
        StandardKind dibaoKind = StandardKind.dibao(area);
        AssistanceStandard dibao = standards.inForce(s.regionCode(), dibaoKind, month)
                .orElseThrow(() -> new NoStandardException(s.regionCode(), dibaoKind, month));
        long standard = dibao.monthlyFen();

        List<CalculationLine> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long counted = 0;
        long deducted = 0;
        int members = 0;
        long financial = 0;
        int homes = 0;
        int vehicles = 0;
        for (HouseholdMember m : s.members()) {
            if (!m.counted()) {
                notes.add(m.name() + " 不计入家庭成员: " + m.excludedBecause() + " [57]§7");
                continue;
            }
            members++;
            for (IncomeItem item : m.incomes()) {
                IncomeTreatment t = item.category().treatment();
                lines.add(new CalculationLine(m.name(), item.category(), item.monthlyFen(), t, item.category().reason()));
                if (t == IncomeTreatment.COUNTED) {
                    counted += item.monthlyFen();
                } else if (t == IncomeTreatment.DEDUCTED) {
                    deducted += item.monthlyFen();
                }
            }
            for (AssetItem a : m.assets()) {
                switch (a.type()) {
                    case HOUSE -> homes += a.count();
                    case VEHICLE -> vehicles += a.count();
                    default -> financial += a.valueFen();
                }
            }
        }
        long net = Math.max(0, counted - deducted);
        long perCapita = members == 0 ? 0 : net / members;
        if (members == 0) {
            notes.add("无计入的家庭成员 [57]§7");
        }

        long financialCap = standard * policy.financialAssetMonths();
        long financialPerCapita = members == 0 ? financial : financial / members;
        boolean assetsOk = true;
        if (financialPerCapita > financialCap) {
            assetsOk = false;
            notes.add("人均金融资产 " + financialPerCapita + " 分 超过 " + policy.financialAssetMonths() + " 个月标准 "
                    + financialCap + " 分");
        }
        if (homes > policy.maxHomes()) {
            assetsOk = false;
            notes.add("住房 " + homes + " 套 超过 " + policy.maxHomes() + " 套");
        }
        if (vehicles > policy.maxVehicles()) {
            assetsOk = false;
            notes.add("机动车 " + vehicles + " 辆 超过 " + policy.maxVehicles() + " 辆");
        }

        return switch (s.program()) {
            case DIBAO_URBAN, DIBAO_RURAL -> dibao(s, month, dibao, lines, counted, deducted, net, members,
                    perCapita, assetsOk, notes);
            case DIBAO_EDGE -> {
                long threshold = percentOf(standard, policy.edgeMultiplePercent());
                boolean below = belowStandard(net, standard, members);
                boolean ok = !below && belowPercentOfStandard(net, standard, policy.edgeMultiplePercent(), members)
                        && assetsOk;
                if (below) {
                    notes.add("人均收入低于低保标准: 应申请低保而非边缘认定");
                }
                yield new Calculation(month, dibao.kind(), dibao.regionPrefix(), standard, lines, counted, deducted,
                        members, perCapita, threshold, assetsOk, ok ? Outcome.ELIGIBLE : Outcome.NOT_ELIGIBLE, 0, notes);
            }
            case TEKUN -> tekun(s, month, today, area, dibao, lines, counted, deducted, net, members, perCapita,
                    assetsOk, supporterAble, notes);
            case TEMPORARY -> {
                long cap = standard * policy.temporaryCapMonths();
                long amount = Math.min(s.requestedAmountFen(), cap);
                if (s.requestedAmountFen() > cap) {
                    notes.add("申请金额超过 " + policy.temporaryCapMonths() + " 个月低保标准, 按上限 " + cap + " 分");
                }
                yield new Calculation(month, dibao.kind(), dibao.regionPrefix(), standard, lines, counted, deducted,
                        members, perCapita, cap, true, amount > 0 ? Outcome.ELIGIBLE : Outcome.NOT_ELIGIBLE, amount,
                        notes);
            }
        };
    }

    private Calculation dibao(Submission s, YearMonth month, AssistanceStandard dibao, List<CalculationLine> lines,
                              long counted, long deducted, long net, int members, long perCapita, boolean assetsOk,
                              List<String> notes) {
        long standard = dibao.monthlyFen();
        boolean below = belowStandard(net, standard, members);
        if (below && assetsOk) {
            long amount = gap(standard, members, net);
            notes.add("补差: " + standard + " × " + members + " − " + net + " = " + amount + " 分");
            return new Calculation(month, dibao.kind(), dibao.regionPrefix(), standard, lines, counted, deducted,
                    members, perCapita, standard, true, Outcome.ELIGIBLE, amount, notes);
        }
        long edge = percentOf(standard, policy.edgeMultiplePercent());
        if (belowPercentOfStandard(net, standard, policy.edgeMultiplePercent(), members) && assetsOk) {
            for (HouseholdMember m : s.members()) {
                if (m.counted() && m.qualifiesForSinglePersonEnrolment()) {
                    long own = ownNetIncome(m);
                    long amount = Math.max(0, standard - own);
                    if (amount > 0) {
                        notes.add("单人保 [57]§8: " + m.name() + " 按单人户, " + standard + " − " + own + " = " + amount + " 分");
                        return new Calculation(month, dibao.kind(), dibao.regionPrefix(), standard, lines, counted,
                                deducted, members, perCapita, edge, true, Outcome.ELIGIBLE_SINGLE_PERSON, amount, notes);
                    }
                }
            }
        }
        if (!below && members > 0) {
            notes.add("人均收入 " + perCapita + " 分 不低于标准 " + standard + " 分");
        }
        return new Calculation(month, dibao.kind(), dibao.regionPrefix(), standard, lines, counted, deducted, members,
                perCapita, standard, assetsOk, Outcome.NOT_ELIGIBLE, 0, notes);
    }

    private Calculation tekun(Submission s, YearMonth month, LocalDate today, Area area, AssistanceStandard dibao,
                              List<CalculationLine> lines, long counted, long deducted, long net, int members,
                              long perCapita, boolean assetsOk, boolean supporterAble, List<String> notes) {
        long dibaoStandard = dibao.monthlyFen();
        StandardKind tekunKind = StandardKind.tekun(area);
        long tekunStandard;
        String region;
        var published = standards.inForce(s.regionCode(), tekunKind, month);
        if (published.isPresent()) {
            tekunStandard = published.get().monthlyFen();
            region = published.get().regionPrefix();
        } else {
            tekunStandard = percentOf(dibaoStandard, policy.tekunMultiplePercent());
            region = dibao.regionPrefix();
            notes.add("无特困标准, 按低保标准 × " + policy.tekunMultiplePercent() + "% = " + tekunStandard + " 分");
        }
        HouseholdMember applicant = s.members().stream()
                .filter(m -> m.idNumber() != null && m.idNumber().equalsIgnoreCase(s.applicantIdNumber()))
                .findFirst().orElse(s.members().get(0));
        int age = ResidentIdentity.parse(applicant.idNumber(), today).map(id -> id.ageOn(today)).orElse(-1);
        boolean noLabour = applicant.labourCapacity() == LabourCapacity.NONE
                || age >= policy.tekunMinAge() || (age >= 0 && age < policy.tekunMaxMinorAge())
                || (applicant.disabilityGrade() >= 1 && applicant.disabilityGrade() <= 2);
        boolean ok = true;
        if (!noLabour) {
            ok = false;
            notes.add("具有劳动能力 [43]§6");
        }
        if (!belowStandard(net, dibaoStandard, members)) {
            ok = false;
            notes.add("收入不低于低保标准 " + dibaoStandard + " 分 [43]§7");
        }
        if (!assetsOk) {
            ok = false;
        }
        if (supporterAble) {
            ok = false;
            notes.add("有具备赡养、抚养、扶养能力的法定义务人 [43]§8");
        }
        return new Calculation(month, tekunKind, region, tekunStandard, lines, counted, deducted, members, perCapita,
                dibaoStandard, assetsOk, ok ? Outcome.ELIGIBLE : Outcome.NOT_ELIGIBLE, ok ? tekunStandard : 0, notes);
    }

    private static long ownNetIncome(HouseholdMember m) {
        long c = 0;
        long d = 0;
        for (IncomeItem i : m.incomes()) {
            if (i.category().treatment() == IncomeTreatment.COUNTED) {
                c += i.monthlyFen();
            } else if (i.category().treatment() == IncomeTreatment.DEDUCTED) {
                d += i.monthlyFen();
            }
        }
        return Math.max(0, c - d);
    }

    /**
     * 补差: the household's gap to the standard, standard × counted members − counted net income, in
     * fen, never negative [57]§23.
     */
    static long gap(long standardFen, int members, long netIncomeFen) {
        return Math.max(0, standardFen * members - netIncomeFen);
    }

    /** per-capita income &lt; standard, exactly: income &lt; standard × members (false with no member counted). */
    static boolean belowStandard(long netIncomeFen, long standardFen, int members) {
        return netIncomeFen < standardFen * members;
    }

    /** per-capita income &lt; percent % of the standard, exactly: income × 100 &lt; standard × percent × members. */
    static boolean belowPercentOfStandard(long netIncomeFen, long standardFen, int percent, int members) {
        return netIncomeFen * 100 < standardFen * percent * members;
    }

    /** percent of a fen amount, rounded half up to the fen. */
    static long percentOf(long fen, int percent) {
        return (fen * percent + 50) / 100;
    }
}
