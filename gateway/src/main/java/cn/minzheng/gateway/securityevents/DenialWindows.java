package cn.minzheng.gateway.securityevents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds denials of one kind from one client into one summary per time window (aligned to the epoch:
 * whole minutes for a one-minute window), so a flood of 401s or 429s costs one event per client and
 * window instead of one per request. At most {@code maxOpen} clients are tracked at once; denials from
 * further clients in the same window are folded together under {@link #OTHER_CLIENTS}. Plain Java,
 * time passed in; thread-safe.
 */
public final class DenialWindows {

    /** Client key of the summary that holds the clients beyond {@code maxOpen} in one window. */
    public static final String OTHER_CLIENTS = "*";
    /** Distinct reasons kept per summary; further ones are only counted. */
    public static final int MAX_REASONS = 8;
    private static final int MAX_REASON_LENGTH = 200;
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private final long windowMillis;
    private final int maxOpen;
    private final Map<Key, Open> open = new LinkedHashMap<>();
    /** Start of the oldest open window: nothing to close before the clock leaves it (the relay asks often). */
    private long oldestStart = Long.MAX_VALUE;

    public DenialWindows(Duration window, int maxOpen) {
        if (window.toMillis() < 1 || maxOpen < 1) {
            throw new IllegalArgumentException("window and max open windows must be positive");
        }
        this.windowMillis = window.toMillis();
        this.maxOpen = maxOpen;
    }

    /** Counts the denial; returns the summaries its arrival closed (the same client's previous window). */
    public synchronized List<DenialSummary> record(SecurityDenial denial, Instant now) {
        List<DenialSummary> closed = closeDue(now);
        Key key = new Key(denial.kind(), denial.clientKey());
        if (!open.containsKey(key) && countClients() >= maxOpen) {
            key = new Key(denial.kind(), OTHER_CLIENTS);
        }
        Key chosen = key;
        long start = start(now);
        open.computeIfAbsent(chosen, k -> new Open(chosen.clientKey(), denial, start)).add(denial, now);
        oldestStart = Math.min(oldestStart, start);
        return closed;
    }

    /** Summaries of every window that has ended by {@code now}. */
    public synchronized List<DenialSummary> closeDue(Instant now) {
        long currentStart = start(now);
        if (oldestStart >= currentStart) {
            return List.of();
        }
        List<DenialSummary> closed = new ArrayList<>();
        long oldestLeft = Long.MAX_VALUE;
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open window = it.next();
            if (window.windowStart < currentStart) {
                closed.add(window.summary(windowMillis));
                it.remove();
            } else {
                oldestLeft = Math.min(oldestLeft, window.windowStart);
            }
        }
        oldestStart = oldestLeft;
        return closed;
    }

    /** Summaries of every window, ended or not (shutting down). */
    public synchronized List<DenialSummary> closeAll() {
        List<DenialSummary> closed = open.values().stream().map(window -> window.summary(windowMillis)).toList();
        open.clear();
        oldestStart = Long.MAX_VALUE;
        return closed;
    }

    public synchronized int openWindows() {
        return open.size();
    }

    private int countClients() {
        return (int) open.keySet().stream().filter(k -> !k.clientKey().equals(OTHER_CLIENTS)).count();
    }

    private long start(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
    }

    /** A reason without what makes every occurrence distinct (times), and not longer than an auditor reads. */
    static String normalize(String reason) {
        String text = reason == null || reason.isBlank() ? "-" : INSTANT.matcher(reason).replaceAll("<time>");
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private record Key(SecurityDenial.Kind kind, String clientKey) {
    }

    private static final class Open {
        private final String clientKey;
        private final SecurityDenial first;
        private final long windowStart;
        private final Set<String> reasons = new LinkedHashSet<>();
        private long count;
        private long otherReasons;
        private Instant firstAt;
        private Instant lastAt;

        Open(String clientKey, SecurityDenial first, long windowStart) {
            this.clientKey = clientKey;
            this.first = first;
            this.windowStart = windowStart;
        }

        void add(SecurityDenial denial, Instant at) {
            count++;
            firstAt = firstAt == null ? at : firstAt;
            lastAt = at;
            String reason = normalize(denial.reason());
            if (!reasons.contains(reason)) {
                if (reasons.size() < MAX_REASONS) {
                    reasons.add(reason);
                } else {
                    otherReasons++;
                }
            }
        }

        DenialSummary summary(long windowMillis) {
            SecurityDenial representative = Objects.equals(clientKey, first.clientKey()) ? first
                    : new SecurityDenial(first.kind(), clientKey, null, List.of(), null, first.method(), first.path(),
                            first.reason(), first.traceparent());
            return new DenialSummary(representative, count, firstAt, lastAt, List.copyOf(reasons), otherReasons,
                    Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowStart + windowMillis));
        }
    }
}
