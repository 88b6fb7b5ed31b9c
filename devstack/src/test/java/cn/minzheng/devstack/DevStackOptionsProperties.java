package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DevStackOptionsProperties {

    /** Whatever a user types, the launcher either understands it or answers with the usage text. */
    @Property
    void anyCommandLineParsesOrExplainsUsage(@ForAll("commandLines") List<String> args) {
        try {
            DevStackOptions options = DevStackOptions.parse(args.toArray(String[]::new), Path.of(""));
            assertThat(options.dataDir()).isAbsolute();
            assertThat(DevStackOptions.SERVICES).containsAll(options.without());
            // encoding and the IPv4 loopback are never lost, whatever the flags; --c2 really means C2
            assertThat(options.jvmFlags()).containsAll(DevStackOptions.BASE_JVM_FLAGS).doesNotContain("");
            if (args.contains("--c2") && !args.contains("--jvm-flags")) {
                assertThat(options.jvmFlags()).noneMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel="));
            }
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("usage: devstack");
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.of("--reset", "--only", "infra", "--without", "org-service", "gateway,audit-service",
                        "--root", "--data", "/tmp/x", "--help", "-h", "", "--", "kafka", "a\u0000b",
                        "--jvm-flags", "--c2", "-Xmx1g -XX:TieredStopAtLevel=1", " "),
                Arbitraries.strings().ofMaxLength(12));
        return words.list().ofMaxSize(6);
    }
}
