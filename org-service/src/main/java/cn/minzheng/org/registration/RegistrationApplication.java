package cn.minzheng.org.registration;

import java.util.EnumSet;
import java.util.Set;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.org.organization.Matter;
import cn.minzheng.org.deadlines.DueDates;
import cn.minzheng.org.deadlines.MatterLimit;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application for a registration matter (成立, 变更 or 注销). Immutable: every command returns the
 * next state and its event. Exactly one of {@code particulars}, {@code change}, {@code deregistration}
 * is set, by matter.
 *
 * @param organizationId the organization concerned (for a founding: the id reserved for it)
 * @param missingItems   the 一次性告知 list of the last supplement request
 * @param lateFiling     a 变更 or 注销 filed after its time limit (accepted, flagged); null when on time
 */
public record RegistrationApplication(String id,
                                      Matter matter,
                                      String authorityCode,
                                      String applicantSubject,
                                      String organizationId,
                                      Particulars particulars,
                                      ChangeRequest change,
                                      DeregistrationRequest deregistration,
                                      ApplicationStatus status,
                                      List<String> missingItems,
                                      LocalDate appliedOn,
                                      LocalDate acceptedOn,
                                      DueDates dueDates,
                                      LocalDate decidedOn,
                                      List<String> decisionReasons,
                                      FilingLimits.LateFiling lateFiling,
                                      long version) {

    public RegistrationApplication {
        missingItems = missingItems == null ? List.of() : List.copyOf(missingItems);
        decisionReasons = decisionReasons == null ? List.of() : List.copyOf(decisionReasons);
    }

    /** A founding application reserves the id the organization will have, so all its events share one key. */
    public static Transitioned<RegistrationApplication, DomainEvent> founding(String id, String authorityCode, String applicant,
                                                                 String organizationId, Particulars particulars, LocalDate on) {
        RegistrationApplication a = new RegistrationApplication(id, Matter.FOUNDING, authorityCode, applicant, organizationId,
                particulars, null, null, ApplicationStatus.APPLIED, List.of(), on, null, null, null, List.of(), null, 1);
        return new Transitioned<>(a, event(a, "applied", null, Map.of("matter", Matter.FOUNDING.name(),
                "name", particulars.name().fullName(), "type", particulars.type().name())));
    }

    public static Transitioned<RegistrationApplication, DomainEvent> changing(String id, String authorityCode, String applicant,
                                                                 String organizationId, ChangeRequest change, LocalDate on,
                                                                 FilingLimits limits) {
        RegistrationApplication a = new RegistrationApplication(id, Matter.CHANGE, authorityCode, applicant, organizationId,
                null, change, null, ApplicationStatus.APPLIED, List.of(), on, null, null, null, List.of(), limits.change(change, on), 1);
        return new Transitioned<>(a, event(a, "applied", null, applied(a)));
    }

    public static Transitioned<RegistrationApplication, DomainEvent> deregistering(String id, String authorityCode, String applicant,
                                                                      String organizationId, DeregistrationRequest request,
                                                                      LocalDate on, FilingLimits limits) {
        RegistrationApplication a = new RegistrationApplication(id, Matter.DEREGISTRATION, authorityCode, applicant,
                organizationId, null, null, request, ApplicationStatus.APPLIED, List.of(), on, null, null, null, List.of(),
                limits.deregistration(request, on), 1);
        return new Transitioned<>(a, event(a, "applied", null, applied(a)));
    }

    /** The applied event's changes: the matter, and the lateness of a late filing. */
    private static Map<String, Object> applied(RegistrationApplication a) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("matter", a.matter().name());
        if (a.lateFiling() != null) {
            changes.putAll(a.lateFiling().toMap());
        }
        return changes;
    }

    /** 一次性告知: the computed missing documents plus anything the registrar adds, all at once. */
    public Transitioned<RegistrationApplication, DomainEvent> requestSupplement(List<String> items, LocalDate on) {
        ApplicationStatus to = ApplicationTransitions.require(status, ApplicationAction.REQUEST_SUPPLEMENT);
        if (items == null || items.stream().allMatch(s -> s == null || s.isBlank())) {
            throw new InvalidFields("SUPPLEMENT_ITEMS_REQUIRED",
                    List.of(new FieldProblem("/items", "REQUIRED", "补正告知须一次性列明全部需补正的材料")));
        }
        List<String> clean = items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        RegistrationApplication n = copy(to, clean, acceptedOn, dueDates, decidedOn, decisionReasons, organizationId, documents());
        return new Transitioned<>(n, event(n, "supplement-requested", status, Map.of("missingItems", clean)));
    }

    public Transitioned<RegistrationApplication, DomainEvent> resubmit(Set<DocumentKind> added, LocalDate on) {
        return resubmit(added, List.of(), Set.of(), on);
    }

    /**
     * 补正后重新提交: the documents now supplied ({@code added}) and the registrar's other items the applicant says
     * it has supplied ({@code supplied}, each exactly as the 一次性告知 wrote it). {@code missingItems} keeps what is
     * still missing: the notice's items less those supplied and less every document now present, so the view shows
     * the applicant and the registrar what remains, never the whole list again.
     */
    public Transitioned<RegistrationApplication, DomainEvent> resubmit(Set<DocumentKind> added, List<String> supplied,
                                                                    Set<DocumentKind> required, LocalDate on) {
        ApplicationStatus to = ApplicationTransitions.require(status, ApplicationAction.RESUBMIT);
        List<String> claimed = supplied == null ? List.of() : supplied;
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            String item = claimed.get(i) == null ? "" : claimed.get(i).strip();
            if (!missingItems.contains(item)) {
                problems.add(new FieldProblem("/supplied/" + i, "NOT_A_MISSING_ITEM", "「" + item + "」不在补正告知列明的事项中；"
                        + "请按告知原文填写已补正的事项，材料请在 /documents 中列明"));
            }
        }
        InvalidFields.throwIfAny("RESUBMISSION_INVALID", problems);
        EnumSet<DocumentKind> docs = EnumSet.noneOf(DocumentKind.class);
        docs.addAll(documents());
        if (added != null) {
            docs.addAll(added);
        }
        Set<String> present = new java.util.HashSet<>();
        docs.forEach(d -> present.add(d.title()));
        claimed.forEach(c -> present.add(c.strip()));
        List<String> remaining = new ArrayList<>(missingItems.stream().filter(item -> !present.contains(item)).toList());
        required.stream().filter(d -> !docs.contains(d) && !remaining.contains(d.title())).forEach(d -> remaining.add(d.title()));
        RegistrationApplication n = copy(to, remaining, acceptedOn, dueDates, decidedOn, decisionReasons, organizationId, docs);
        return new Transitioned<>(n, event(n, "resubmitted", status, Map.of("documents", docs.stream().map(Enum::name).toList(),
                "missingItems", remaining)));
    }

    /**
     * Acceptance of complete documents starts the clock. The event carries the due dates (dueDate,
     * dueBasis, statutoryDueDate, and limitWorkingDays for a limit counted in working days), so the
     * audit side derives on-time rates from the trail alone.
     */
    public Transitioned<RegistrationApplication, DomainEvent> accept(Set<DocumentKind> required, MatterLimit limit,
                                                        WorkingDayCalendar calendar, LocalDate on) {
        ApplicationStatus to = ApplicationTransitions.require(status, ApplicationAction.ACCEPT);
        List<FieldProblem> missing = required.stream().filter(d -> !documents().contains(d))
                .map(d -> new FieldProblem("/documents", "DOCUMENT_MISSING", "缺少材料：" + d.title())).toList();
        InvalidFields.throwIfAny("DOCUMENTS_INCOMPLETE", missing);
        DueDates due = DueDates.from(on, limit, calendar);
        RegistrationApplication n = copy(to, List.of(), on, due, decidedOn, decisionReasons, organizationId, documents());
        DomainEvent e = event(n, "accepted", status,
                Map.of("acceptedOn", on.toString(), "promisedDue", due.promised().toString(), "statutoryDue", due.statutory().toString()));
        Map<String, Object> attributes = new LinkedHashMap<>(e.attributes());
        attributes.putAll(due.eventFields());
        return new Transitioned<>(n, new DomainEvent(e.name(), e.fromStatus(), e.toStatus(), e.reason(), e.changes(), attributes));
    }

    public Transitioned<RegistrationApplication, DomainEvent> approve(LocalDate on) {
        ApplicationStatus to = ApplicationTransitions.require(status, ApplicationAction.APPROVE);
        RegistrationApplication n = copy(to, missingItems, acceptedOn, dueDates, on, List.of(), organizationId, documents());
        return new Transitioned<>(n, event(n, "approved", status, Map.of("decidedOn", on.toString())));
    }

    /** Refusal needs written reasons ([SG]§13 grounds or others). */
    public Transitioned<RegistrationApplication, DomainEvent> refuse(List<String> reasons, LocalDate on) {
        ApplicationStatus to = ApplicationTransitions.require(status, ApplicationAction.REFUSE);
        List<String> clean = reasons == null ? List.of() : reasons.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (clean.isEmpty()) {
            throw new InvalidFields("REFUSAL_REASONS_REQUIRED",
                    List.of(new FieldProblem("/reasons", "REQUIRED", "不予登记须书面说明理由")));
        }
        RegistrationApplication n = copy(to, missingItems, acceptedOn, dueDates, on, clean, organizationId, documents());
        DomainEvent e = event(n, "refused", status, Map.of("decidedOn", on.toString()));
        return new Transitioned<>(n, new DomainEvent(e.name(), e.fromStatus(), e.toStatus(), String.join("；", clean), e.changes(), e.attributes()));
    }

    public Set<DocumentKind> documents() {
        return switch (matter) {
            case FOUNDING -> particulars.documents();
            case CHANGE -> change.documents();
            case DEREGISTRATION -> deregistration.documents();
        };
    }

    private RegistrationApplication copy(ApplicationStatus to, List<String> missing, LocalDate accepted, DueDates due,
                                         LocalDate decided, List<String> reasons, String orgId,
                                         Set<DocumentKind> docs) {
        Particulars p = particulars == null ? null : new Particulars(particulars.type(), particulars.name(), particulars.residence(),
                particulars.purpose(), particulars.businessScope(), particulars.activityArea(), particulars.legalRepresentative(),
                particulars.fundsFen(), particulars.fundsInCash(), particulars.foundationKind(), particulars.sector(),
                particulars.sponsorUnit(), particulars.members(), particulars.officers(), docs);
        ChangeRequest c = change == null ? null : new ChangeRequest(change.name(), change.residence(), change.legalRepresentative(),
                change.businessScope(), change.fundsFen(), change.sponsorConsentOn(), docs);
        DeregistrationRequest d = deregistration == null ? null
                : new DeregistrationRequest(deregistration.liquidationEndedOn(), deregistration.reason(), docs);
        return new RegistrationApplication(id, matter, authorityCode, applicantSubject, orgId, p, c, d, to, missing,
                appliedOn, accepted, due, decided, reasons, lateFiling, version + 1);
    }

    private static DomainEvent event(RegistrationApplication a, String name, ApplicationStatus from, Map<String, Object> changes) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("applicationId", a.id());
        attributes.put("matter", a.matter().name());
        if (a.organizationId() != null) {
            attributes.put("organizationId", a.organizationId());
        }
        if (a.particulars() != null) {
            attributes.put("orgType", a.particulars().type().name());
            attributes.put("name", a.particulars().name().fullName());
        }
        if (a.status() == ApplicationStatus.SUPPLEMENT_REQUESTED) {
            attributes.put("missingItems", a.missingItems());
        }
        if (a.lateFiling() != null) {
            attributes.putAll(a.lateFiling().toMap());
        }
        return new DomainEvent(name, from == null ? null : from.name(), a.status().name(), null, changes, attributes);
    }
}
