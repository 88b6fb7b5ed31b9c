package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.platform.embedded.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLauncherTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final StackLauncher launcher = new StackLauncher(new PrintStream(output, true, StandardCharsets.UTF_8));

    private ComponentSpec fake(String name, int port, Duration timeout, String... args) {
        Path log = dir.resolve("logs").resolve(name + ".log");
        return new ComponentSpec(name, FakeComponent.command(args), Map.of(), port > 0 ? List.of(port) : List.of(),
                Readiness.tcp(port).and(Readiness.logContains(log, "fake ready")), timeout, log, dir);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsStageByStageAndStopLeavesNothingRunning() throws Exception {
        int first = FreePorts.find();
        int second = FreePorts.findOtherThan(first);
        StackLauncher.RunningStack stack = launcher.start(List.of(
                List.of(fake("infra", first, Duration.ofSeconds(60), "listen", String.valueOf(first))),
                List.of(fake("service", second, Duration.ofSeconds(60), "spawn", String.valueOf(second)))));

        assertThat(stack.components()).extracting(RunningComponent::name).containsExactly("infra", "service");
        assertThat(stack.components()).allMatch(RunningComponent::isAlive);
        assertThat(output()).contains("✓ infra ready", "✓ service ready");
        long childPid = childPid(dir.resolve("logs").resolve("service.log"));
        assertThat(ProcessHandle.of(childPid)).hasValueSatisfying(child -> assertThat(child.isAlive()).isTrue());

        stack.stop();

        assertThat(stack.components()).noneMatch(RunningComponent::isAlive);
        assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).as("grandchild").isNotEqualTo(java.util.Optional.of(true));
        assertThat(FreePorts.inUse(first)).isFalse();
        assertThat(FreePorts.inUse(second)).isFalse();
    }

    @Test
    void aCrashingComponentIsNamedWithTheEndOfItsLogAndEverythingStops() {
        int port = FreePorts.find();
        List<List<ComponentSpec>> stages = List.of(
                List.of(fake("kafka", port, Duration.ofSeconds(60), "listen", String.valueOf(port))),
                List.of(fake("org-service", FreePorts.findOtherThan(port), Duration.ofSeconds(60), "crash")));

        assertThatThrownBy(() -> launcher.start(stages))
                .isInstanceOfSatisfying(StartupFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("org-service");
                    assertThat(failure.getMessage()).contains("exited with code 3");
                    assertThat(failure.logTail()).last().isEqualTo("FATAL: cannot connect to the database");
                    assertThat(failure.logTail()).contains("fake log line 40").doesNotContain("fake log line 1");
                    assertThat(failure.report()).contains("✗ org-service", "org-service.log", "| FATAL");
                });
        assertThat(launcher.stack().components()).noneMatch(RunningComponent::isAlive);
        assertThat(FreePorts.inUse(port)).as("the kafka fake was stopped").isFalse();
    }

    @Test
    void aComponentThatNeverGetsReadyTimesOutWithWhatItWaitedFor() {
        int port = FreePorts.find();
        List<List<ComponentSpec>> stages = List.of(List.of(fake("registry-service", port, Duration.ofSeconds(3), "silent")));

        assertThatThrownBy(() -> launcher.start(stages))
                .isInstanceOfSatisfying(StartupFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("registry-service");
                    assertThat(failure.getMessage()).contains("not ready within 3 s", "port " + port + " open");
                });
        assertThat(launcher.stack().components()).noneMatch(RunningComponent::isAlive);
    }

    @Test
    void aPortInUseIsReportedAndNothingStarts() throws Exception {
        int free = FreePorts.find();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            List<List<ComponentSpec>> stages = List.of(
                    List.of(fake("kafka", free, Duration.ofSeconds(60), "listen", String.valueOf(free))),
                    List.of(fake("gateway", port, Duration.ofSeconds(60), "listen", String.valueOf(port))));

            assertThatThrownBy(() -> launcher.start(stages))
                    .isInstanceOfSatisfying(StartupFailure.PortInUse.class, failure -> {
                        assertThat(failure.component()).isEqualTo("gateway");
                        assertThat(failure.port()).isEqualTo(port);
                        assertThat(failure.getMessage()).contains("port " + port + " is already in use");
                    });
        }
        assertThat(launcher.stack().components()).isEmpty();
        assertThat(Files.exists(dir.resolve("logs").resolve("kafka.log"))).isFalse();
    }

    @Test
    void aStoppedLauncherStartsNothingMore() {
        launcher.stack().stop();
        int port = FreePorts.find();

        assertThatThrownBy(() -> launcher.start(List.of(List.of(fake("late", port, Duration.ofSeconds(5), "listen",
                String.valueOf(port)))))).isInstanceOf(StartupFailure.class).hasMessageContaining("stopping");
        assertThat(launcher.stack().components()).isEmpty();
    }

    private static long childPid(Path log) throws Exception {
        Matcher matcher = Pattern.compile("child pid (\\d+)").matcher(Files.readString(log));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
