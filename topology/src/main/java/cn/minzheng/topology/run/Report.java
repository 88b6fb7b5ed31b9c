package cn.minzheng.topology.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** What the run prints: each step with the time since the start, every override, and the outcome. */
public final class Report {

    private final long started = System.nanoTime();
    private final PrintStream out;
    private final List<String> overrides = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int passed;

    public Report(PrintStream out) {
        this.out = out;
    }

    public synchronized void step(String text) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", seconds(), text);
        out.flush();
    }

    /** A compose setting the stand-in cannot honour, and what the run does instead. */
    public synchronized void override(String service, String text) {
        overrides.add(service + ": " + text);
        step("OVERRIDE " + service + ": " + text);
    }

    public synchronized void pass(String check) {
        passed++;
        step("PASS " + check);
    }

    public synchronized void fail(String check, String why) {
        failures.add(check + " — " + why);
        step("FAIL " + check + " — " + why);
    }

    /** A pass when {@code ok}, else a failure saying {@code why}. */
    public void check(String what, boolean ok, Supplier<String> why) {
        if (ok) {
            pass(what);
        } else {
            fail(what, why.get());
        }
    }

    /**
     * Polls {@code condition} once a second until it holds (a pass, with the time it took) or {@code limit} has
     * passed: then the step cannot go on, and the exception says what was awaited and {@code detail}.
     */
    public void await(String what, Duration limit, Supplier<Boolean> condition, Supplier<String> detail) {
        long begun = System.nanoTime();
        long deadline = begun + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                pass(what + String.format(Locale.ROOT, " (after %.1f s)", (System.nanoTime() - begun) / 1e9));
                return;
            }
            Stack.sleepQuietly(1000);
        }
        throw new IllegalStateException(what + ": not within " + limit.toSeconds() + " s " + detail.get());
    }

    public synchronized boolean failed() {
        return !failures.isEmpty();
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    public synchronized void summary() {
        out.println();
        out.println("Overrides of docker-compose.yml (settings the stand-ins cannot honour):");
        overrides.forEach(o -> out.println("  - " + o));
        if (!failures.isEmpty()) {
            out.println("Failed:");
            failures.forEach(f -> out.println("  - " + f));
        }
        out.printf(Locale.ROOT, "production-topology run took %.0f s%n", seconds());
        out.printf(Locale.ROOT, "topology: %d passed, %d failed%n", passed, failures.size());
        out.flush();
    }
}
