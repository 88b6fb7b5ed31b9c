package cn.minzheng.assistance.outbox;

/**
 * The names of assistance events: their source and types ({@code minzheng.assistance.<aggregate>.<event>.v1}).
 * Knows no feature, so every feature may name its events here (application's cases through
 * {@code application.CaseEnvelopes}, standards' additions).
 */
public final class CaseEvents {
    public static final String SOURCE = "/minzheng/assistance";

    private CaseEvents() {
    }

    public static String type(String aggregateType, String name) {
        return "minzheng.assistance." + aggregateType + "." + name + ".v1";
    }
}
