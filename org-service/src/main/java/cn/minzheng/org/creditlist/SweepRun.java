package cn.minzheng.org.creditlist;

import java.time.LocalDate;

/**
 * One run of the daily credit-list sweep over a scope (an authority prefix, or every authority): the day it
 * decides for, its phase (first the due 拟列入告知 are listed, then the entries are removed or escalated), the
 * last id done in that phase, and the counts so far. A run that stopped is resumed by the next call for its
 * scope, on ITS day and from its cursor, so every batch it re-does is the same set of documents deciding the
 * same way; each new run has the next {@code generation}, so its batches' outbox documents are its own.
 */
public record SweepRun(String id, long generation, LocalDate on, Phase phase, String cursor, boolean finished, Counts counts) {

    public enum Phase {
        NOTICES, ENTRIES
    }

    /** What a run did: notices examined and listed; entries examined, removed, and escalation notices issued. */
    public record Counts(long noticesExamined, long listed, long examined, long removed, long escalationNoticesIssued) {
        public static Counts none() {
            return new Counts(0, 0, 0, 0, 0);
        }

        public Counts plus(Counts o) {
            return new Counts(noticesExamined + o.noticesExamined, listed + o.listed, examined + o.examined, removed + o.removed,
                    escalationNoticesIssued + o.escalationNoticesIssued);
        }
    }

    public static String idOf(String authorityPrefix) {
        return "CLS-" + (authorityPrefix == null ? "ALL" : authorityPrefix);
    }

    /** A new run after {@code previous} (null: the first of its scope), deciding for {@code on}. */
    public static SweepRun start(String id, SweepRun previous, LocalDate on) {
        return new SweepRun(id, previous == null ? 1 : previous.generation + 1, on, Phase.NOTICES, null, false, Counts.none());
    }

    /** After a batch whose last document is {@code lastId}. */
    public SweepRun advanced(String lastId, Counts batch) {
        return new SweepRun(id, generation, on, phase, lastId, false, counts.plus(batch));
    }

    /** The current phase has no document left: the next phase, or the end of the run. */
    public SweepRun phaseDone() {
        return phase == Phase.NOTICES ? new SweepRun(id, generation, on, Phase.ENTRIES, null, false, counts)
                : new SweepRun(id, generation, on, phase, cursor, true, counts);
    }

    /** The id of the outbox document of the batch that starts after the current cursor. */
    public String batchId() {
        return id + ":" + generation + ":" + phase + ":" + (cursor == null ? "" : cursor);
    }
}
