package cn.minzheng.audit.timeline;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which organizations an event of the trail concerns (issue 16 item 4: one timeline per
 * organization across its applications, reports and cases). Read from what org-service puts in the
 * event data (its {@code OrgEventFactory}: {@code aggregateId}/{@code aggregateType} of the
 * {@code EventData}, plus the domain event's attributes at the top level):
 * <ul>
 *   <li>{@code organizationId} in the data — organization events (standing fields), registration
 *       applications, annual reports, enforcement cases, credit-list entries;</li>
 *   <li>{@code aggregateId} when {@code aggregateType} is {@code organization} — every event of the
 *       organization aggregate, registration applications included (they are published under the
 *       organization id reserved at application, whatever their subject {@code APP-…});</li>
 *   <li>{@code changes.organizationId} — a spot-check result ({@code spot-check.result-recorded}).</li>
 * </ul>
 * Events that name no organization this way (a spot-check plan drawn for many organizations, an
 * inspection campaign opened or swept for an authority) are in no organization's timeline; the
 * organization-level consequences of a sweep are organization events of their own. The credit code
 * ({@code creditCode}, 统一社会信用代码) is read from the same data where it stands beside the
 * organization id, so a timeline can be asked for by either. Plain Java.
 */
public final class OrganizationKeys {

    /** 统一社会信用代码: 18 characters of digits and upper-case letters without I, O, S, V, Z. */
    static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private OrganizationKeys() {
    }

    /** The ids of the organizations the event data names (empty when none). */
    public static Set<String> organizationIds(Object data) {
        Set<String> ids = new LinkedHashSet<>();
        if (!(data instanceof Map<?, ?> m)) {
            return ids;
        }
        addText(ids, m.get("organizationId"));
        if ("organization".equals(m.get("aggregateType"))) {
            addText(ids, m.get("aggregateId"));
        }
        if (m.get("changes") instanceof Map<?, ?> changes) {
            addText(ids, changes.get("organizationId"));
        }
        return ids;
    }

    /** The credit code the data gives beside an organization id, or null. */
    public static String creditCode(Object data) {
        if (data instanceof Map<?, ?> m && m.get("creditCode") instanceof String code && CREDIT_CODE.matcher(code).matches()
                && !organizationIds(data).isEmpty()) {
            return code;
        }
        return null;
    }

    /** Whether a key asked for is a credit code (otherwise it is taken as an organization id). */
    public static boolean isCreditCode(String key) {
        return key != null && CREDIT_CODE.matcher(key).matches();
    }

    private static void addText(Set<String> ids, Object v) {
        if (v instanceof String s && !s.isBlank()) {
            ids.add(s);
        }
    }
}
