package cn.minzheng.console.orgs;

import java.util.List;
import java.util.Set;

/**
 * The registrar's steps on a registration application, each with the statuses it starts from (org-service's
 * {@code ApplicationTransitions}, repeated here because the application view does not list its allowed actions;
 * the API stays the judge) and the one list field its body takes, if any.
 */
public enum RegistrationAction {
    SUPPLEMENT_REQUEST("supplement-request", "一次性告知补正", Set.of("APPLIED", "RESUBMITTED"), "items", "需补正的全部材料（每行一项）"),
    ACCEPTANCE("acceptance", "受理", Set.of("APPLIED", "RESUBMITTED"), null, null),
    APPROVAL("approval", "准予登记（发给统一社会信用代码）", Set.of("ACCEPTED"), null, null),
    REFUSAL("refusal", "不予登记", Set.of("ACCEPTED"), "reasons", "不予登记的理由（每行一条，书面告知申请人）");

    private final String path;
    private final String label;
    private final Set<String> from;
    private final String listField;
    private final String listLabel;

    RegistrationAction(String path, String label, Set<String> from, String listField, String listLabel) {
        this.path = path;
        this.label = label;
        this.from = from;
        this.listField = listField;
        this.listLabel = listLabel;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public String listField() {
        return listField;
    }

    public String listLabel() {
        return listLabel;
    }

    public boolean warning() {
        return this == REFUSAL;
    }

    /** The steps an application in this status offers the registrar. */
    public static List<RegistrationAction> from(Object status) {
        return java.util.Arrays.stream(values()).filter(a -> a.from.contains(String.valueOf(status))).toList();
    }

    public static RegistrationAction byPath(String path) {
        return java.util.Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst().orElse(null);
    }
}
