package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.org.organization.AuthorityLevel;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.org.problems.FieldProblem;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Type-specific conditions of 成立登记 and of changes to funds or legal representative; each broken
 * rule is a field problem, so the applicant learns all of them at once.
 */
public final class RegistrationRules {
    private final RegistrationPolicy policy;

    public RegistrationRules(RegistrationPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param representsAnotherSocialGroup whether the legal representative already represents another
     *                                     registered 社会团体 ([SG]§12: not allowed for a 社会团体)
     */
    public List<FieldProblem> check(Particulars p, RegistrationAuthority authority, boolean representsAnotherSocialGroup) {
        List<FieldProblem> problems = new ArrayList<>();
        if (p.type() == null) {
            problems.add(new FieldProblem("/type", "TYPE_REQUIRED", "请选择社会组织类型"));
            return problems;
        }
        requireText(p.residence(), "/residence", "住所", problems);
        requireText(p.purpose(), "/purpose", "宗旨", problems);
        requireText(p.businessScope(), "/businessScope", "业务范围", problems);
        requireText(p.activityArea(), "/activityArea", "活动地域", problems);
        if (p.type() != OrganizationType.FOUNDATION) {
            requireText(p.sponsorUnit(), "/sponsorUnit", "业务主管单位", problems);
        }
        if (p.legalRepresentative() == null || blank(p.legalRepresentative().name())
                || blank(p.legalRepresentative().idNumber())) {
            problems.add(new FieldProblem("/legalRepresentative", "LEGAL_REPRESENTATIVE_REQUIRED", "请填写法定代表人姓名和身份证件号码"));
        }
        if (p.fundsFen() < 0) {
            problems.add(new FieldProblem("/funds", "FUNDS_NEGATIVE", "资金数额不能为负"));
        }
        switch (p.type()) {
            case SOCIAL_GROUP -> checkSocialGroup(p, authority, representsAnotherSocialGroup, problems);
            case PRIVATE_NON_ENTERPRISE -> checkPrivateNonEnterprise(p, problems);
            case FOUNDATION -> checkFoundation(p, authority, problems);
        }
        return problems;
    }

    /** Documents still missing for the type: the 一次性告知 list. */
    public Set<DocumentKind> missingDocuments(Particulars p) {
        Set<DocumentKind> required = policy.requiredDocuments().getOrDefault(p.type(), Set.of());
        EnumSet<DocumentKind> missing = EnumSet.noneOf(DocumentKind.class);
        for (DocumentKind d : required) {
            if (!p.documents().contains(d)) {
                missing.add(d);
            }
        }
        return missing;
    }

    private void checkSocialGroup(Particulars p, RegistrationAuthority authority, boolean representsAnother,
                                  List<FieldProblem> problems) {
        Members m = p.members();
        if (m == null || m.individuals() < 0 || m.units() < 0) {
            problems.add(new FieldProblem("/members", "MEMBERS_REQUIRED", "请填写个人会员和单位会员数"));
        } else if (!enoughMembers(m)) {
            problems.add(new FieldProblem("/members", "MEMBERS_TOO_FEW",
                    "会员数不足：需个人会员不少于" + policy.socialGroupMinIndividuals() + "个，或单位会员不少于"
                            + policy.socialGroupMinUnits() + "个，或混合时合计不少于" + policy.socialGroupMinMixedTotal() + "个"));
        }
        long min = authority.national() ? policy.socialGroupFundsNationalFen() : policy.socialGroupFundsLocalFen();
        if (p.fundsFen() < min) {
            problems.add(new FieldProblem("/funds", "FUNDS_BELOW_MINIMUM",
                    (authority.national() ? "全国性" : "地方性") + "社会团体活动资金不得少于" + Fen.of(min).yuan() + "元"));
        }
        if (representsAnother) {
            problems.add(new FieldProblem("/legalRepresentative/idNumber", "ALREADY_REPRESENTS_SOCIAL_GROUP",
                    "社会团体的法定代表人不得同时担任其他社会团体的法定代表人"));
        }
    }

    boolean enoughMembers(Members m) {
        if (m.units() == 0) {
            return m.individuals() >= policy.socialGroupMinIndividuals();
        }
        if (m.individuals() == 0) {
            return m.units() >= policy.socialGroupMinUnits();
        }
        return m.total() >= policy.socialGroupMinMixedTotal();
    }

    private void checkPrivateNonEnterprise(Particulars p, List<FieldProblem> problems) {
        long min = policy.privateNonEnterpriseMinimum(p.sector());
        if (p.fundsFen() < min) {
            problems.add(new FieldProblem("/funds", "FUNDS_BELOW_MINIMUM",
                    "开办资金不得少于本行业最低限额" + Fen.of(min).yuan() + "元"));
        }
    }

    private void checkFoundation(Particulars p, RegistrationAuthority authority, List<FieldProblem> problems) {
        if (!authority.level().atLeast(AuthorityLevel.PROVINCE)) {
            problems.add(new FieldProblem("/authorityCode", "FOUNDATION_AUTHORITY_LEVEL",
                    "基金会只能由民政部或省级民政部门登记"));
        }
        if (p.foundationKind() == null) {
            problems.add(new FieldProblem("/foundationKind", "FOUNDATION_KIND_REQUIRED", "请选择公募或非公募基金会"));
            return;
        }
        long min = switch (p.foundationKind()) {
            case PUBLIC -> authority.national() ? policy.foundationNationalPublicFen() : policy.foundationLocalPublicFen();
            case NON_PUBLIC -> policy.foundationNonPublicFen();
        };
        if (p.fundsFen() < min) {
            problems.add(new FieldProblem("/funds", "FUNDS_BELOW_MINIMUM", "基金会原始基金不得少于" + Fen.of(min).yuan() + "元"));
        }
        if (!p.fundsInCash()) {
            problems.add(new FieldProblem("/fundsInCash", "FOUNDATION_FUNDS_NOT_CASH", "基金会原始基金必须为到账货币资金"));
        }
    }

    private static void requireText(String value, String pointer, String label, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem(pointer, "REQUIRED", label + "不能为空"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
