package cn.minzheng.systemtests.observability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics the dashboards and alert rules (deploy/prometheus, deploy/grafana) are built on, as
 * each running component of the stack exposes them to Prometheus (issue 9): latency histograms per
 * route and endpoint, the business gauges, outbox, consumer lag, dead letters, chain heads,
 * checkpoint age and breaker states. Scraped straight from each component's actuator (Prometheus
 * scrapes there, not through the gateway). Runs after the poison-record test, so audit-service's
 * dead-letter counter exists (a topic's counter appears with its first dead letter).
 */
@Tag("observability")
@Order(15)
class MetricsTest {

    /** Meters with tags appear with their first use: one case through the gateway, so every route,
     *  outbox and chain has been used, whichever tests ran before. */
    @BeforeAll
    static void useThePlatformOnce() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        String citizen = new Tokens(platform).of("metrics-citizen-" + UUID.randomUUID().toString().substring(0, 8),
                "CITIZEN", Households.TOWNSHIP);
        new Cases(gateway).submit(citizen, Households.dibao("900.00"));
        Answer lookup = gateway.get("/api/v1/orgs/public/organizations?name=" + Cases.class.getSimpleName()).send();
        assertThat(lookup.status()).as(lookup.toString()).isLessThan(500);
        // an open 年检 campaign, whose filing progress is a gauge (神农架林区: an authority no other test uses)
        String registrar = new Tokens(platform).of("metrics-registrar", "REGISTRAR", "429021");
        Answer campaign = gateway.post("/api/v1/orgs/inspection-campaigns").token(registrar)
                .json(java.util.Map.of("authorityCode", "429021", "year", 2025)).send();
        assertThat(campaign.status()).as(campaign.toString()).isIn(201, 409);
    }

    static List<Object[]> components() {
        Platform.Ports p = Platform.get().ports();
        return List.of(
                new Object[] {"gateway", p.gateway(), List.of(
                        "spring_cloud_gateway_requests_seconds_bucket{",
                        "http_server_requests_seconds_bucket{",
                        "resilience4j_circuitbreaker_state{")},
                new Object[] {"assistance-service", p.assistance(), List.of(
                        "http_server_requests_seconds_bucket{",
                        "assistance_cases_open{",
                        "assistance_cases_overdue",
                        "assistance_cases_on_time_ratio",
                        "outbox_pending{",
                        "outbox_oldest_age_seconds{",
                        "kafka_consumer_fetch_manager_records_lag_max{",
                        "resilience4j_circuitbreaker_state{")},
                new Object[] {"org-service", p.org(), List.of(
                        "http_server_requests_seconds_bucket{",
                        "org_organizations{",
                        "org_annual_inspection_filed{authority=\"429021\"",
                        "org_annual_inspection_required{authority=\"429021\"",
                        "org_cases_overdue",
                        "outbox_pending{",
                        "outbox_oldest_age_seconds{")},
                new Object[] {"audit-service", p.audit(), List.of(
                        "http_server_requests_seconds_bucket{",
                        "audit_ingest_records_total",
                        "audit_chain_head_sequence{",
                        "audit_checkpoint_age_seconds",
                        "kafka_consumer_fetch_manager_records_lag_max{",
                        "kafka_dead_letters_total")});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void eachComponentExposesTheMetricsTheDashboardsAndAlertsUse(String component, int port, List<String> names) {
        Gateway actuator = new Gateway("http://127.0.0.1:" + port);
        // the audit record of the case above arrives asynchronously: give the pipeline its time
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer scrape = actuator.get("/actuator/prometheus").send();
            assertThat(scrape.status()).as(component + ": " + scrape.status()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
            for (String name : names) {
                assertThat(scrape.body()).as(component + " exposes " + name).contains(name);
            }
        });
    }
}
