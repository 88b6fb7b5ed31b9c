package cn.minzheng.bench.workload;

import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The audit-service read API the workloads poll (straight to :8083, so no gateway time limit applies). */
final class AuditQueries {

    static final String SUBMITTED = "minzheng.assistance.application.submitted.v1";

    private final Devstack d;
    private final String auditor;

    AuditQueries(Devstack d, String auditorToken) {
        this.d = d;
        this.auditor = auditorToken;
    }

    /** Records of one type since {@code from}, counted by the statistics API. */
    Mono<Long> countOfType(String type, Instant from, Instant to) {
        return d.get(d.endpoints().audit() + "/api/v1/audit/statistics?by=type&type=" + type + "&from=" + enc(from.toString())
                + "&to=" + enc(to.toString()), auditor, Duration.ofMinutes(5))
                .flatMap(r -> r.ok() ? Mono.just(Devstack.json(r).path("total").asLong())
                        : Mono.error(new IllegalStateException("statistics answered " + r.status() + ": " + r.text())));
    }

    /** A page of records of one type from {@code from} on, continuing at {@code cursor} if not null. */
    Mono<JsonNode> page(String type, Instant from, String cursor) {
        String url = d.endpoints().audit() + "/api/v1/audit/records?type=" + type + "&from=" + enc(from.toString()) + "&limit=200"
                + (cursor == null ? "" : "&cursor=" + enc(cursor));
        return d.get(url, auditor, Duration.ofMinutes(1)).flatMap(r -> r.ok() ? Mono.just(Devstack.json(r))
                : Mono.error(new IllegalStateException("search answered " + r.status() + ": " + r.text())));
    }

    /** The sum of the head sequences of every chain whose name starts with {@code topic-}: records stored. */
    Mono<Long> storedIn(String topic) {
        return d.get(d.endpoints().audit() + "/api/v1/audit/chains", auditor, Duration.ofMinutes(1)).flatMap(r -> {
            if (!r.ok()) {
                return Mono.error(new IllegalStateException("chains answered " + r.status() + ": " + r.text()));
            }
            long sum = 0;
            for (JsonNode chain : Devstack.json(r)) {
                if (chain.path("chain").asString().startsWith(topic + "-")) {
                    sum += chain.path("sequence").asLong();
                }
            }
            return Mono.just(sum);
        });
    }

    Mono<Reply> verify(String chain) {
        return d.get(d.endpoints().audit() + "/api/v1/audit/chains/" + enc(chain) + "/verification", auditor,
                Duration.ofMinutes(30));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
