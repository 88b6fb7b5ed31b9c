package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainArgumentsTest {

    @ParameterizedTest(name = "[{0}] -> port {1}, data {2}")
    @CsvSource(delimiter = '|', value = {
            "''                                  | 9092 | .devstack/kafka",
            "--port 19092                        | 19092 | .devstack/kafka",
            "--port=19092 --data /tmp/k          | 19092 | /tmp/k",
            "--data /tmp/k --controller-port 9 --port 1 | 1 | /tmp/k",
    })
    void readsNamedValuesWithDefaults(String line, int port, String data) {
        MainArguments arguments = MainArguments.parse(words(line));

        assertThat(arguments.intValue("port", 9092)).isEqualTo(port);
        assertThat(arguments.path("data", Path.of(".devstack/kafka"))).isEqualTo(Path.of(data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9092", "--port nine", "--port=x"})
    void rejectsPositionalValuesAndNonNumbers(String line) {
        assertThatThrownBy(() -> MainArguments.parse(line.split(" ")).intValue("port", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{0}] -> in-memory {1}, no-oplog {2}")
    @CsvSource(delimiter = '|', value = {
            "''                                  | false | false",
            "--in-memory                         | true  | false",
            "--port 1 --in-memory --no-oplog     | true  | true",
            "--in-memory false --no-oplog=true   | false | true",
    })
    void flagsWithoutAValue(String line, boolean inMemory, boolean noOplog) {
        MainArguments arguments = MainArguments.parse(words(line));

        assertThat(arguments.flag("in-memory")).isEqualTo(inMemory);
        assertThat(arguments.flag("no-oplog")).isEqualTo(noOplog);
    }

    private static String[] words(String line) {
        return line.isBlank() ? new String[0] : line.split(" ");
    }
}
