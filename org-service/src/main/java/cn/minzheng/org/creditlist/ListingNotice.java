package cn.minzheng.org.creditlist;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 拟列入告知: before an organization is put on the 活动异常名录 or the 严重违法失信名单 it is told in
 * writing the facts, the reasons, the basis and its right to a statement (陈述、申辩) ([信用]). The
 * response period ({@code responseWorkingDays} working days of the platform calendar, from configuration
 * with its source) runs from the day of issue; a statement may be filed up to and including
 * {@code respondBy}. Listing follows only when the period has run without a statement, or after a
 * registrar rejected the statement with reasons; an accepted statement closes the notice without
 * listing. The table of moves is {@link NoticeTransitions}; every change is an event of the aggregate
 * {@code listing-notice}.
 *
 * @param entryId         the id of the credit-list entry the listing writes (fixed, so a re-run writes it once)
 * @param replacesEntryId the 异常名录 entry that ends when this listing is made (2 years on it → 失信名单), or null
 */
public record ListingNotice(String id, String organizationId, String authorityCode, EntryGround ground, String facts,
                            String entryId, String replacesEntryId, LocalDate issuedOn, LocalDate respondBy,
                            int responseWorkingDays, String responseSource, NoticeStatus status, Response response,
                            Decision decision, LocalDate listedOn, long version) {

    /** The aggregate's name in events and refusals. */
    public static String aggregate() {
        return "listing-notice";
    }

    /** Longest statement, reasons or decision text accepted. */
    public static final int MAX_TEXT = 2000;

    /** The organization's statement: what it says (陈述) and why the listing should not be made (申辩). */
    public record Response(String statement, String reasons, LocalDate filedOn, String filedBy) {
    }

    /** The registrar's decision on the statement, with its written reasons. */
    public record Decision(boolean accepted, String reasons, LocalDate decidedOn, String decidedBy) {
    }

    /** Issues the notice on {@code on}; the statement may be filed until the {@code policy}'s working days have run. */
    public static Transitioned<ListingNotice, DomainEvent> issue(String id, String organizationId, String authorityCode, EntryGround ground,
                                                                 String facts, String entryId, String replacesEntryId, LocalDate on,
                                                                 WorkingDayCalendar calendar, CreditListPolicy policy) {
        LocalDate respondBy = calendar.addWorkingDays(on, policy.noticeResponseWorkingDays()).date();
        ListingNotice n = new ListingNotice(id, organizationId, authorityCode, ground, facts, entryId, replacesEntryId, on, respondBy,
                policy.noticeResponseWorkingDays(), policy.noticeResponseSource(), NoticeStatus.NOTIFIED, null, null, null, 1);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("ground", ground.name());
        extra.put("facts", facts);
        extra.put("entryId", entryId);
        if (replacesEntryId != null) {
            extra.put("replacesEntryId", replacesEntryId);
        }
        extra.put("issuedOn", on.toString());
        extra.put("respondBy", respondBy.toString());
        extra.put("responseWorkingDays", policy.noticeResponseWorkingDays());
        return n.event("issued", null, ground.text(), Map.of("issuedOn", on.toString(), "respondBy", respondBy.toString()), extra);
    }

    /** The organization's statement, filed by {@code subject} on {@code on} (no later than {@code respondBy}). */
    public Transitioned<ListingNotice, DomainEvent> respond(String statement, String reasons, LocalDate on, String subject) {
        NoticeStatus to = NoticeTransitions.require(status, NoticeAction.RESPOND);
        requireTexts(List.of(new Text("/statement", statement), new Text("/reasons", reasons)));
        if (on.isAfter(respondBy)) {
            throw new RuleViolation("RESPONSE_PERIOD_ENDED", List.of(new FieldProblem("/statement", "RESPONSE_PERIOD_ENDED",
                    "陈述、申辩期限已于" + respondBy + "届满，不能再提出；如对列入决定有异议，可在列入后依法申请行政复议或提起行政诉讼")));
        }
        ListingNotice n = with(to, new Response(statement.strip(), reasons.strip(), on, subject), decision, listedOn);
        return n.event("response-filed", status, null, Map.of("respondedOn", on.toString()),
                Map.of("statement", n.response.statement(), "reasons", n.response.reasons(), "filedOn", on.toString()));
    }

    /** The registrar accepts the statement: the listing is not made. */
    public Transitioned<ListingNotice, DomainEvent> accept(String reasons, LocalDate on, String subject) {
        return decide(NoticeAction.ACCEPT, true, reasons, on, subject, "response-accepted");
    }

    /** The registrar rejects the statement with reasons: the listing follows ({@link #list}). */
    public Transitioned<ListingNotice, DomainEvent> reject(String reasons, LocalDate on, String subject) {
        return decide(NoticeAction.REJECT, false, reasons, on, subject, "response-rejected");
    }

    private Transitioned<ListingNotice, DomainEvent> decide(NoticeAction action, boolean accepted, String reasons, LocalDate on,
                                                            String subject, String eventName) {
        NoticeStatus to = NoticeTransitions.require(status, action);
        requireTexts(List.of(new Text("/reasons", reasons)));
        ListingNotice n = with(to, response, new Decision(accepted, reasons.strip(), on, subject), listedOn);
        return n.event(eventName, status, n.decision.reasons(), Map.of("decidedOn", on.toString()),
                Map.of("reasons", n.decision.reasons(), "decidedOn", on.toString()));
    }

    /** Whether the listing is due on {@code today}: the period has run without a statement, or the statement was rejected. */
    public boolean listingDue(LocalDate today) {
        return (status == NoticeStatus.NOTIFIED && today.isAfter(respondBy)) || status == NoticeStatus.REJECTED;
    }

    /** The listing: the entry {@link #entryId} is written with this notice's issue date as its notice date. */
    public Transitioned<ListingNotice, DomainEvent> list(LocalDate on) {
        NoticeStatus to = NoticeTransitions.require(status, NoticeAction.LIST);
        if (status == NoticeStatus.NOTIFIED && !on.isAfter(respondBy)) {
            throw new ClosedGate("RESPONSE_PERIOD_RUNNING", "陈述、申辩期限至" + respondBy + "届满，期满未提出陈述、申辩的方可列入；请期满后再办理");
        }
        ListingNotice n = with(to, response, decision, on);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("ground", ground.name());
        extra.put("entryId", entryId);
        extra.put("listedOn", on.toString());
        extra.put("after", status == NoticeStatus.REJECTED ? "RESPONSE_REJECTED" : "NO_RESPONSE");
        return n.event("listed", status, ground.text(), Map.of("listedOn", on.toString()), extra);
    }

    /** The 名录 entry the listing writes (its notice date is the day this notice was issued). */
    public Transitioned<CreditListEntry, DomainEvent> entry(LocalDate on) {
        return CreditListEntry.list(entryId, organizationId, authorityCode, ground, facts, issuedOn, on);
    }

    private ListingNotice with(NoticeStatus to, Response r, Decision d, LocalDate listed) {
        return new ListingNotice(id, organizationId, authorityCode, ground, facts, entryId, replacesEntryId, issuedOn, respondBy,
                responseWorkingDays, responseSource, to, r, d, listed, version + 1);
    }

    private record Text(String pointer, String value) {
    }

    private static void requireTexts(List<Text> texts) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Text t : texts) {
            if (t.value() == null || t.value().isBlank()) {
                problems.add(new FieldProblem(t.pointer(), "REQUIRED", "请填写" + (t.pointer().equals("/statement") ? "陈述内容" : "理由")
                        + "后再提交"));
            } else if (t.value().strip().length() > MAX_TEXT) {
                problems.add(new FieldProblem(t.pointer(), "TEXT_TOO_LONG", "内容不能超过" + MAX_TEXT + "字，请精简后再提交"));
            }
        }
        InvalidFields.throwIfAny("NOTICE_TEXT_INVALID", problems);
    }

    /** The notice's event: the organization and the list, then what the change adds. */
    private Transitioned<ListingNotice, DomainEvent> event(String name, NoticeStatus from, String reason, Map<String, Object> changes,
                                                           Map<String, Object> extra) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("organizationId", organizationId);
        attributes.put("list", ground.list().name());
        attributes.putAll(extra);
        return new Transitioned<>(this, new DomainEvent(name, from == null ? null : from.name(), status.name(), reason, changes, attributes));
    }
}
