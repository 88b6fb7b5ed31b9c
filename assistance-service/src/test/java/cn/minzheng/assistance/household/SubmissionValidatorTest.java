package cn.minzheng.assistance.household;

import cn.minzheng.assistance.household.IncomeCategory;
import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.assistance.standards.Area;
import cn.minzheng.assistance.standards.Program;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static cn.minzheng.assistance.fixtures.Households.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final SubmissionValidator validator = new SubmissionValidator(
            new SubmissionLimits(List.of("421303"), 20, 100_000_000L, 18, 20));

    private static Submission valid() {
        return Households.submission(Program.DIBAO_URBAN, family(income(IncomeCategory.WAGES, 1200)));
    }

    private static Submission withMembers(UnaryOperator<List<HouseholdMember>> change) {
        Submission s = valid();
        List<HouseholdMember> m = change.apply(new ArrayList<>(s.members()));
        return new Submission(s.program(), s.applicantIdNumber(), s.regionCode(), s.area(), s.emergencyKind(),
                s.requestedAmountFen(), m, s.truthfulnessCommitment(), s.pledgeInsteadOfCertificates());
    }

    static Stream<Arguments> broken() {
        Submission v = valid();
        return Stream.of(
                Arguments.of("unknown region", new Submission(v.program(), v.applicantIdNumber(), "110105001001",
                        Area.URBAN, null, 0, v.members(), true, false), "/regionCode", "REGION_UNKNOWN"),
                Arguments.of("short region", new Submission(v.program(), v.applicantIdNumber(), "421303",
                        Area.URBAN, null, 0, v.members(), true, false), "/regionCode", "REGION_FORMAT"),
                Arguments.of("no commitment", new Submission(v.program(), v.applicantIdNumber(), v.regionCode(),
                        Area.URBAN, null, 0, v.members(), false, false), "/truthfulnessCommitment", "COMMITMENT_REQUIRED"),
                Arguments.of("applicant not a member", new Submission(v.program(), id("19700101", 99), v.regionCode(),
                        Area.URBAN, null, 0, v.members(), true, false), "/applicantIdNumber", "APPLICANT_NOT_MEMBER"),
                Arguments.of("bad id", withMembers(m -> {
                    m.set(1, member("李四", "421303198202020221", Relation.SPOUSE));
                    return m;
                }), "/members/1/idNumber", "ID_INVALID"),
                Arguments.of("duplicate member", withMembers(m -> {
                    m.add(member("张小二", m.get(2).idNumber(), Relation.CHILD));
                    return m;
                }), "/members/3/idNumber", "MEMBER_DUPLICATE"),
                Arguments.of("child older than the applicant", withMembers(m -> {
                    m.set(2, member("张小", id("19750303", 31), Relation.CHILD));
                    return m;
                }), "/members/2/relation", "AGE_INCONSISTENT"),
                Arguments.of("parent younger than the applicant", withMembers(m -> {
                    m.add(member("张父", id("19900303", 51), Relation.PARENT));
                    return m;
                }), "/members/3/relation", "AGE_INCONSISTENT"),
                Arguments.of("spouse a minor", withMembers(m -> {
                    m.set(1, member("李四", id("20120202", 22), Relation.SPOUSE));
                    return m;
                }), "/members/1/relation", "AGE_INCONSISTENT"),
                Arguments.of("negative income", withMembers(m -> {
                    m.set(0, member("张三", m.get(0).idNumber(), Relation.SELF,
                            new IncomeItem(IncomeCategory.WAGES, -1)));
                    return m;
                }), "/members/0/incomes/0/monthlyAmount", "AMOUNT_NEGATIVE"),
                Arguments.of("absurd income", withMembers(m -> {
                    m.set(0, member("张三", m.get(0).idNumber(), Relation.SELF,
                            new IncomeItem(IncomeCategory.WAGES, 100_000_001L)));
                    return m;
                }), "/members/0/incomes/0/monthlyAmount", "AMOUNT_TOO_LARGE"),
                Arguments.of("adult without authorization", withMembers(m -> {
                    HouseholdMember s = m.get(1);
                    m.set(1, new HouseholdMember(s.name(), s.idNumber(), s.relation(), s.labourCapacity(), 0, false,
                            false, List.of(), List.of(), false, null));
                    return m;
                }), "/members/1/authorizationSigned", "AUTHORIZATION_REQUIRED"),
                Arguments.of("two SELF", withMembers(m -> {
                    m.set(1, member("李四", m.get(1).idNumber(), Relation.SELF));
                    return m;
                }), "/members", "SELF_COUNT"),
                Arguments.of("temporary without amount", new Submission(Program.TEMPORARY, v.applicantIdNumber(),
                        v.regionCode(), Area.URBAN, EmergencyKind.URGENT, 0, v.members(), true, false),
                        "/requestedAmount", "AMOUNT_REQUIRED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void reportsTheFieldAndCode(String name, Submission s, String pointer, String code) {
        assertThat(validator.problems(s, TODAY))
                .extracting(FieldProblem::pointer, FieldProblem::code)
                .contains(org.assertj.core.groups.Tuple.tuple(pointer, code));
    }

    @Test
    void aValidSubmissionHasNoProblems() {
        assertThat(validator.problems(valid(), TODAY)).isEmpty();
    }

    @Test
    void aMinorNeedsNoAuthorization() {
        Submission s = withMembers(m -> {
            HouseholdMember c = m.get(2);
            m.set(2, new HouseholdMember(c.name(), c.idNumber(), c.relation(), c.labourCapacity(), 0, false, false,
                    List.of(), List.of(), false, null));
            return m;
        });
        assertThat(validator.problems(s, TODAY)).isEmpty();
    }

    @Test
    void checkThrowsWithEveryProblem() {
        Submission s = new Submission(null, null, "x", null, null, -5, List.of(), false, false);
        assertThatThrownBy(() -> validator.check(s, TODAY)).isInstanceOf(SubmissionInvalidException.class)
                .satisfies(e -> assertThat(((SubmissionInvalidException) e).problems()).hasSizeGreaterThanOrEqualTo(4));
    }

    @Property(tries = 300)
    void randomAmountsAndIdsNeverThrow(@ForAll String name, @ForAll String idNumber,
                                       @ForAll @LongRange(min = Long.MIN_VALUE / 2, max = Long.MAX_VALUE / 2) long fen,
                                       @ForAll Relation relation) {
        HouseholdMember m = new HouseholdMember(name, idNumber, relation, null, 0, false, false,
                List.of(new IncomeItem(IncomeCategory.WAGES, fen)), null, false, null);
        Submission s = new Submission(Program.DIBAO_URBAN, idNumber, REGION, Area.URBAN, null, fen, List.of(m), true,
                false);
        List<FieldProblem> p = validator.problems(s, TODAY);
        if (fen < 0 || fen > 100_000_000L) {
            assertThat(p).isNotEmpty();
        }
    }
}
