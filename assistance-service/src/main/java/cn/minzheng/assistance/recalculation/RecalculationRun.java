package cn.minzheng.assistance.recalculation;

import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.StandardKind;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One 调标 recalculation run over the cases of a standard's region: its progress, persisted after every
 * batch so a run stopped anywhere (crash, kill, restart) continues from {@link #cursor()} — the last case
 * number of the last batch whose counts were saved. A batch met again after a stop changes no case twice:
 * the cases it changed carry the run's adjustment ({@link StandardRecalculation.AlreadyChanged}).
 *
 * @param id        {@code <standard id>-R<n>}, the n-th run for the standard
 * @param trigger   {@code STANDARD_ADDED} (started by adding the standard) or {@code REQUESTED} (started by ADMIN/APPROVER)
 * @param total     cases in scope when the run started (ACTIVE, RECHECKING, SUSPENDED, 渐退期 of the measured programs)
 * @param skippedBy skipped cases per {@link StandardRecalculation.Skip} reason
 */
public record RecalculationRun(String id, String standardId, String regionPrefix, StandardKind kind,
                               YearMonth effectiveMonth, long standardFen, String standardSource, Status status,
                               String trigger, String startedBy, Instant startedAt, Instant finishedAt, int batchSize,
                               String cursor, long batches, long total, long changed, long unchanged, long skipped,
                               Map<String, Long> skippedBy, String failure) {

    public enum Status { RUNNING, COMPLETED, FAILED }

    public static final String STANDARD_ADDED = "STANDARD_ADDED";
    public static final String REQUESTED = "REQUESTED";

    public RecalculationRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        skippedBy = skippedBy == null ? Map.of() : Map.copyOf(skippedBy);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
    }

    /** The id of the {@code n}-th run for a standard. */
    public static String idFor(AssistanceStandard s, int n) {
        return s.id() + "-R" + n;
    }

    public static RecalculationRun start(String id, AssistanceStandard s, String trigger, String startedBy,
                                         Instant at, int batchSize, long total) {
        return new RecalculationRun(id, s.id(), s.regionPrefix(), s.kind(), s.effectiveFrom(), s.monthlyFen(),
                s.source(), Status.RUNNING, trigger, startedBy, at, null, batchSize, null, 0, total, 0, 0, 0, Map.of(),
                null);
    }

    /** Cases looked at so far. */
    public long processed() {
        return changed + unchanged + skipped;
    }

    /** Whole percent done: 100 once completed; never above 99 while running. */
    public int percent() {
        if (status == Status.COMPLETED) {
            return 100;
        }
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(99, processed() * 100 / total);
    }

    /** After a batch: the new cursor and the batch's counts added. */
    public RecalculationRun afterBatch(String lastCase, Tally t) {
        Map<String, Long> by = new TreeMap<>(skippedBy);
        t.skippedBy().forEach((k, v) -> by.merge(k, v, Long::sum));
        long processed = processed() + t.changed() + t.unchanged() + t.skipped();
        return new RecalculationRun(id, standardId, regionPrefix, kind, effectiveMonth, standardFen, standardSource,
                status, trigger, startedBy, startedAt, finishedAt, batchSize, lastCase, batches + 1,
                Math.max(total, processed), changed + t.changed(), unchanged + t.unchanged(), skipped + t.skipped(), by,
                failure);
    }

    public RecalculationRun completed(Instant at) {
        return withStatus(Status.COMPLETED, at, null);
    }

    public RecalculationRun failed(Instant at, String why) {
        return withStatus(Status.FAILED, at, why);
    }

    /** A FAILED run continued from its cursor (explicit resumption). */
    public RecalculationRun resumed() {
        if (status == Status.COMPLETED) {
            throw new IllegalStateException("a completed run is not resumed");
        }
        return withStatus(Status.RUNNING, null, null);
    }

    private RecalculationRun withStatus(Status s, Instant finished, String why) {
        return new RecalculationRun(id, standardId, regionPrefix, kind, effectiveMonth, standardFen, standardSource, s,
                trigger, startedBy, startedAt, finished, batchSize, cursor, batches, total, changed, unchanged, skipped,
                skippedBy, why);
    }

    /** A batch's counts. */
    public record Tally(long changed, long unchanged, long skipped, Map<String, Long> skippedBy) {
        public static final Tally NONE = new Tally(0, 0, 0, Map.of());

        public Tally plus(StandardRecalculation.Verdict v) {
            if (v instanceof StandardRecalculation.Changed || v instanceof StandardRecalculation.AlreadyChanged) {
                return new Tally(changed + 1, unchanged, skipped, skippedBy);
            }
            if (v instanceof StandardRecalculation.Unchanged) {
                return new Tally(changed, unchanged + 1, skipped, skippedBy);
            }
            if (v instanceof StandardRecalculation.Skipped s) {
                Map<String, Long> by = new TreeMap<>(skippedBy);
                by.merge(s.reason().name(), 1L, Long::sum);
                return new Tally(changed, unchanged, skipped + 1, by);
            }
            return this; // not affected: not counted
        }
    }
}
