package cn.minzheng.systemtests.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run proved, in numbers: tests record hostile inputs tried and records lost or duplicated;
 * {@link SummaryListener} adds the scenarios and faults that passed and prints it at the end.
 */
public final class RunSummary {

    private static final AtomicInteger HOSTILE = new AtomicInteger();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final AtomicInteger LOST = new AtomicInteger();
    private static final AtomicInteger DUPLICATED = new AtomicInteger();
    private static final Map<String, Integer> DOC_EXAMPLES = new LinkedHashMap<>();

    private RunSummary() {
    }

    public static void hostileInputTried() {
        HOSTILE.incrementAndGet();
    }

    /** Records a fault test's count: how many records it followed, how many were missing or doubled. */
    public static void records(int checked, int lost, int duplicated) {
        CHECKED.addAndGet(checked);
        LOST.addAndGet(lost);
        DUPLICATED.addAndGet(duplicated);
    }

    /** Records how many request examples of a document ran as written (docs.DocExamplesTest). */
    public static synchronized void docExamplesRun(String file, int requests) {
        DOC_EXAMPLES.put(file, requests);
    }

    static synchronized Map<String, Integer> docExamples() {
        return new LinkedHashMap<>(DOC_EXAMPLES);
    }

    static int hostile() {
        return HOSTILE.get();
    }

    static int checked() {
        return CHECKED.get();
    }

    static int lost() {
        return LOST.get();
    }

    static int duplicated() {
        return DUPLICATED.get();
    }
}
