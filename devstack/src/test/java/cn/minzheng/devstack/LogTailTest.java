package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTailTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} lines in the file, ask {1} -> first {2}, count {3}")
    @CsvSource({
            "0, 5, '', 0",
            "3, 5, line 1, 3",
            "100, 5, line 96, 5",
            "100000, 3, line 99998, 3",
    })
    void returnsTheLastLines(int lines, int asked, String first, int count) throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, IntStream.rangeClosed(1, lines).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining()));

        var tail = LogTail.lastLines(log, asked);

        assertThat(tail).hasSize(count);
        if (count > 0) {
            assertThat(tail.get(0)).isEqualTo(first);
            assertThat(tail.get(count - 1)).isEqualTo("line " + lines);
        }
    }

    @Test
    void aMissingLogHasNoLines() {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 10)).isEmpty();
    }
}
