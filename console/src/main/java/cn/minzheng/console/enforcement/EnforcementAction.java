package cn.minzheng.console.enforcement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of an enforcement case (行政处罚) a page offers, each with the statuses it starts from (org-service's
 * {@code CaseTransitions}), the roles that take it ({@code EnforcementService}) and its body's fields. The case view
 * does not list its allowed actions, so this repeats them; the API stays the judge (its gates — notice before a
 * decision, 法制审核 before a major one, the rights period — answer a problem shown on the page).
 */
public enum EnforcementAction {
    EVIDENCE("evidence", "记录证据", Set.of("INSPECTOR", "REGISTRAR"), Set.of("OPEN", "PROPOSED"), List.of(
            Field.select("kind", "证据种类", EnforcementWords.EVIDENCE_KINDS), Field.text("description", "证据内容"))),
    PROPOSAL("proposal", "提出拟处罚意见", Set.of("INSPECTOR", "REGISTRAR"), Set.of("OPEN", "PROPOSED"), List.of(
            Field.select("severity", "情节", EnforcementWords.SEVERITIES),
            Field.select("penalties[0].kind", "处罚种类", EnforcementWords.PENALTIES),
            Field.text("penalties[0].amount", "金额（元，罚款或没收违法所得时填写）"),
            Field.text("penalties[0].months", "停止活动月数（限期停止活动时填写）"),
            Field.text("reasons", "理由和依据"))),
    NOTICE("notice", "送达行政处罚告知书", Set.of("INSPECTOR", "REGISTRAR"), Set.of("PROPOSED"), List.of()),
    HEARING_SCHEDULE("hearing-schedule", "安排听证", Set.of("REGISTRAR"), Set.of("HEARING_REQUESTED", "HEARING_SCHEDULED"), List.of(
            Field.date("hearingDate", "听证日期（通知送达后至少 7 日）"), Field.text("place", "听证地点"),
            Field.date("noticeDeliveredOn", "听证通知书送达日期（不填为今天）"))),
    HEARING("hearing", "举行听证", Set.of("REGISTRAR"), Set.of("HEARING_SCHEDULED"), List.of(Field.text("record", "听证笔录摘要"))),
    LEGAL_REVIEW("legal-review", "法制审核", Set.of("LEGAL_REVIEWER"), Set.of("NOTIFIED", "HEARING_HELD"), List.of(
            Field.select("approved", "审核结论", EnforcementWords.REVIEW_RESULTS), Field.text("opinion", "审核意见"))),
    DECISION("decision", "作出行政处罚决定", Set.of("REGISTRAR"), Set.of("NOTIFIED", "REVIEWED"), List.of(
            Field.text("reference", "决定书文号"),
            Field.select("penalties[0].kind", "处罚种类", EnforcementWords.PENALTIES),
            Field.text("penalties[0].amount", "金额（元，罚款或没收违法所得时填写）"),
            Field.text("penalties[0].months", "停止活动月数（限期停止活动时填写）"),
            Field.text("reasons", "理由和依据"))),
    DELIVERY("delivery", "送达处罚决定书", Set.of("REGISTRAR"), Set.of("DECIDED"), List.of()),
    EXECUTION("execution", "执行完毕", Set.of("REGISTRAR"), Set.of("DELIVERED"), List.of(Field.text("note", "执行情况"))),
    CLOSING("closing", "结案", Set.of("REGISTRAR"), Set.of("OPEN", "PROPOSED", "NOTIFIED", "HEARING_HELD", "EXECUTED"), List.of(
            Field.text("reason", "结案理由")));

    private final String path;
    private final String label;
    private final Set<String> roles;
    private final Set<String> from;
    private final List<Field> fields;

    EnforcementAction(String path, String label, Set<String> roles, Set<String> from, List<Field> fields) {
        this.path = path;
        this.label = label;
        this.roles = roles;
        this.from = from;
        this.fields = fields;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean takenBy(Set<String> viewerRoles) {
        return roles.stream().anyMatch(viewerRoles::contains);
    }

    /** The steps a user with these roles may take on a case in this status. */
    public static List<EnforcementAction> allowed(Object status, Set<String> viewerRoles) {
        return Arrays.stream(values()).filter(a -> a.from.contains(String.valueOf(status)) && a.takenBy(viewerRoles)).toList();
    }

    public static EnforcementAction byPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst().orElse(null);
    }

    /**
     * The command's JSON body from the form: {@code penalties[0].kind} and its siblings become one penalty, the
     * review's 同意/退回 a boolean, blanks are left out where the API reads them as absent.
     */
    public Map<String, Object> body(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> penalty = new LinkedHashMap<>();
        for (Field f : fields) {
            String value = form.getOrDefault(f.name(), "").trim();
            if (f.name().startsWith("penalties[0].")) {
                String key = f.name().substring("penalties[0].".length());
                if (!value.isEmpty()) {
                    penalty.put(key, "months".equals(key) && value.matches("\\d{1,3}") ? Integer.valueOf(value) : value);
                }
            } else if ("approved".equals(f.name())) {
                body.put("approved", value.isEmpty() ? null : Boolean.valueOf(value));
            } else if (!value.isEmpty() || "text".equals(f.kind())) {
                body.put(f.name(), value);
            }
        }
        if (fields.stream().anyMatch(f -> f.name().startsWith("penalties[0]."))) {
            body.put("penalties", List.of(penalty));
        }
        return body;
    }

    /** One field of a command's body: its name (as the API's pointer names it), label, kind and, for a select, its options. */
    public record Field(String name, String label, String kind, Map<String, String> options) {
        static Field text(String name, String label) {
            return new Field(name, label, "text", Map.of());
        }

        static Field date(String name, String label) {
            return new Field(name, label, "date", Map.of());
        }

        static Field select(String name, String label, Map<String, String> options) {
            return new Field(name, label, "select", options);
        }

        /** The element id of the field in the action's form. */
        public String id(EnforcementAction action) {
            return "f-" + action.path + "-" + name.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }
}
