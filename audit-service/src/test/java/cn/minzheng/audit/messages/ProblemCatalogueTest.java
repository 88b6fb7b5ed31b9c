package cn.minzheng.audit.messages;

import cn.minzheng.audit.chain.TrailNotFound;
import cn.minzheng.audit.reads.ReadKind;
import cn.minzheng.audit.reads.ReadRefusal;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem audit-service can answer has a Chinese text (the default) and an English one, the two
 * bundles have the same keys, and no Chinese text carries English words or enum constants. The problem
 * and field codes are collected from the main sources (the literals the problems are built with), so a
 * new code without texts fails here.
 *
 * <p>Allowed in a Chinese text, as a person types them: JSON pointers and paths ({@code /api/v1/…}),
 * media types, the header names below, {@code RFC 3339} and its examples, parameters in query form
 * ({@code from=…&to=…}, {@code by=day}) and parameter names written as {@code 参数 from 和 to}.
 */
class ProblemCatalogueTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** new XxxProblem("code"…), new ProblemException(406, "code"…), new ReadRefusal(400, "code"…), new TrailNotFound("code"…). */
    private static final Pattern PROBLEM_LITERAL = Pattern.compile(
            "(?:Problem|ProblemException|Refusal|TrailNotFound)\\(\\s*(?:\\d{3},\\s*)?\"([a-z][a-z-]+)\"");
    /** FieldProblem.of / withMessage (pointer, "code", …) and RecordQuery's FieldError(pointer, "code", …). */
    private static final Pattern FIELD_CODE = Pattern.compile(
            "(?:FieldProblem\\.(?:of|withMessage)|new FieldError)\\(\\s*(?:\"[^\"]*\"|\\w+)\\s*,\\s*\"([a-z][a-z-]+)\"");
    private static final List<String> TECHNICAL = List.of("Accept-Language", "Retry-After", "Accept", "RFC 3339",
            "GET", "POST", "JSON");
    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z]{2,}|\\[\\d+]|§");

    private static final Properties ZH = load("problems_zh.properties");
    private static final Properties EN = load("problems_en.properties");
    private static final ProblemMessages MESSAGES = new ProblemMessages(List.of("problems"));

    @Test
    void every_problem_code_of_the_service_has_a_title_and_a_detail_in_both_languages() {
        Set<String> codes = scan(PROBLEM_LITERAL);
        assertThat(codes).as("codes found in the sources").contains("verify-range-too-large",
                "statistics-range-too-large", "audit-read-busy", "chain-not-found", "export-not-acceptable",
                "region-out-of-scope", "projections-rebuilding");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            for (String key : List.of(code + ".title", code + ".detail")) {
                if (!ZH.containsKey(key)) {
                    missing.add("zh " + key);
                }
                if (!EN.containsKey(key)) {
                    missing.add("en " + key);
                }
            }
        }
        assertThat(missing).as("problem codes without a text of the service").isEmpty();
    }

    @Test
    void every_field_code_of_the_service_has_both_texts() {
        Set<String> codes = scan(FIELD_CODE);
        assertThat(codes).as("field codes found in the sources").contains("invalid-limit", "invalid-chain",
                "verify-span-exceeded", "time-range-required", "invalid-on-time-grouping");
        List<String> keys = codes.stream().map(c -> "field." + c).toList();
        assertThat(keys.stream().filter(k -> !ZH.containsKey(k)).toList()).as("without a Chinese text").isEmpty();
        assertThat(keys.stream().filter(k -> !EN.containsKey(k)).toList()).as("without an English text").isEmpty();
    }

    @Test
    void both_bundles_have_the_same_keys() {
        assertThat(new TreeSet<>(EN.stringPropertyNames())).isEqualTo(new TreeSet<>(ZH.stringPropertyNames()));
    }

    @Test
    void no_chinese_text_carries_english_words_or_enum_constants() {
        List<String> offending = ZH.stringPropertyNames().stream().sorted()
                .filter(k -> !chinese(ZH.getProperty(k)))
                .map(k -> k + "=" + ZH.getProperty(k)).toList();
        assertThat(offending).isEmpty();
    }

    @Test
    void the_checker_itself_refuses_english_and_enum_constants() {
        assertThat(chinese("每页条数应在 1 至 200 之间，例如 limit=50；参数 from 和 to，见 GET /api/v1/audit/chains")).isTrue();
        assertThat(chinese("limit is between 1 and 200")).isFalse();
        assertThat(chinese("状态为 VERIFY 时不能执行")).isFalse();
        assertThat(chinese("分组方式应为 day、service")).isFalse();
        assertThat(chinese("依据 [57]§16")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ReadKind.class)
    void the_read_kind_stays_out_of_the_chinese_text_and_is_named_in_the_english_one(ReadKind kind) {
        for (ProblemException p : List.of(ReadRefusal.busy(kind, 2, 5), ReadRefusal.timedOut(kind, 30))) {
            String zh = MESSAGES.detail(p, ProblemMessages.CHINESE);
            assertThat(chinese(zh)).as(zh).isTrue();
            assertThat(zh).doesNotContain("{").doesNotContain(kind.label());
            assertThat(MESSAGES.detail(p, ProblemMessages.ENGLISH)).contains("(" + kind.label() + ")");
        }
    }

    @Test
    void the_rendered_texts_carry_their_figures_and_the_next_step() {
        ReadRefusal verify = ReadRefusal.verifyRangeTooLarge(5000, 1, 12000, "/from", "/to");
        String zh = MESSAGES.detail(verify, ProblemMessages.CHINESE);
        assertThat(zh).contains("最多校验 5000 条", "第 1 至 12000 条", "from=1&to=5000", "再从 5001 开始");
        assertThat(MESSAGES.fieldMessage(verify.errors().get(0), ProblemMessages.CHINESE)).contains("最多校验 5000 条");
        String range = MESSAGES.detail(ReadRefusal.statisticsRangeTooLarge(366, 671), ProblemMessages.CHINESE);
        assertThat(range).contains("最多 366 天", "本次为 671 天", "拆成");
        assertThat(MESSAGES.detail(TrailNotFound.chain("x.events-9"), ProblemMessages.CHINESE))
                .contains("x.events-9", "GET /api/v1/audit/chains");
        assertThat(MESSAGES.title(TrailNotFound.timeline("A-1"), Locale.ENGLISH)).isEqualTo(EN.getProperty("timeline-not-found.title"));
        for (String code : scan(FIELD_CODE)) {
            String text = MESSAGES.fieldMessage(FieldProblem.of("/x", code, 7), ProblemMessages.CHINESE);
            assertThat(chinese(text)).as("field.%s: %s", code, text).isTrue();
        }
    }

    static boolean chinese(String text) {
        String t = text.replaceAll("\\{\\d+(?:,number,#)?}", "")
                .replaceAll("[a-z]+/[a-z0-9.+-]+", "") // media types
                .replaceAll("/[A-Za-z0-9/{}._-]+", "") // paths and JSON pointers
                .replaceAll("[A-Za-z]+=[^\\s，。；、（）)]*", "") // parameters in query form
                .replaceAll("参数\\s*[A-Za-z]+(?:\\s*(?:和|或|、|至)\\s*[A-Za-z]+)*", "") // parameter names
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2})?", ""); // RFC 3339 examples
        for (String allowed : TECHNICAL) {
            t = t.replace(allowed, "");
        }
        return !ASCII_WORD.matcher(t).find()
                && t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static Set<String> scan(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Properties load(String name) {
        var p = new Properties();
        try (var in = ProblemCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
