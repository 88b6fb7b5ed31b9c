package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    private Organization registered() {
        Particulars p = RegistrationRulesTest.particulars(OrganizationType.SOCIAL_GROUP, 3_000_000L, new Members(60, 0), null, true);
        return Organization.register("ORG-1", "51330100MJ00000010", "330100", p, DAY).next();
    }

    @Test
    void registrationEventCarriesWhatReadModelsNeed() {
        Particulars p = RegistrationRulesTest.particulars(OrganizationType.SOCIAL_GROUP, 3_000_000L, new Members(60, 0), null, true);
        var t = Organization.register("ORG-1", "51330100MJ0000001X", "330100", p, DAY);
        assertThat(t.event().name()).isEqualTo("registration-approved");
        assertThat(t.event().attributes()).containsKeys("organizationId", "name", "type", "creditCode", "regionCode", "status");
        assertThat(t.event().attributes().get("status")).isEqualTo("REGISTERED");
        assertThat(t.next().goodStanding()).isTrue();
    }

    @Test
    void changeAppliesOnlyTheGivenItemsAndIsRefusedWhileUnqualifiedForNameOrScope() {
        Organization o = registered();
        var changed = o.change(new ChangeRequest(null, "杭州市上城区1号", null, null, null, DAY, Set.of()), DAY);
        assertThat(changed.next().residence()).isEqualTo("杭州市上城区1号");
        assertThat(changed.next().name()).isEqualTo(o.name());
        assertThat(changed.event().changes()).containsOnlyKeys("residence");

        var restriction = o.restricted(true, "2025年度年检不合格");
        assertThat(restriction.event().name()).isEqualTo("change-restricted");
        assertThat(restriction.event().attributes()).containsEntry("restrictedUntilRectified", true).containsEntry("organizationId", o.id());
        assertThat(restriction.next().restricted(false, "2026年度年检合格").event().name()).isEqualTo("change-restriction-lifted");
        Organization restricted = restriction.next();
        assertThatThrownBy(() -> restricted.change(new ChangeRequest(new OrganizationName("杭州市", "", "助老", "协会"),
                null, null, null, null, DAY, Set.of()), DAY)).isInstanceOf(RuleViolation.class);
        assertThat(restricted.change(new ChangeRequest(null, "新住所", null, null, null, DAY, Set.of()), DAY).next().residence())
                .isEqualTo("新住所");
    }

    @Test
    void endedOrganizationsTakeNoFurtherCommandsAndRevocationNeedsADecision() {
        Organization o = registered();
        assertThatThrownBy(() -> o.revoke(" ", "x", DAY)).isInstanceOf(InvalidFields.class);
        Organization revoked = o.revoke("杭民罚决字〔2025〕1号", "连续两年未年检", DAY).next();
        assertThat(revoked.status()).isEqualTo(OrganizationStatus.REVOKED);
        assertThat(revoked.goodStanding()).isFalse();
        assertThatThrownBy(() -> revoked.deregister("x", DAY)).isInstanceOf(IllegalTransition.class);
        assertThat(o.deregister("清算完毕", DAY).event().attributes().get("status")).isEqualTo("DEREGISTERED");
    }
}
