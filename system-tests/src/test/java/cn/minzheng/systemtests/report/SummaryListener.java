package cn.minzheng.systemtests.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.minzheng.systemtests.platform.Platform;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the run summary when the test plan ends, then stops the platform this JVM started.
 * Tests tagged {@code scenario} count as scenarios, {@code fault} as faults.
 */
public final class SummaryListener implements TestExecutionListener {

    private final AtomicInteger scenarios = new AtomicInteger();
    private final AtomicInteger scenariosPassed = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger faultsSurvived = new AtomicInteger();
    private final List<String> failed = new ArrayList<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        if (test.getTags().contains(TestTag.create("scenario"))) {
            scenarios.incrementAndGet();
            if (passed) {
                scenariosPassed.incrementAndGet();
            }
        }
        if (test.getTags().contains(TestTag.create("fault"))) {
            faults.incrementAndGet();
            if (passed) {
                faultsSurvived.incrementAndGet();
            }
        }
        if (!passed) {
            synchronized (failed) {
                failed.add(test.getDisplayName() + " (" + result.getStatus() + ")");
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (scenarios.get() + faults.get() + RunSummary.hostile() + RunSummary.docExamples().size() > 0) {
            System.out.println(render());
        }
        Platform.shutdown();
    }

    String render() {
        StringBuilder s = new StringBuilder();
        s.append("\n===== 民政 system tests: run summary =====\n");
        s.append(String.format("scenarios passed      %d/%d%n", scenariosPassed.get(), scenarios.get()));
        s.append(String.format("faults survived       %d/%d%n", faultsSurvived.get(), faults.get()));
        s.append(String.format("hostile inputs tried  %d%n", RunSummary.hostile()));
        java.util.Map<String, Integer> docs = RunSummary.docExamples();
        s.append(String.format("doc examples run      %d%s%n", docs.values().stream().mapToInt(Integer::intValue).sum(),
                docs.isEmpty() ? "" : " " + docs.toString().replace('=', ' ').replace("{", "(").replace("}", ")")));
        s.append(String.format("records followed      %d%n", RunSummary.checked()));
        s.append(String.format("records lost          %d%n", RunSummary.lost()));
        s.append(String.format("records duplicated    %d%n", RunSummary.duplicated()));
        synchronized (failed) {
            failed.forEach(f -> s.append("FAILED  ").append(f).append('\n'));
        }
        s.append("==========================================");
        return s.toString();
    }
}
