package cn.minzheng.audit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics' typed views write the JSON the Maps they replaced wrote (issue 15 item 5): the same
 * fields in the same order, nulls written, the rate rounded to four places.
 */
class StatisticsViewsJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("2026-03-01", 2L);
        counts.put("2026-03-02", 1L);
        assertThat(JSON.writeValueAsString(new CountsView("day", "421303", "2026-02-28T16:00:00Z", null, counts, 3)))
                .isEqualTo("{\"by\":\"day\",\"region\":\"421303\",\"from\":\"2026-02-28T16:00:00Z\","
                        + "\"fromChina\":\"2026-03-01T00:00:00+08:00\",\"to\":null,\"toChina\":null,"
                        + "\"counts\":{\"2026-03-01\":2,\"2026-03-02\":1},\"total\":3}");
    }

    @Test
    void onTime() {
        OnTimeTally tally = new OnTimeTally().add(HandlingCase.Outcome.ON_TIME).add(HandlingCase.Outcome.ON_TIME)
                .add(HandlingCase.Outcome.LATE).add(HandlingCase.Outcome.WITHDRAWN);
        OnTimeTally none = new OnTimeTally().add(HandlingCase.Outcome.OPEN_WITHIN_LIMIT);
        Map<String, OnTimeView.Tally> groups = new LinkedHashMap<>();
        groups.put("assistance", OnTimeView.Tally.of(tally));
        groups.put("org", OnTimeView.Tally.of(none));
        OnTimeView view = new OnTimeView("service", null, "", null, null, null, "2026-03-01T00:00:00Z", "2026-03-01",
                "rule", groups, OnTimeView.Tally.of(tally));
        assertThat(JSON.writeValueAsString(view)).isEqualTo("{\"by\":\"service\",\"period\":null,\"region\":\"\","
                + "\"service\":null,\"from\":null,\"fromChina\":null,\"to\":null,\"toChina\":null,"
                + "\"asOf\":\"2026-03-01T00:00:00Z\",\"asOfChina\":\"2026-03-01T08:00:00+08:00\",\"today\":\"2026-03-01\","
                + "\"rule\":\"rule\",\"ruleText\":" + JSON.writeValueAsString(OnTimeRates.RULE_TEXT)
                + ",\"ruleSources\":" + JSON.writeValueAsString(OnTimeRates.RULE_SOURCES) + ",\"groups\":{"
                + "\"assistance\":{\"cases\":3,\"decided\":3,\"onTime\":2,\"late\":1,\"openOverdue\":0,\"openWithinLimit\":0,"
                + "\"unknown\":0,\"withdrawnExcluded\":1,\"rate\":0.6667},"
                + "\"org\":{\"cases\":1,\"decided\":0,\"onTime\":0,\"late\":0,\"openOverdue\":0,\"openWithinLimit\":1,"
                + "\"unknown\":0,\"withdrawnExcluded\":0,\"rate\":null}},"
                + "\"total\":{\"cases\":3,\"decided\":3,\"onTime\":2,\"late\":1,\"openOverdue\":0,\"openWithinLimit\":0,"
                + "\"unknown\":0,\"withdrawnExcluded\":1,\"rate\":0.6667}}");
        // the view carries what OnTimeTally.toJson, the Map it replaced, carries
        assertThat(JSON.readTree(JSON.writeValueAsString(OnTimeView.Tally.of(tally))))
                .isEqualTo(JSON.readTree(JSON.writeValueAsString(tally.toJson())));
    }

    /** Issue 16 item 4: the rule a person reads is Chinese, without field names or citation keys; sources apart. */
    @Test
    void theRuleIsDescribedInChineseWithItsSourcesApart() {
        assertThat(OnTimeRates.RULE_TEXT).contains("受理后30个工作日内办结", "按时办结率", "北京时间")
                .doesNotContainPattern("[A-Za-z\\[\\]§]");
        assertThat(OnTimeRates.RULE_SOURCES).isNotEmpty().anySatisfy(s -> assertThat(s).startsWith("[57]§22"));
    }
}
