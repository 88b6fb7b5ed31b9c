package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.deadlines.MatterLimit;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationApplicationTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();
    private final RegistrationPolicy policy = RegistrationPolicy.defaults();

    private RegistrationApplication applied(Set<DocumentKind> docs) {
        Particulars p = RegistrationRulesTest.particulars(OrganizationType.SOCIAL_GROUP, 3_000_000L, new Members(60, 0), null, true);
        p = new Particulars(p.type(), p.name(), p.residence(), p.purpose(), p.businessScope(), p.activityArea(), p.legalRepresentative(),
                p.fundsFen(), true, null, null, p.sponsorUnit(), p.members(), List.of(), docs);
        return RegistrationApplication.founding("APP-1", "330100", "agent-1", "ORG-1", p, DAY).next();
    }

    @Test
    void supplementThenResubmitThenAcceptStartsTheClockAndApprovalIsFinal() {
        RegistrationApplication a = applied(EnumSet.of(DocumentKind.APPLICATION));
        Set<DocumentKind> required = policy.requiredDocuments().get(OrganizationType.SOCIAL_GROUP);

        assertThatThrownBy(() -> a.accept(required, MatterLimit.calendarDays(60, 20), CALENDAR, DAY))
                .isInstanceOf(InvalidFields.class)
                .satisfies(e -> assertThat(((InvalidFields) e).problems()).hasSize(5));

        var supplement = a.requestSupplement(List.of("章程草案", "验资报告", "章程草案", " "), DAY);
        assertThat(supplement.next().missingItems()).containsExactly("章程草案", "验资报告");
        assertThat(supplement.event().name()).isEqualTo("supplement-requested");
        assertThat(supplement.event().fromStatus()).isEqualTo("APPLIED");

        var resubmitted = supplement.next().resubmit(required, DAY.plusDays(3));
        var accepted = resubmitted.next().accept(required, MatterLimit.calendarDays(60, 20), CALENDAR, DAY.plusDays(4));
        assertThat(accepted.next().dueDates().promised()).isEqualTo(DAY.plusDays(24));
        assertThat(accepted.next().dueDates().statutory()).isEqualTo(DAY.plusDays(64));
        assertThat(accepted.next().version()).isEqualTo(4);

        var approved = accepted.next().approve(DAY.plusDays(10));
        assertThat(approved.next().status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThatThrownBy(() -> approved.next().refuse(List.of("x"), DAY)).isInstanceOf(IllegalTransition.class);
    }

    /** Issue 16 item 2: after a resubmission the notice's list shows only what is still missing. */
    @Test
    void missingItemsShrinkToWhatIsStillMissingAfterEachResubmission() {
        RegistrationApplication a = applied(EnumSet.of(DocumentKind.APPLICATION));
        Set<DocumentKind> required = policy.requiredDocuments().get(OrganizationType.SOCIAL_GROUP);
        List<String> notice = new java.util.ArrayList<>(required.stream().filter(d -> d != DocumentKind.APPLICATION).map(DocumentKind::title).toList());
        notice.add("会员名册");
        var supplement = a.requestSupplement(notice, DAY).next();
        assertThat(supplement.missingItems()).hasSize(6);

        var partly = supplement.resubmit(EnumSet.of(DocumentKind.DRAFT_CHARTER, DocumentKind.CAPITAL_VERIFICATION), List.of(), required,
                DAY.plusDays(1));
        assertThat(partly.next().missingItems()).containsExactlyInAnyOrder(DocumentKind.SPONSOR_APPROVAL.title(),
                DocumentKind.PREMISES_PROOF.title(), DocumentKind.OFFICER_IDS.title(), "会员名册");
        assertThat(partly.event().changes()).containsKey("missingItems");

        var again = partly.next().requestSupplement(partly.next().missingItems(), DAY.plusDays(2)).next();
        var complete = again.resubmit(required, List.of(" 会员名册 "), required, DAY.plusDays(3)).next();
        assertThat(complete.missingItems()).isEmpty();
        assertThat(complete.accept(required, MatterLimit.calendarDays(60, 20), CALENDAR, DAY.plusDays(4)).next().status())
                .isEqualTo(ApplicationStatus.ACCEPTED);

        assertThatThrownBy(() -> again.resubmit(Set.of(), List.of("营业执照"), required, DAY.plusDays(3))).isInstanceOf(InvalidFields.class)
                .satisfies(e -> assertThat(((InvalidFields) e).problems()).singleElement()
                        .satisfies(f -> assertThat(f.pointer()).isEqualTo("/supplied/0")));
    }

    @Test
    void acceptanceEventCarriesTheDueDates() {
        RegistrationApplication a = applied(EnumSet.allOf(DocumentKind.class));
        var promised = a.accept(Set.of(), MatterLimit.calendarDays(60, 20), CALENDAR, DAY).event().attributes();
        assertThat(promised).containsEntry("dueDate", "2025-03-23").containsEntry("dueBasis", "PROMISED")
                .containsEntry("statutoryDueDate", "2025-05-02").containsEntry("limitDays", 20)
                .containsEntry("limitUnit", "CALENDAR_DAYS").doesNotContainKey("limitWorkingDays");

        var working = a.accept(Set.of(), MatterLimit.workingDays(60, 20), CALENDAR, DAY).event().attributes();
        assertThat(working).containsEntry("dueBasis", "PROMISED").containsEntry("limitWorkingDays", 20)
                .containsEntry("dueDate", "2025-03-31").containsEntry("limitUnit", "WORKING_DAYS");
    }

    @Test
    void refusalNeedsWrittenReasonsAndCarriesThem() {
        RegistrationApplication a = applied(EnumSet.allOf(DocumentKind.class))
                .accept(Set.of(), MatterLimit.calendarDays(60, 20), CALENDAR, DAY).next();
        assertThatThrownBy(() -> a.refuse(List.of("  "), DAY)).isInstanceOf(InvalidFields.class);
        var refused = a.refuse(List.of("同一行政区域内已有业务范围相同的社会团体"), DAY);
        assertThat(refused.next().decisionReasons()).containsExactly("同一行政区域内已有业务范围相同的社会团体");
        assertThat(refused.event().reason()).contains("业务范围相同");
        assertThat(refused.event().toStatus()).isEqualTo("REFUSED");
    }

    @Test
    void supplementRequestMustNameTheItems() {
        assertThatThrownBy(() -> applied(Set.of()).requestSupplement(List.of(), DAY)).isInstanceOf(InvalidFields.class);
    }
}
