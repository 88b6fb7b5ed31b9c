package cn.minzheng.assistance.messages;

import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.ApplicationLifecycle;
import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.CaseTexts;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.assistance.application.CaseRule;
import cn.minzheng.assistance.payment.BatchCommand;
import cn.minzheng.assistance.payment.BatchStatus;
import cn.minzheng.assistance.standards.StandardKind;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem this service can answer has a Chinese text (the default) and an English one, and no
 * Chinese text carries English words, enum constants or citation keys. The codes are collected from
 * the code itself (the rule registry, the enums people read about, and the problem and field codes
 * written in the main sources), so a new code without texts fails here.
 */
class ProblemCatalogueTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** Problem codes as literals: new XxxProblem("code"…), new ProblemException(404, "code"…), FieldProblem(…, "CODE"…). */
    private static final Pattern PROBLEM_LITERAL = Pattern.compile(
            "(?:Problem|ProblemException)\\(\\s*(?:\\d{3},\\s*)?\"([a-z][a-z-]+)\"");
    private static final Pattern CODE_CONSTANT = Pattern.compile(
            "static final String [A-Z_]+ = \"([a-z]+(?:-[a-z]+)+)\";");
    private static final Pattern FIELD_CODE = Pattern.compile(
            "FieldProblem(?:\\.withMessage|\\.of)?\\(\\s*[^;]*?\"([A-Z][A-Z_]+)\"");
    /** Technical names a person types as they are (headers, formats); paths are removed before the check. */
    private static final List<String> TECHNICAL = List.of("Idempotency-Key", "If-Match", "ETag", "JSON");
    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z]{2,}|\\[\\d+]|§");

    /** Literals the patterns find that are no problem codes: NotFoundProblem("application", …) names the thing (the code is not-found); a Kafka consumer group. */
    private static final Set<String> NOT_PROBLEM_CODES = Set.of("application", "payment-batch", "assistance-provider-read-model");

    private static final Properties ZH = load("problems_zh.properties");
    private static final Properties EN = load("problems_en.properties");
    private static final ProblemMessages MESSAGES = new ProblemMessages(List.of("problems"));

    @Test
    void every_problem_code_of_the_service_has_a_title_and_a_detail_in_both_languages() {
        Set<String> codes = new TreeSet<>(scan(PROBLEM_LITERAL));
        codes.addAll(scan(CODE_CONSTANT));
        codes.addAll(List.of("rule-violated", "role-not-allowed", "illegal-transition", "no-standard"));
        assertThat(codes).as("codes found in the sources").hasSizeGreaterThan(8);
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (NOT_PROBLEM_CODES.contains(code)) {
                continue;
            }
            for (String key : List.of(code + ".title", code + ".detail")) {
                MESSAGES.find(key, ProblemMessages.CHINESE, List.of()).ifPresentOrElse(t -> {}, () -> missing.add("zh " + key));
                MESSAGES.find(key, ProblemMessages.ENGLISH, List.of()).ifPresentOrElse(t -> {}, () -> missing.add("en " + key));
            }
        }
        assertThat(missing).as("problem codes without a text").isEmpty();
    }

    @Test
    void every_rule_field_code_state_command_and_role_has_both_texts() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(CaseRule.values()).map(CaseRule::messageKey).forEach(keys::add);
        scan(FIELD_CODE).forEach(c -> keys.add("field." + c));
        names("case-status.", ApplicationStatus.values()).forEach(keys::add);
        names("case-command.", ApplicationCommand.values()).forEach(keys::add);
        names("batch-status.", BatchStatus.values()).forEach(keys::add);
        names("batch-command.", BatchCommand.values()).forEach(keys::add);
        names("role.", Role.values()).forEach(keys::add);
        names("standard-kind.", StandardKind.values()).forEach(keys::add);
        assertThat(keys).as("field codes found in the sources").anyMatch(k -> k.equals("field.ID_INVALID"));
        assertThat(keys.stream().filter(k -> !ZH.containsKey(k)).toList()).as("without a Chinese text").isEmpty();
        assertThat(keys.stream().filter(k -> !EN.containsKey(k)).toList()).as("without an English text").isEmpty();
    }

    @Test
    void both_bundles_have_the_same_keys() {
        assertThat(new TreeSet<>(EN.stringPropertyNames())).isEqualTo(new TreeSet<>(ZH.stringPropertyNames()));
    }

    @Test
    void no_chinese_text_carries_english_words_enum_constants_or_citation_keys() {
        List<String> offending = ZH.stringPropertyNames().stream().sorted()
                .filter(k -> !chinese(ZH.getProperty(k)))
                .map(k -> k + "=" + ZH.getProperty(k)).toList();
        assertThat(offending).isEmpty();
    }

    @Test
    void every_refused_step_says_the_state_in_chinese_words_and_what_can_be_done() {
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (ApplicationCommand command : ApplicationCommand.values()) {
                if (ApplicationLifecycle.next(from, command, true, true).isPresent() && command != ApplicationCommand.PAY_FIRST) {
                    continue;
                }
                String zh = CaseTexts.refusal(from, command, ProblemMessages.CHINESE);
                assertThat(chinese(zh)).as("%s × %s: %s", from, command, zh).isTrue();
                assertThat(zh).as("%s × %s", from, command).contains(ZH.getProperty("case-status." + from.name()));
                if (!CaseTexts.nextSteps(from).isEmpty()) {
                    assertThat(zh).contains(ZH.getProperty("case-command." + CaseTexts.nextSteps(from).get(0).name()));
                }
                String en = CaseTexts.refusal(from, command, ProblemMessages.ENGLISH);
                assertThat(en).as("%s × %s", from, command).doesNotContain("{").doesNotContain(from.name());
            }
        }
    }

    private static boolean chinese(String text) {
        if (text.matches("\\{\\d+}")) {
            return true; // the whole text is an argument made from this bundle's texts (rule.*, case-refusal.*), checked there
        }
        String t = text.replaceAll("\\{\\d+}", "").replaceAll("/[A-Za-z0-9/{}._-]+", "");
        for (String allowed : TECHNICAL) {
            t = t.replace(allowed, "");
        }
        return !ASCII_WORD.matcher(t).find() && t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static Stream<String> names(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> prefix + v.name());
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
