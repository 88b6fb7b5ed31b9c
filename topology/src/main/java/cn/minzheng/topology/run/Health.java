package cn.minzheng.topology.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.topology.compose.ComposeService;
import cn.minzheng.topology.hosts.Host;
import cn.minzheng.topology.hosts.HostProcess;
import cn.minzheng.topology.hosts.Network;
import cn.minzheng.topology.hosts.Shell;
import cn.minzheng.topology.kafka.KafkaImage;

/**
 * Compose's health checks, run on the service's own host: the {@code healthcheck.test} command
 * itself where this machine has its program (curl, wget, bash, pg_isready), a stand-in check where
 * it does not (the Kafka and MongoDB images' own tools), said so in the report. Polled every 2 s
 * until it passes, within compose's own budget (start_period + interval × retries).
 */
final class Health {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Network network;
    private final Stack stack;
    private final Report report;
    private final Map<String, Boolean> standInReported = new ConcurrentHashMap<>();

    Health(Network network, Stack stack, Report report) {
        this.network = network;
        this.stack = stack;
        this.report = report;
    }

    /** Waits until the service is healthy; fails with its log's last lines when it dies or runs out of time. */
    void awaitHealthy(ComposeService service, Map<String, Object> healthcheckSettings) {
        HostProcess process = stack.process(service.name()).orElseThrow(() ->
                new IllegalStateException(service.name() + " is not running"));
        Duration budget = budget(healthcheckSettings);
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with " + process.exitCode() + " before it was healthy; last lines of "
                        + process.log() + ":\n" + Logs.tail(process.log(), 30));
            }
            if (healthyOnce(service, process)) {
                report.step(service.name() + " healthy after " + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.name() + " not healthy within " + budget.toSeconds() + " s (compose's"
                        + " start_period + interval × retries); last lines of " + process.log() + ":\n" + Logs.tail(process.log(), 30));
            }
            Stack.sleepQuietly(POLL.toMillis());
        }
    }

    boolean healthyOnce(ComposeService service, HostProcess process) {
        Host host = network.host(service.name());
        ComposeService.Healthcheck check = service.healthcheck().orElse(null);
        if (check != null && Shell.onPath(check.program()) && Stack.kindOf(service) != Stack.Kind.MONGO_STAND_IN) {
            return process.exec(check.command(), 15).ok();
        }
        // the Kafka image's own tools are there, beside the broker (KafkaImage): its check runs as written
        if (check != null && Stack.kindOf(service) == Stack.Kind.KAFKA && check.program().startsWith(KafkaImage.BIN + "/")) {
            if (standInReported.putIfAbsent(service.name(), true) == null) {
                report.step(service.name() + ": health check " + check.test() + " runs as written, with the image's tool");
            }
            return process.exec(check.command(), 30).ok();
        }
        String what = switch (Stack.kindOf(service)) {
            case KAFKA -> "the broker logged its start and answers on 9092";
            case MONGO_STAND_IN -> "the Mongo-wire server logged 'ready on' and answers on 27017";
            default -> "its port answers";
        };
        if (standInReported.putIfAbsent(service.name(), true) == null && check != null) {
            report.override(service.name(), "health check " + check.test() + " needs the image's own tool ("
                    + check.program() + "); the run checks instead that " + what);
        }
        return switch (Stack.kindOf(service)) {
            case KAFKA -> Logs.contains(process.log(), "Kafka broker (KRaft) started") && answers(host, 9092);
            case MONGO_STAND_IN -> Logs.contains(process.log(), "ready on") && answers(host, 27017);
            default -> true;
        };
    }

    private static boolean answers(Host host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host.address(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Duration budget(Map<String, Object> healthcheck) {
        Duration interval = parse(healthcheck.get("interval"), Duration.ofSeconds(30));
        Duration startPeriod = parse(healthcheck.get("start_period"), Duration.ZERO);
        int retries = healthcheck.get("retries") == null ? 3 : Integer.parseInt(String.valueOf(healthcheck.get("retries")));
        return startPeriod.plus(interval.multipliedBy(retries));
    }

    static Duration parse(Object value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        Duration total = Duration.ZERO;
        Matcher m = DURATION.matcher(String.valueOf(value));
        boolean any = false;
        while (m.find()) {
            any = true;
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return any ? total : fallback;
    }
}
