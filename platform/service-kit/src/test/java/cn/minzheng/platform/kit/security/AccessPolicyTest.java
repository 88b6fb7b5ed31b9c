package cn.minzheng.platform.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} region={1} on case {2} owned by {3} → {4}")
    @CsvSource(nullValues = "null", value = {
            // role,          claim,  case region, owner,      allowed
            "CITIZEN,         110105, 110105,      me,         true",
            "CITIZEN,         110105, 110105,      someone,    false",
            "CITIZEN,         null,   310101,      me,         true",
            "ORG_AGENT,       null,   110105,      someone,    false",
            "ORG_AGENT,       null,   110105,      me,         true",
            "CLERK,           1101,   110105,      someone,    true",
            "CLERK,           1101,   110200,      someone,    false",
            "CLERK,           1101,   310101,      someone,    false",
            "CLERK,           110105, 1101,        someone,    false",
            "CLERK,           null,   110105,      someone,    false",
            "CLERK,           1101,   null,        someone,    false",
            "APPROVER,        11,     110105,      someone,    true",
            "REGISTRAR,       3101,   310101,      someone,    true",
            "INSPECTOR,       3101,   110105,      someone,    false",
            "LEGAL_REVIEWER,  110105, 110105,      someone,    true",
            "AUDITOR,         1101,   110105,      someone,    true",
            "AUDITOR,         1102,   110105,      someone,    false",
            "ADMIN,           null,   310101,      someone,    true",
            "ADMIN,           null,   null,        null,       true",
    })
    void roleRegionOwnerTable(Role role, String claim, String caseRegion, String owner, boolean allowed) {
        var principal = new Principal("me", "我", Set.of(role), claim);
        assertThat(AccessPolicy.mayActOn(principal, caseRegion, owner)).isEqualTo(allowed);
        if (allowed) {
            AccessPolicy.requireMayActOn(principal, caseRegion, owner);
        } else {
            assertThatThrownBy(() -> AccessPolicy.requireMayActOn(principal, caseRegion, owner))
                    .isInstanceOf(ForbiddenProblem.class)
                    .extracting(e -> ((ForbiddenProblem) e).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "ADMIN,   null, All",
            "CLERK,   1101, RegionPrefix",
            "CLERK,   null, Nothing",
            "CITIZEN, 1101, OwnedBy",
    })
    void scopeForLists(Role role, String claim, String scope) {
        var principal = new Principal("me", "我", Set.of(role), claim);
        assertThat(AccessPolicy.scopeOf(principal).getClass().getSimpleName()).isEqualTo(scope);
    }

    @ParameterizedTest
    @CsvSource({"CITIZEN, false", "CLERK, true", "APPROVER, true", "ADMIN, true"})
    void requireAnyRole(Role role, boolean allowed) {
        var principal = new Principal("me", "我", Set.of(role), "11");
        if (allowed) {
            AccessPolicy.requireAnyRole(principal, Role.CLERK, Role.APPROVER);
        } else {
            assertThatThrownBy(() -> AccessPolicy.requireAnyRole(principal, Role.CLERK, Role.APPROVER))
                    .isInstanceOf(ForbiddenProblem.class);
        }
    }

    @Property
    void applicantsNeverActOnOthersCases(@ForAll("applicantRoles") Set<Role> roles, @ForAll("regions") String claim,
                                         @ForAll("regions") String caseRegion) {
        var principal = new Principal("me", "我", roles, claim);
        assertThat(AccessPolicy.mayActOn(principal, caseRegion, "someone-else")).isFalse();
        assertThat(AccessPolicy.mayActOn(principal, caseRegion, "me")).isTrue();
    }

    @Property
    void staffActExactlyWithinTheirRegionPrefix(@ForAll("staffRoles") Set<Role> roles, @ForAll("regions") String claim,
                                                @ForAll("regions") String caseRegion) {
        var principal = new Principal("me", "我", roles, claim);
        assertThat(AccessPolicy.mayActOn(principal, caseRegion, "someone-else"))
                .isEqualTo(caseRegion.startsWith(claim));
        AccessScope scope = AccessPolicy.scopeOf(principal);
        assertThat(scope).isEqualTo(new AccessScope.RegionPrefix(claim));
    }

    @Property
    void tokenClaimsNeverThrowForArbitraryRoleNames(@ForAll("roleNames") java.util.List<String> names) {
        var principal = TokenClaims.toPrincipal(Map.of("sub", "s", "roles", names));
        assertThat(principal.roles()).allSatisfy(r -> assertThat(names).anyMatch(n -> n.trim().equalsIgnoreCase(r.name())));
    }

    @Provide
    Arbitrary<Set<Role>> applicantRoles() {
        return Arbitraries.of(Role.CITIZEN, Role.ORG_AGENT).set().ofMinSize(1);
    }

    @Provide
    Arbitrary<Set<Role>> staffRoles() {
        var staff = EnumSet.of(Role.CLERK, Role.APPROVER, Role.REGISTRAR, Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.AUDITOR);
        return Arbitraries.of(staff).set().ofMinSize(1);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.strings().withChars("1123").ofMinLength(1).ofMaxLength(6);
    }

    @Provide
    Arbitrary<java.util.List<String>> roleNames() {
        return Arbitraries.oneOf(Arbitraries.of(Role.values()).map(Role::name),
                Arbitraries.strings().ofMaxLength(12)).list().ofMaxSize(5);
    }

    /** 回避: the owner is refused whatever their roles (ADMIN too); others pass. */
    @ParameterizedTest(name = "{0} acting on a case owned by {1} → refused {2}")
    @CsvSource({"me, me, true", "me, someone, false", "me, '', false"})
    void nobodyActsAsStaffOnACaseTheyOwn(String caller, String owner, boolean refused) {
        var principal = new Principal(caller, caller, EnumSet.of(Role.REGISTRAR, Role.ADMIN, Role.ORG_AGENT), "4213");
        java.util.List<String> owners = owner.isEmpty() ? java.util.Arrays.asList((String) null) : java.util.List.of(owner, "other");
        if (!refused) {
            AccessPolicy.requireNotOwnCase(principal, "421300", owners, "own-organization-case", "A-1");
            return;
        }
        assertThatThrownBy(() -> AccessPolicy.requireNotOwnCase(principal, "421300", owners, "own-organization-case", "A-1"))
                .isInstanceOfSatisfying(ForbiddenProblem.class, f -> {
                    assertThat(f.code()).isEqualTo("own-organization-case");
                    assertThat(f.args()).containsExactly("A-1");
                    assertThat(f.targetRegion()).isEqualTo("421300");
                });
    }
}
