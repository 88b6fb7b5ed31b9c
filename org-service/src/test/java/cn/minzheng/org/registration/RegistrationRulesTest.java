package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.problems.FieldProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationRulesTest {
    private final RegistrationRules rules = new RegistrationRules(RegistrationPolicy.defaults());

    static Particulars particulars(OrganizationType type, long fundsFen, Members members, FoundationKind kind, boolean cash) {
        return new Particulars(type, new OrganizationName("杭州市", type == OrganizationType.SOCIAL_GROUP ? "" : "夕阳红", "养老",
                type == OrganizationType.FOUNDATION ? "基金会" : type == OrganizationType.SOCIAL_GROUP ? "协会" : "服务中心"),
                "杭州市西湖区文三路1号", "服务老人", "养老服务", "杭州市", new Person("张三", "110105194912310025"), fundsFen, cash,
                kind, "养老", "杭州市民政局", members, List.of(), EnumSet.allOf(DocumentKind.class));
    }

    @ParameterizedTest(name = "社会团体 {0} individuals + {1} units at {2}, funds {3} fen -> {4}")
    @CsvSource(nullValues = "-", textBlock = """
            50, 0,  330100, 3000000,  -
            49, 0,  330100, 3000000,  MEMBERS_TOO_FEW
            0,  30, 330100, 3000000,  -
            0,  29, 330100, 3000000,  MEMBERS_TOO_FEW
            20, 30, 330100, 3000000,  -
            20, 29, 330100, 3000000,  MEMBERS_TOO_FEW
            49, 1,  330100, 3000000,  -
            50, 0,  330100, 2999999,  FUNDS_BELOW_MINIMUM
            50, 0,  100000, 9999999,  FUNDS_BELOW_MINIMUM
            50, 0,  100000, 10000000, -
            """)
    void socialGroupMembersAndFunds(int individuals, int units, String authority, long funds, String expected) {
        List<FieldProblem> problems = rules.check(particulars(OrganizationType.SOCIAL_GROUP, funds, new Members(individuals, units), null, true),
                new RegistrationAuthority(authority), false);
        assertCode(problems, expected);
    }

    @ParameterizedTest(name = "基金会 {0} at {1}, funds {2} fen, cash {3} -> {4}")
    @CsvSource(nullValues = "-", textBlock = """
            PUBLIC,     100000, 800000000, true,  -
            PUBLIC,     100000, 799999999, true,  FUNDS_BELOW_MINIMUM
            PUBLIC,     330000, 400000000, true,  -
            PUBLIC,     330000, 399999999, true,  FUNDS_BELOW_MINIMUM
            NON_PUBLIC, 330000, 200000000, true,  -
            NON_PUBLIC, 330000, 199999999, true,  FUNDS_BELOW_MINIMUM
            NON_PUBLIC, 330000, 200000000, false, FOUNDATION_FUNDS_NOT_CASH
            NON_PUBLIC, 330100, 200000000, true,  FOUNDATION_AUTHORITY_LEVEL
            NON_PUBLIC, 330106, 200000000, true,  FOUNDATION_AUTHORITY_LEVEL
            -,          330000, 900000000, true,  FOUNDATION_KIND_REQUIRED
            """)
    void foundationLevelAndFunds(FoundationKind kind, String authority, long funds, boolean cash, String expected) {
        List<FieldProblem> problems = rules.check(particulars(OrganizationType.FOUNDATION, funds, null, kind, cash),
                new RegistrationAuthority(authority), false);
        assertCode(problems, expected);
    }

    @ParameterizedTest(name = "民办非企业 sector {0}, funds {1} -> {2}")
    @CsvSource(nullValues = "-", textBlock = """
            养老,   5000000,  -
            养老,   4999999,  FUNDS_BELOW_MINIMUM
            教育,   9999999,  FUNDS_BELOW_MINIMUM
            其他,   3000000,  -
            -,      2999999,  FUNDS_BELOW_MINIMUM
            """)
    void privateNonEnterpriseSectorMinimum(String sector, long funds, String expected) {
        Particulars p = particulars(OrganizationType.PRIVATE_NON_ENTERPRISE, funds, null, null, true);
        p = new Particulars(p.type(), p.name(), p.residence(), p.purpose(), p.businessScope(), p.activityArea(),
                p.legalRepresentative(), p.fundsFen(), true, null, sector, p.sponsorUnit(), null, List.of(), p.documents());
        assertCode(rules.check(p, new RegistrationAuthority("330106"), false), expected);
    }

    @ParameterizedTest(name = "{0} whose representative represents another 社会团体 -> {1}")
    @CsvSource(nullValues = "-", textBlock = """
            SOCIAL_GROUP,           ALREADY_REPRESENTS_SOCIAL_GROUP
            PRIVATE_NON_ENTERPRISE, -
            """)
    void oneSocialGroupPerLegalRepresentative(OrganizationType type, String expected) {
        Particulars p = particulars(type, 10_000_000L, new Members(60, 0), null, true);
        List<FieldProblem> problems = rules.check(p, new RegistrationAuthority("330100"), true);
        assertCode(problems, expected);
        if (expected != null) {
            assertThat(problems).extracting(FieldProblem::pointer).contains("/legalRepresentative/idNumber");
        }
    }

    @org.junit.jupiter.api.Test
    void missingDocumentsAreListedAllAtOnce() {
        Particulars p = particulars(OrganizationType.FOUNDATION, 900_000_000L, null, FoundationKind.PUBLIC, true);
        p = new Particulars(p.type(), p.name(), p.residence(), p.purpose(), p.businessScope(), p.activityArea(),
                p.legalRepresentative(), p.fundsFen(), true, p.foundationKind(), null, null, null, List.of(),
                EnumSet.of(DocumentKind.APPLICATION));
        assertThat(rules.missingDocuments(p)).containsExactlyInAnyOrder(DocumentKind.DRAFT_CHARTER,
                DocumentKind.CAPITAL_VERIFICATION, DocumentKind.PREMISES_PROOF, DocumentKind.DIRECTORS_LIST, DocumentKind.SPONSOR_CONSENT);
    }

    @Property(tries = 500)
    void membersRuleMatchesTheRegulation(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 200) int individuals,
                                         @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 200) int units) {
        boolean expected = units == 0 ? individuals >= 50 : individuals == 0 ? units >= 30 : individuals + units >= 50;
        assertThat(rules.enoughMembers(new Members(individuals, units))).isEqualTo(expected);
    }

    @Property(tries = 300)
    void anyInputGivesProblemsNeverExceptions(@ForAll OrganizationType type, @ForAll long funds, @ForAll int individuals,
                                              @ForAll int units, @ForAll boolean cash, @ForAll boolean represents,
                                              @ForAll("authorities") String authority) {
        FoundationKind kind = cash ? FoundationKind.PUBLIC : null;
        List<FieldProblem> problems = rules.check(particulars(type, funds, new Members(individuals, units), kind, cash),
                new RegistrationAuthority(authority), represents);
        if (funds < 0) {
            assertThat(problems).extracting(FieldProblem::code).contains("FUNDS_NEGATIVE");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> authorities() {
        return net.jqwik.api.Arbitraries.of("100000", "330000", "330100", "330106");
    }

    private static void assertCode(List<FieldProblem> problems, String expected) {
        if (expected == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(FieldProblem::code).containsExactly(expected);
        }
    }
}
