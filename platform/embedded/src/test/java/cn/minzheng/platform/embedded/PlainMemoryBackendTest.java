package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link EmbeddedMongoTest} again on mongo-java-server's plain in-memory backend
 * ({@code devstack --mongo-in-memory}): what the services do must work on it too.
 */
class PlainMemoryBackendTest extends EmbeddedMongoTest {

    /** Hides {@link EmbeddedMongoTest#start()}: JUnit runs this one instead. */
    @BeforeAll
    static void start() {
        startWith(EmbeddedMongo.builder().plainMemory(true));
    }

    @Test
    void keepsNoDataFile() {
        assertThatThrownBy(() -> EmbeddedMongo.builder().plainMemory(true).dataFile(Path.of("data.mv")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no data file");
    }
}
