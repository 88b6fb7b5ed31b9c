package cn.minzheng.systemtests.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 6, the docs tested as written: every request example of the files below runs against
 * the devstack, in document order per file (ids filled from earlier steps), and a request-looking block
 * that is neither marked executable nor illustrative (with a reason) fails. The convention is in
 * system-tests/README.md ("Docs tested as written").
 *
 * <p>Runs first (order 0), before any scenario moves a business clock, so the documented dates and
 * years mean what a reader on a fresh devstack sees; where a journey needs time to pass the document
 * moves the clock itself (ADMIN, devstack only).
 */
@Tag("docs")
@Order(0)
class DocExamplesTest {

    /** The documents whose examples must run (in this order: later files may not rely on earlier ones). */
    static final List<String> FILES = List.of("README.md", "docs/api.md", "assistance-service/README.md",
            "org-service/README.md", "audit-service/README.md");

    @TestFactory
    Stream<DynamicTest> everyRequestExampleRunsAsWritten() {
        return FILES.stream().map(file -> DynamicTest.dynamicTest(file, () -> runFile(file)));
    }

    private static void runFile(String file) throws IOException {
        // -Ddocs.root=<folder>: the documents from a copy (e.g. with other names, to run them again on one devstack)
        String root = System.getProperty("docs.root");
        Path path = (root == null || root.isBlank() ? Platform.repositoryRoot() : Path.of(root)).resolve(file);
        List<Markdown.Block> blocks = Markdown.blocks(Files.readString(path, StandardCharsets.UTF_8));
        List<String> unmarked = new ArrayList<>();
        for (Markdown.Block b : blocks) {
            if (b.mark() == Markdown.Mark.NONE && b.requestLooking()) {
                unmarked.add(file + ":" + b.line() + ": a request-looking block that is not marked <!-- example --> "
                        + "(or <!-- illustrative: why it cannot run -->)");
            }
            if (b.mark() == Markdown.Mark.ILLUSTRATIVE && b.note().isBlank()) {
                unmarked.add(file + ":" + b.line() + ": <!-- illustrative --> needs its reason: <!-- illustrative: why -->");
            }
        }
        Platform platform = Platform.get();
        DocRunner runner = new DocRunner(file, port -> baseOf(platform, port));
        String failed = null;
        try {
            for (Markdown.Block b : blocks) {
                if (b.mark() == Markdown.Mark.EXECUTABLE) {
                    runner.run(b);
                }
            }
        } catch (DocRunner.Failure e) {
            failed = e.getMessage();
        } finally {
            RunSummary.docExamplesRun(file, runner.requestsRun());
        }
        List<String> problems = new ArrayList<>(unmarked);
        if (failed != null) {
            problems.add(0, "after " + runner.requestsRun() + " requests as written: " + failed);
        }
        assertThat(problems).as("the examples of " + file).isEmpty();
        System.out.printf("[docs] %s: %d requests run as written%n", file, runner.requestsRun());
    }

    /** The documented port (contract: docs/contracts.md) → this devstack's. */
    static String baseOf(Platform platform, int documented) {
        Platform.Ports p = platform.ports();
        int port = switch (documented) {
            case 8080 -> p.gateway();
            case 9000 -> p.issuer();
            case 8081 -> p.assistance();
            case 8082 -> p.org();
            case 8083 -> p.audit();
            case 8761 -> p.registry();
            default -> throw new IllegalArgumentException("no devstack component on the documented port " + documented);
        };
        return "http://127.0.0.1:" + port;
    }
}
