package cn.minzheng.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The catalogue of every event type of the platform, in one place. A producer may only emit a type
 * listed here, and every type listed here has a JSON Schema under
 * {@code src/main/resources/events/schemas/}.
 *
 * <p>The constants are compile-time strings so consumers can {@code switch} on {@code ce_type}.
 * {@link #ALL} is built from the constants themselves, so adding a constant is the one step that
 * adds a type to the catalogue (then add its schema and its Chinese name in {@value #NAMES_RESOURCE}:
 * a test fails until you do).
 */
public final class EventTypes {

    // assistance: aggregate application
    public static final String APPLICATION_SUBMITTED = "minzheng.assistance.application.submitted.v1";
    /** 一次性告知: every missing item, told once. */
    public static final String APPLICATION_SUPPLEMENT_REQUESTED = "minzheng.assistance.application.supplement-requested.v1";
    public static final String APPLICATION_RESUBMITTED = "minzheng.assistance.application.resubmitted.v1";
    public static final String APPLICATION_ACCEPTED = "minzheng.assistance.application.accepted.v1";
    public static final String APPLICATION_NOT_ACCEPTED = "minzheng.assistance.application.not-accepted.v1";
    public static final String APPLICATION_WITHDRAWN = "minzheng.assistance.application.withdrawn.v1";
    /** 单独登记备案: a member is a close relative of a case worker; registered separately. */
    public static final String APPLICATION_CONFLICT_REGISTERED = "minzheng.assistance.application.conflict-registered.v1";
    /** 入户调查 recorded. */
    public static final String APPLICATION_HOME_VISIT_RECORDED = "minzheng.assistance.application.home-visit-recorded.v1";
    /** 居民家庭经济状况核对 result recorded. */
    public static final String APPLICATION_ECONOMIC_CHECK_RECORDED = "minzheng.assistance.application.economic-check-recorded.v1";
    public static final String APPLICATION_ECONOMIC_CHECK_PENDING = "minzheng.assistance.application.economic-check-pending.v1";
    public static final String APPLICATION_OPINION_ISSUED = "minzheng.assistance.application.opinion-issued.v1";
    /** 公示 started. */
    public static final String APPLICATION_PUBLICITY_STARTED = "minzheng.assistance.application.publicity-started.v1";
    /** An objection during 公示. */
    public static final String APPLICATION_OBJECTION_RAISED = "minzheng.assistance.application.objection-raised.v1";
    public static final String APPLICATION_PUBLICITY_COMPLETED = "minzheng.assistance.application.publicity-completed.v1";
    public static final String APPLICATION_APPROVED = "minzheng.assistance.application.approved.v1";
    public static final String APPLICATION_DENIED = "minzheng.assistance.application.denied.v1";
    /** 先行救助: paid first for an urgent case; the record is completed afterwards. */
    public static final String APPLICATION_EMERGENCY_PAID = "minzheng.assistance.application.emergency-paid.v1";
    public static final String APPLICATION_RECORD_COMPLETED = "minzheng.assistance.application.record-completed.v1";
    public static final String APPLICATION_RECHECK_DUE = "minzheng.assistance.application.recheck-due.v1";
    public static final String APPLICATION_RECHECKED = "minzheng.assistance.application.rechecked.v1";
    public static final String APPLICATION_AMOUNT_CHANGED = "minzheng.assistance.application.amount-changed.v1";
    public static final String APPLICATION_SUSPENDED = "minzheng.assistance.application.suspended.v1";
    /** A suspended benefit paid again, with the written reason. */
    public static final String APPLICATION_RESUMED = "minzheng.assistance.application.resumed.v1";
    public static final String APPLICATION_TERMINATED = "minzheng.assistance.application.terminated.v1";
    /** 渐退期: payment continues for a while after a member found work. */
    public static final String APPLICATION_GRADUAL_EXIT_STARTED = "minzheng.assistance.application.gradual-exit-started.v1";
    public static final String APPLICATION_PROVIDER_ASSIGNED = "minzheng.assistance.application.provider-assigned.v1";
    public static final String APPLICATION_PROVIDER_FLAGGED = "minzheng.assistance.application.provider-flagged.v1";

    // assistance: aggregate standard
    public static final String STANDARD_ADDED = "minzheng.assistance.standard.added.v1";

    // assistance: aggregate payment-batch (the monthly 发放 roll of a region)
    /** 发放批次: every case to be paid in a region that month, with totals by program and town. */
    public static final String PAYMENT_BATCH_CREATED = "minzheng.assistance.payment-batch.created.v1";
    /** Approved by an APPROVER who did not create it. */
    public static final String PAYMENT_BATCH_APPROVED = "minzheng.assistance.payment-batch.approved.v1";
    /** 银行代发文件 exported, with the SHA-256 of the file. */
    public static final String PAYMENT_BATCH_EXPORTED = "minzheng.assistance.payment-batch.exported.v1";
    /** 公示 of the recipients (masked name, household size, amount, program) [57]§24. */
    public static final String PAYMENT_BATCH_PUBLISHED = "minzheng.assistance.payment-batch.published.v1";

    // org: aggregate organization
    public static final String ORGANIZATION_REGISTRATION_APPLIED = "minzheng.org.organization.registration-applied.v1";
    /** 一次性告知: every missing item, told once. */
    public static final String ORGANIZATION_SUPPLEMENT_REQUESTED = "minzheng.org.organization.supplement-requested.v1";
    public static final String ORGANIZATION_RESUBMITTED = "minzheng.org.organization.resubmitted.v1";
    public static final String ORGANIZATION_REGISTRATION_ACCEPTED = "minzheng.org.organization.registration-accepted.v1";
    /** 成立登记 approved; carries the issued 统一社会信用代码. */
    public static final String ORGANIZATION_REGISTRATION_APPROVED = "minzheng.org.organization.registration-approved.v1";
    public static final String ORGANIZATION_REGISTRATION_REFUSED = "minzheng.org.organization.registration-refused.v1";
    public static final String ORGANIZATION_CHANGE_FILED = "minzheng.org.organization.change-filed.v1";
    public static final String ORGANIZATION_CHANGE_APPROVED = "minzheng.org.organization.change-approved.v1";
    public static final String ORGANIZATION_CHANGE_REFUSED = "minzheng.org.organization.change-refused.v1";
    /** The applicant withdrew its registration application before the decision. */
    public static final String ORGANIZATION_APPLICATION_WITHDRAWN = "minzheng.org.organization.application-withdrawn.v1";
    /** 注销登记 applied for (filed); {@link #ORGANIZATION_DEREGISTERED} follows once it is granted. */
    public static final String ORGANIZATION_DEREGISTRATION_FILED = "minzheng.org.organization.deregistration-filed.v1";
    /** 注销登记. */
    public static final String ORGANIZATION_DEREGISTERED = "minzheng.org.organization.deregistered.v1";
    /** 撤销登记 (a sanction). */
    public static final String ORGANIZATION_REVOKED = "minzheng.org.organization.revoked.v1";
    /** 公告. */
    public static final String ORGANIZATION_ANNOUNCED = "minzheng.org.organization.announced.v1";
    /** Entered in the 活动异常名录. */
    public static final String ORGANIZATION_ABNORMAL_LISTED = "minzheng.org.organization.abnormal-listed.v1";
    /** Removed from the 活动异常名录. */
    public static final String ORGANIZATION_ABNORMAL_REMOVED = "minzheng.org.organization.abnormal-removed.v1";
    /** Entered in the 严重违法失信名单. */
    public static final String ORGANIZATION_SERIOUS_LISTED = "minzheng.org.organization.serious-listed.v1";
    /** Removed from the 严重违法失信名单. */
    public static final String ORGANIZATION_SERIOUS_REMOVED = "minzheng.org.organization.serious-removed.v1";
    public static final String ORGANIZATION_REVOCATION_PROPOSED = "minzheng.org.organization.revocation-proposed.v1";
    /** 年检不合格: changes of name and business scope barred until a better grading. */
    public static final String ORGANIZATION_CHANGE_RESTRICTED = "minzheng.org.organization.change-restricted.v1";
    /** The 不合格 restriction on changes of name and business scope ends. */
    public static final String ORGANIZATION_CHANGE_RESTRICTION_LIFTED = "minzheng.org.organization.change-restriction-lifted.v1";

    // org: aggregate credit-list-entry (each entry's own life; the organization's *-listed/*-removed say when its standing changes)
    /** An entry on the 活动异常名录 or the 严重违法失信名单, after written notice. */
    public static final String CREDIT_LIST_ENTRY_LISTED = "minzheng.org.credit-list-entry.listed.v1";
    /** 申请移出: the organization applied for removal after fixing what was wrong. */
    public static final String CREDIT_LIST_ENTRY_REMOVAL_APPLIED = "minzheng.org.credit-list-entry.removal-applied.v1";
    /** An entry ended: on application, when its period ran, or escalated to the 严重违法失信名单. */
    public static final String CREDIT_LIST_ENTRY_REMOVED = "minzheng.org.credit-list-entry.removed.v1";
    /** A new ground while on the 严重违法失信名单 restarts the entry's 2-year period. */
    public static final String CREDIT_LIST_ENTRY_PERIOD_RESTARTED = "minzheng.org.credit-list-entry.period-restarted.v1";

    // org: aggregate listing-notice (拟列入告知: written notice and the right to a statement before a listing)
    /** Notice issued: facts, reasons, basis and the statement period (respondBy). */
    public static final String LISTING_NOTICE_ISSUED = "minzheng.org.listing-notice.issued.v1";
    /** 陈述、申辩 filed within the period. */
    public static final String LISTING_NOTICE_RESPONSE_FILED = "minzheng.org.listing-notice.response-filed.v1";
    /** Statement accepted with reasons: no listing. */
    public static final String LISTING_NOTICE_RESPONSE_ACCEPTED = "minzheng.org.listing-notice.response-accepted.v1";
    /** Statement rejected with reasons: the listing follows. */
    public static final String LISTING_NOTICE_RESPONSE_REJECTED = "minzheng.org.listing-notice.response-rejected.v1";
    /** The listing was made (period ran without a statement, or the statement was rejected). */
    public static final String LISTING_NOTICE_LISTED = "minzheng.org.listing-notice.listed.v1";

    // org: aggregate annual-report
    public static final String ANNUAL_REPORT_FILED = "minzheng.org.annual-report.filed.v1";
    public static final String ANNUAL_REPORT_GRADED = "minzheng.org.annual-report.graded.v1";

    // org: aggregate inspection-campaign
    public static final String INSPECTION_CAMPAIGN_OPENED = "minzheng.org.inspection-campaign.opened.v1";
    public static final String INSPECTION_CAMPAIGN_SWEPT = "minzheng.org.inspection-campaign.swept.v1";

    // org: aggregate inspection-task (核查任务 of the daily dormancy sweep)
    public static final String INSPECTION_TASK_OPENED = "minzheng.org.inspection-task.opened.v1";
    public static final String INSPECTION_TASK_CLOSED = "minzheng.org.inspection-task.closed.v1";

    // org: aggregate spot-check
    /** 双随机 draw: organizations and inspectors drawn at random. */
    public static final String SPOT_CHECK_PLAN_DRAWN = "minzheng.org.spot-check.plan-drawn.v1";
    public static final String SPOT_CHECK_RESULT_RECORDED = "minzheng.org.spot-check.result-recorded.v1";
    public static final String SPOT_CHECK_PUBLISHED = "minzheng.org.spot-check.published.v1";

    // org: aggregate enforcement-case
    public static final String ENFORCEMENT_CASE_OPENED = "minzheng.org.enforcement-case.opened.v1";
    public static final String ENFORCEMENT_CASE_EVIDENCE_RECORDED = "minzheng.org.enforcement-case.evidence-recorded.v1";
    public static final String ENFORCEMENT_CASE_PENALTY_PROPOSED = "minzheng.org.enforcement-case.penalty-proposed.v1";
    public static final String ENFORCEMENT_CASE_NOTICE_SERVED = "minzheng.org.enforcement-case.notice-served.v1";
    /** 陈述、申辩 recorded. */
    public static final String ENFORCEMENT_CASE_STATEMENT_RECORDED = "minzheng.org.enforcement-case.statement-recorded.v1";
    public static final String ENFORCEMENT_CASE_HEARING_REQUESTED = "minzheng.org.enforcement-case.hearing-requested.v1";
    /** 听证 scheduled (time and place noticed at least 7 days ahead). */
    public static final String ENFORCEMENT_CASE_HEARING_SCHEDULED = "minzheng.org.enforcement-case.hearing-scheduled.v1";
    public static final String ENFORCEMENT_CASE_HEARING_HELD = "minzheng.org.enforcement-case.hearing-held.v1";
    /** 法制审核 completed. */
    public static final String ENFORCEMENT_CASE_LEGAL_REVIEW_COMPLETED = "minzheng.org.enforcement-case.legal-review-completed.v1";
    public static final String ENFORCEMENT_CASE_DECISION_ISSUED = "minzheng.org.enforcement-case.decision-issued.v1";
    public static final String ENFORCEMENT_CASE_DECISION_DELIVERED = "minzheng.org.enforcement-case.decision-delivered.v1";
    public static final String ENFORCEMENT_CASE_DECISION_EXECUTED = "minzheng.org.enforcement-case.decision-executed.v1";
    public static final String ENFORCEMENT_CASE_CLOSED = "minzheng.org.enforcement-case.closed.v1";

    // audit: aggregate timeline
    /** An auditor read a case timeline (reads of personal data are themselves audited). */
    public static final String TIMELINE_READ = "minzheng.audit.timeline.read.v1";

    // gateway: aggregate security
    /** The gateway answered 401. */
    public static final String SECURITY_UNAUTHORIZED = "minzheng.gateway.security.unauthorized.v1";
    /** The gateway answered 403. */
    public static final String SECURITY_FORBIDDEN = "minzheng.gateway.security.forbidden.v1";
    /** The gateway answered 429. */
    public static final String SECURITY_RATE_LIMITED = "minzheng.gateway.security.rate-limited.v1";

    // assistance, org, audit: aggregate security (a service refusing a request itself, see the
    // service kit's refusal events; the data matches the gateway's forbidden event)
    /** The assistance service answered 403 itself (role, region or ownership). */
    public static final String ASSISTANCE_SECURITY_FORBIDDEN = "minzheng.assistance.security.forbidden.v1";
    /** The org service answered 403 itself (role, region or ownership). */
    public static final String ORG_SECURITY_FORBIDDEN = "minzheng.org.security.forbidden.v1";
    /** The audit service answered 403 itself (role or region). */
    public static final String AUDIT_SECURITY_FORBIDDEN = "minzheng.audit.security.forbidden.v1";

    /** Every catalogued type, in declaration order. */
    public static final List<EventType> ALL;

    private static final Map<String, EventType> BY_NAME;

    /**
     * The Chinese name of each catalogued type, keyed by type name (UTF-8 properties on the classpath).
     * Not public: every public String constant of this class is read as a type.
     */
    static final String NAMES_RESOURCE = "events/type-names.zh-CN.properties";

    private static final Map<String, String> CHINESE_NAMES;

    static {
        Map<String, EventType> byName = new LinkedHashMap<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() != String.class || !Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)) {
                continue;
            }
            String name;
            try {
                name = (String) field.get(null);
            } catch (IllegalAccessException e) {
                throw new ExceptionInInitializerError(e);
            }
            EventType type = EventType.parse(name).orElseThrow(
                    () -> new ExceptionInInitializerError("not a valid event type name: " + name));
            if (byName.put(name, type) != null) {
                throw new ExceptionInInitializerError("duplicate event type: " + name);
            }
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        ALL = List.copyOf(byName.values());
        CHINESE_NAMES = Map.copyOf(chineseNames());
    }

    private static Map<String, String> chineseNames() {
        Properties names = new Properties();
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(NAMES_RESOURCE)) {
            if (in == null) {
                throw new ExceptionInInitializerError("missing resource " + NAMES_RESOURCE);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                names.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        names.stringPropertyNames().forEach(type -> result.put(type, names.getProperty(type).strip()));
        return result;
    }

    private EventTypes() {
    }

    /** The catalogued type of that name, or empty for a type this version does not know. */
    public static Optional<EventType> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /**
     * The Chinese name people read beside the type code (e.g. 受理申请 for
     * {@link #APPLICATION_ACCEPTED}), or empty for a type this version does not know.
     */
    public static Optional<String> chineseName(String name) {
        return Optional.ofNullable(name == null ? null : CHINESE_NAMES.get(name));
    }

    /** The Chinese name of {@code name}, or the code itself for a type without one (an unknown type shows its code). */
    public static String displayName(String name) {
        return chineseName(name).orElse(name);
    }

    /** The types that have a Chinese name: the catalogue's, nothing else (a test holds both directions). */
    static Set<String> namedTypes() {
        return CHINESE_NAMES.keySet();
    }

    /** Whether {@code name} is a catalogued type. */
    public static boolean isKnown(String name) {
        return name != null && BY_NAME.containsKey(name);
    }

    /** The topic a catalogued type is published on. */
    public static String topicOf(String name) {
        return find(name).map(EventType::topic)
                .orElseThrow(() -> new IllegalArgumentException("not a catalogued event type: " + name));
    }

    /**
     * Why an event of {@code type} read from {@code topic} with {@code source} is refused, or empty
     * when it may be accepted: see {@link EventType#ownershipRefusal}. Ownership follows the type's
     * service, so a type of a platform service that this version does not catalogue yet is owned
     * too; a type outside the platform's scheme has no owner and is not refused here.
     */
    public static Optional<String> ownershipRefusal(String type, String topic, String source) {
        return find(type).or(() -> EventType.parse(type)).flatMap(t -> t.ownershipRefusal(topic, source));
    }

    /** The catalogued types published on {@code topic}, in declaration order. */
    public static List<EventType> onTopic(String topic) {
        List<EventType> result = new ArrayList<>();
        for (EventType type : ALL) {
            if (type.topic().equals(topic)) {
                result.add(type);
            }
        }
        return List.copyOf(result);
    }
}
