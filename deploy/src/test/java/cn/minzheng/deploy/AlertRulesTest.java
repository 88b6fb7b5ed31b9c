package cn.minzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Prometheus alert rules issue 9 asks for (overdue cases rising, outbox age over a minute, any
 * dead letter, checkpoint too old, a breaker open): each exists, watches the metric the services
 * expose (the system tests' MetricsTest checks the services expose these names), and tells the
 * person on call what it means and what to do (docs/operations.md explains each at length).
 */
class AlertRulesTest {

    static Map<String, Map<String, Object>> rules;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Path file = Path.of("prometheus/alerts.yml");
        if (!Files.exists(file)) {
            file = Path.of("deploy/prometheus/alerts.yml");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<Map<String, Object>> groups = (List<Map<String, Object>>) root.get("groups");
            rules = groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                    .collect(Collectors.toMap(r -> (String) r.get("alert"), r -> r));
        }
    }

    @ParameterizedTest(name = "{0} watches {1}")
    @CsvSource({
        "OverdueCasesRising,    assistance_cases_overdue",
        "OutboxEventsWaiting,   outbox_oldest_age_seconds",
        "DeadLetterRecords,     kafka_dead_letters_total",
        "AuditCheckpointTooOld, audit_checkpoint_age_seconds",
        "CircuitBreakerOpen,    resilience4j_circuitbreaker_state",
        "AuditEventNotStored,   audit_ingest_dead_letters_total",
        "AuditIngestStuck,      audit_ingest_store_failures_total",
    })
    @SuppressWarnings("unchecked")
    void theRuleExistsWatchesItsMetricAndSaysWhatToDo(String alert, String metric) {
        Map<String, Object> rule = rules.get(alert);
        assertThat(rule).as("alert " + alert + " in deploy/prometheus/alerts.yml").isNotNull();
        assertThat((String) rule.get("expr")).contains(metric);
        Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
        assertThat(annotations.get("summary")).isNotBlank();
        assertThat(annotations.get("action")).as("what the person on call does").isNotBlank();
        assertThat(((Map<String, String>) rule.get("labels")).get("severity")).isIn("warning", "critical");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OutboxEventsWaiting, 60", "AuditCheckpointTooOld, 900"})
    void ageThresholdsAreInSeconds(String alert, String seconds) {
        assertThat((String) rules.get(alert).get("expr")).endsWith("> " + seconds);
    }

    @org.junit.jupiter.api.Test
    void theFirstDeadLetterOfATopicAlertsAlthoughItsCounterIsNew() {
        // increase() needs two samples of a series; a topic's counter appears with its first dead
        // letter, so the rule must also catch a series that did not exist 5 minutes ago
        String expr = (String) rules.get("DeadLetterRecords").get("expr");
        assertThat(expr).contains("increase(kafka_dead_letters_total[5m])")
                .contains("unless kafka_dead_letters_total offset 5m");
    }
}
