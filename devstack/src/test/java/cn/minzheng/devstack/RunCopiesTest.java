package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCopiesTest {

    @TempDir
    Path dir;

    @Test
    void runsFromACopyThatARebuildDoesNotTouchUntilTheNextStart() throws Exception {
        Path jar = Files.createDirectories(dir.resolve("org-service/target")).resolve("org-service-0.1.0-SNAPSHOT.jar");
        Files.writeString(jar, "build 1");
        RunCopies copies = new RunCopies(dir.resolve(".devstack/run"));

        Path copy = copies.of(jar);
        assertThat(copy).isEqualTo(dir.resolve(".devstack/run/org-service-0.1.0-SNAPSHOT.jar"));
        assertThat(copy).doesNotExist();

        copies.refresh();
        assertThat(copy).hasContent("build 1");

        Files.writeString(jar, "build 2, rewritten in place by mvn install");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(copy).as("the running copy is untouched").hasContent("build 1");

        copies.refresh();
        assertThat(copy).as("the next start takes the new build").hasContent("build 2, rewritten in place by mvn install");
        assertThat(dir.resolve(".devstack/run")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void anUnchangedJarIsNotCopiedAgain() throws Exception {
        Path jar = dir.resolve("gateway-0.1.0-SNAPSHOT.jar");
        Files.writeString(jar, "same");
        RunCopies copies = new RunCopies(dir.resolve("run"));
        Path copy = copies.of(jar);
        copies.refresh();
        FileTime marker = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.writeString(copy, "SAME"); // same size: only the time tells

        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(jar));
        copies.refresh();
        assertThat(copy).hasContent("SAME");

        Files.setLastModifiedTime(copy, marker);
        copies.refresh();
        assertThat(copy).hasContent("same");
    }
}
