package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.assistance.household.EmergencyKind;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.assistance.household.Submission;
import cn.minzheng.assistance.standards.Program;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cn.minzheng.assistance.fixtures.Households.family;
import static cn.minzheng.assistance.fixtures.Households.urgentTemporary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 临时救助: one award per cause per household within the period (12 months here). */
class TemporaryAwardsTest {
    static final Actor CITIZEN = new Actor("citizen-1", "张三", Role.CITIZEN, "421303001001");
    static final Actor CLERK = new Actor("clerk-1", "刘办", Role.CLERK, "421303001");

    static Instant on(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static AssistanceCase earlier(EmergencyKind kind, boolean paid, boolean sharesAMember) {
        Submission s = urgentTemporary(3000);
        if (!sharesAMember) {
            String other = Households.id("19700101", 77);
            s = new Submission(Program.TEMPORARY, other, s.regionCode(), s.area(), kind, s.requestedAmountFen(),
                    List.of(Households.member("王五", other, Relation.SELF)), true, false);
        } else {
            s = new Submission(Program.TEMPORARY, s.applicantIdNumber(), s.regionCode(), s.area(), kind,
                    s.requestedAmountFen(), s.members(), true, false);
        }
        AssistanceCase c = AssistanceCase.submit("421303001001-20260102-0001", s, CITIZEN, on("2026-01-02")).next();
        return paid ? c.payFirst(CLERK, on("2026-01-02"), 200000, "火灾, 先行救助").next() : c;
    }

    @ParameterizedTest(name = "earlier {0} paid={1} shares={2}, asked {3} on {4} → refused={5}")
    @CsvSource({
            // the same cause within 12 months of the award: refused, whatever the household's other case
            "URGENT,      true,  true,  URGENT,      2026-09-02, true",
            "URGENT,      true,  true,  URGENT,      2027-01-01, true",
            // 12 months on: allowed again
            "URGENT,      true,  true,  URGENT,      2027-01-02, false",
            // another cause: allowed (支出型 is never paid first, so the earlier award here is 急难型)
            "URGENT,      true,  true,  EXPENDITURE, 2026-09-02, false",
            // the earlier case was never awarded (still open, or refused): allowed
            "URGENT,      false, true,  URGENT,      2026-09-02, false",
            // no member in common: another household
            "URGENT,      true,  false, URGENT,      2026-09-02, false",
    })
    void oncePerCausePerHouseholdWithinThePeriod(EmergencyKind earlierKind, boolean paid, boolean shares,
                                                 EmergencyKind askedKind, String askedOn, boolean refused) {
        AssistanceCase before = earlier(earlierKind, paid, shares);
        Submission s = urgentTemporary(3000);
        Submission asked = new Submission(Program.TEMPORARY, s.applicantIdNumber(), s.regionCode(), s.area(), askedKind,
                s.requestedAmountFen(), family(), true, false);
        AssistanceCase now = AssistanceCase.submit("421303001001-20260902-0002", asked, CITIZEN, on(askedOn)).next();
        LocalDate today = LocalDate.parse(askedOn);
        if (refused) {
            assertThatThrownBy(() -> TemporaryAwards.refuseRepeat(now, List.of(before, now), today, 12))
                    .isInstanceOf(RuleViolation.class)
                    .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo(TemporaryAwards.CODE))
                    .hasMessageContaining("2026-01-02").hasMessageContaining("2027-01-02")
                    .hasMessageContaining(before.number());
        } else {
            TemporaryAwards.refuseRepeat(now, List.of(before, now), today, 12);
        }
    }

    @ParameterizedTest(name = "{0} on a {1} case awards: {2}")
    @CsvSource({"APPROVE, TEMPORARY, true", "PAY_FIRST, TEMPORARY, true", "ACCEPT, TEMPORARY, false",
            "APPROVE, DIBAO_URBAN, false"})
    void whichCommandsAward(ApplicationCommand command, Program program, boolean awards) {
        Submission s = urgentTemporary(3000);
        Submission sub = new Submission(program, s.applicantIdNumber(), s.regionCode(), s.area(), s.emergencyKind(),
                s.requestedAmountFen(), s.members(), true, false);
        AssistanceCase c = AssistanceCase.submit("421303001001-20260902-0003", sub, CITIZEN, on("2026-09-02")).next();
        assertThat(TemporaryAwards.awards(c, command)).isEqualTo(awards);
    }
}
