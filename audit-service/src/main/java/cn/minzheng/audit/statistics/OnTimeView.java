package cn.minzheng.audit.statistics;

import cn.minzheng.audit.search.ChinaTime;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/audit/statistics/on-time}: what was asked (with the effective,
 * scoped region), the moment the figures stand at, the rule, a tally per group (in group order) and
 * the total. The instants are also shown at {@code +08:00} ({@code fromChina}, {@code toChina},
 * {@code asOfChina}). {@code rule} states the rule in English as it always has; {@code ruleText} is the
 * rule a person reads, in Chinese, and {@code ruleSources} where its limits come from.
 */
@JsonPropertyOrder({"by", "period", "region", "service", "from", "fromChina", "to", "toChina", "asOf", "asOfChina",
    "today", "rule", "ruleText", "ruleSources", "groups", "total"})
public record OnTimeView(String by, String period, String region, String service, String from, String to, String asOf,
        String today, String rule, Map<String, Tally> groups, Tally total) {

    /** The rule in Chinese (e.g. 受理后30个工作日内办结), without citation keys. */
    @JsonProperty("ruleText")
    public String ruleText() {
        return OnTimeRates.RULE_TEXT;
    }

    /** The legal sources of {@link #ruleText()}, one per entry. */
    @JsonProperty("ruleSources")
    public List<String> ruleSources() {
        return OnTimeRates.RULE_SOURCES;
    }

    @JsonProperty("fromChina")
    public String fromChina() {
        return ChinaTime.of(from);
    }

    @JsonProperty("toChina")
    public String toChina() {
        return ChinaTime.of(to);
    }

    @JsonProperty("asOfChina")
    public String asOfChina() {
        return ChinaTime.of(asOf);
    }

    /** One {@link OnTimeTally} as the API shows it; {@code rate} rounded to four places, null when nothing counts. */
    @JsonPropertyOrder({"cases", "decided", "onTime", "late", "openOverdue", "openWithinLimit", "unknown",
        "withdrawnExcluded", "rate"})
    public record Tally(long cases, long decided, long onTime, long late, long openOverdue, long openWithinLimit,
            long unknown, long withdrawnExcluded, Double rate) {

        static Tally of(OnTimeTally t) {
            Double rate = t.rate();
            return new Tally(t.cases(), t.decided(), t.count(HandlingCase.Outcome.ON_TIME),
                    t.count(HandlingCase.Outcome.LATE), t.count(HandlingCase.Outcome.OPEN_OVERDUE),
                    t.count(HandlingCase.Outcome.OPEN_WITHIN_LIMIT), t.count(HandlingCase.Outcome.UNKNOWN),
                    t.count(HandlingCase.Outcome.WITHDRAWN), rate == null ? null : Math.round(rate * 10000) / 10000.0);
        }
    }
}
