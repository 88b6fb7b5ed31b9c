package cn.minzheng.assistance.application;

import cn.minzheng.assistance.household.IncomeCategory;
import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.assistance.household.ExclusionReason;
import cn.minzheng.assistance.household.HouseholdMember;
import cn.minzheng.assistance.household.LabourCapacity;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.platform.kit.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static cn.minzheng.assistance.fixtures.Households.family;
import static cn.minzheng.assistance.fixtures.Households.id;
import static cn.minzheng.assistance.fixtures.Households.income;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** 回避: who may not act on a case, by account and by ID number — every (actor, role, identity) row. */
class SelfDealingTest {
    static final String OWNER = "citizen-1";
    static final String SPOUSE_ID = id("19820202", 22);
    /** a member listed but not counted (in prison): still of the household */
    static final String PRISONER_ID = id("19600505", 41);

    static AssistanceCase theCase() {
        List<HouseholdMember> members = new ArrayList<>(family(income(IncomeCategory.WAGES, 1200)));
        members.add(new HouseholdMember("张父", PRISONER_ID, Relation.PARENT, LabourCapacity.FULL, 0, false,
                false, List.of(), List.of(), true, ExclusionReason.CONFINED));
        return AssistanceCase.submit("421303001001-20260902-0001", Households.submission(Program.DIBAO_URBAN, members),
                new Actor(OWNER, "张三", Role.CITIZEN, "421303001001"), Instant.parse("2026-09-02T02:00:00Z")).next();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // actor, role, ID numbers known to be the actor's, expected link (null: may act)
                arguments(OWNER, Role.CLERK, List.of(), SelfDealingException.Link.OWNER),
                arguments(OWNER, Role.APPROVER, List.of(), SelfDealingException.Link.OWNER),
                arguments(OWNER, Role.ADMIN, List.of(), SelfDealingException.Link.OWNER),
                arguments("clerk-9", Role.CLERK, List.of(SPOUSE_ID), SelfDealingException.Link.HOUSEHOLD_MEMBER),
                arguments("approver-9", Role.APPROVER, List.of(id("19800101", 11)), SelfDealingException.Link.HOUSEHOLD_MEMBER),
                arguments("approver-9", Role.APPROVER, List.of(id("19700101", 5), id("20100303", 31)),
                        SelfDealingException.Link.HOUSEHOLD_MEMBER),
                arguments("clerk-9", Role.CLERK, List.of(PRISONER_ID), SelfDealingException.Link.HOUSEHOLD_MEMBER),
                arguments("clerk-9", Role.CLERK, List.of(PRISONER_ID.toLowerCase()), SelfDealingException.Link.HOUSEHOLD_MEMBER),
                arguments("clerk-9", Role.CLERK, List.of(), null),
                arguments("clerk-9", Role.CLERK, List.of(id("19700101", 5)), null),
                arguments("approver-9", Role.APPROVER, List.of(id("19820202", 23)), null),
                // the applicant's own acts and the service's are not staff acts
                arguments(OWNER, Role.CITIZEN, List.of(id("19800101", 11)), null),
                arguments(OWNER, Role.SYSTEM, List.of(), null));
    }

    @ParameterizedTest(name = "{0} as {1} with {2}: {3}")
    @MethodSource("rows")
    void aStaffActOnTheActorsOwnOrHouseholdsCaseIsRefused(String actorId, Role role, List<String> ids,
                                                            SelfDealingException.Link expected) {
        AssistanceCase c = theCase();
        Actor actor = new Actor(actorId, actorId, role, "421303");
        if (expected == null) {
            assertThatCode(() -> SelfDealing.refuse(c, ApplicationCommand.ACCEPT, actor, ids)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> SelfDealing.refuse(c, ApplicationCommand.ACCEPT, actor, ids))
                    .isInstanceOfSatisfying(SelfDealingException.class, e -> {
                        assertThat(e.link()).isEqualTo(expected);
                        assertThat(e.number()).isEqualTo(c.number());
                    });
        }
    }

    /** Every command a staff role gives — acceptance, investigation, decision, changes — is covered. */
    @ParameterizedTest
    @EnumSource(ApplicationCommand.class)
    void everyStaffCommandIsRefusedToTheApplicantAndIsA403Problem(ApplicationCommand command) {
        List<Role> staffRoles = command.roles().stream().filter(r -> r != Role.CITIZEN && r != Role.SYSTEM).toList();
        Actor asOwner = new Actor(OWNER, "张三", staffRoles.isEmpty() ? Role.CITIZEN : staffRoles.get(0), "421303");
        if (staffRoles.isEmpty()) {
            assertThatCode(() -> SelfDealing.refuse(theCase(), command, asOwner, List.of()))
                    .as("%s is not a staff act", command).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> SelfDealing.refuse(theCase(), command, asOwner, List.of()))
                .isInstanceOf(SelfDealingException.class)
                .satisfies(e -> {
                    Throwable problem = DomainProblems.translate(e);
                    assertThat(problem).isInstanceOf(ProblemException.class);
                    assertThat(((ProblemException) problem).status()).isEqualTo(403);
                    assertThat(((ProblemException) problem).code()).isEqualTo(DomainProblems.SELF_DEALING);
                });
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationCommand.class, names = {"SUBMIT", "RESUBMIT", "WITHDRAW", "FLAG_PROVIDER",
            "ADJUST_TO_STANDARD"})
    void theOwnerCommandsAndTheServicesOwnAreTheOnlyOnesWithoutAStaffRole(ApplicationCommand command) {
        assertThat(command.roles()).allMatch(r -> r == Role.CITIZEN || r == Role.SYSTEM);
        assertThat(Arrays.stream(ApplicationCommand.values())
                .filter(c -> c.roles().stream().allMatch(r -> r == Role.CITIZEN || r == Role.SYSTEM)))
                .containsExactlyInAnyOrder(ApplicationCommand.SUBMIT, ApplicationCommand.RESUBMIT,
                        ApplicationCommand.WITHDRAW, ApplicationCommand.FLAG_PROVIDER,
                        // 调标: the service's recalculation run (started by ADMIN/APPROVER, who act on no case)
                        ApplicationCommand.ADJUST_TO_STANDARD);
    }
}
