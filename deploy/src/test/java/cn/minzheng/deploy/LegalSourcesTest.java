package cn.minzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every citation key the code, configuration and docs use ({@code [57]§13}, {@code [处罚法]§64},
 * {@code [SG]}) resolves in {@code docs/sources.md}, so a maintainer can look the rule up without a
 * document from outside the repository (issue 15 item 7).
 */
class LegalSourcesTest {

    /**
     * A key as the project writes them — two or three digits, two or three capitals, or Chinese
     * (with digits) — in brackets, followed by an article mark or running text. A Java index
     * ({@code a[0]}), a YAML list ({@code [基金会]} at a line's end) or a regex class does not match.
     */
    static final Pattern CITATION = Pattern.compile(
            "\\[([1-9]\\d{1,2}|[A-Z]{2,3}|\\p{IsHan}[\\p{IsHan}\\d]{0,7})\\](?=[§#\\x20,)）])");

    /** A key listed in sources.md: the first cell of a table row, in backticks. */
    static final Pattern LISTED = Pattern.compile("^\\| `\\[([^\\]]+)\\]` \\|", Pattern.MULTILINE);

    static final Set<String> SCANNED = Set.of(".java", ".yml", ".yaml", ".md", ".json", ".properties");

    @Test
    void everyKeyUsedIsListedInDocsSources() throws IOException {
        Path root = repositoryRoot();
        Set<String> listed = listedKeys(Files.readString(root.resolve("docs/sources.md")));
        Map<String, String> unresolved = new TreeMap<>();
        Set<String> used = new TreeSet<>();
        for (Path file : scannedFiles(root)) {
            for (String key : citedKeys(Files.readString(file))) {
                used.add(key);
                if (!listed.contains(key)) {
                    unresolved.putIfAbsent(key, root.relativize(file).toString());
                }
            }
        }
        assertThat(used).as("the scan reached the services' sources").contains("57", "43", "SG", "处罚法");
        assertThat(unresolved)
                .as("citation keys used but not listed in docs/sources.md (key → first file using it);"
                        + " add each to the tables there with the document's full title")
                .isEmpty();
    }

    @Test
    void theCheckFindsAKeyNobodyListed() {
        Set<String> listed = listedKeys("| `[57]` | 《最低生活保障审核确认办法》 | 民政部 | 2021 |\n");
        Set<String> cited = citedKeys("""
                /** 补差 [57]§23; the new pilot [试点2026]§3 and [XY], not an index args[0] or [0-9] */
                FOUNDATION: [基金会]
                """);
        assertThat(cited).containsExactlyInAnyOrder("57", "试点2026", "XY");
        assertThat(cited.stream().filter(k -> !listed.contains(k))).containsExactlyInAnyOrder("试点2026", "XY");
    }

    @Test
    void theSourcesListTheKeysTheDomainNotesUse() throws IOException {
        Set<String> listed = listedKeys(Files.readString(repositoryRoot().resolve("docs/sources.md")));
        assertThat(listed).contains("57", "43", "暂行", "意见2020", "通知2022", "临救2018",
                "SG", "MF", "JJ", "名称", "信用", "抽查", "处罚法", "令68");
    }

    static Set<String> citedKeys(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static Set<String> listedKeys(String sources) {
        Set<String> keys = new TreeSet<>();
        Matcher m = LISTED.matcher(sources);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static List<Path> scannedFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> SCANNED.stream().anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                    .filter(p -> {
                        String path = root.relativize(p).toString().replace('\\', '/');
                        return !path.contains("/target/") && !path.startsWith(".")
                                && !path.contains("/node_modules/")
                                && !path.startsWith("deploy/src/test/resources/")
                                && !path.equals("docs/sources.md")
                                && (path.contains("/src/main/") || path.startsWith("docs/")
                                        || path.endsWith("README.md"));
                    })
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docs")) ? here : here.getParent();
    }
}
