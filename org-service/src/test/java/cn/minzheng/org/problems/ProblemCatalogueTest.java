package cn.minzheng.org.problems;

import cn.minzheng.org.annualinspection.CampaignStatus;
import cn.minzheng.org.annualinspection.ReportStatus;
import cn.minzheng.org.creditlist.CreditList;
import cn.minzheng.org.creditlist.EntryStatus;
import cn.minzheng.org.creditlist.NoticeAction;
import cn.minzheng.org.creditlist.NoticeStatus;
import cn.minzheng.org.creditlist.NoticeTransitions;
import cn.minzheng.org.enforcement.BanAction;
import cn.minzheng.org.enforcement.BanStatus;
import cn.minzheng.org.enforcement.BanTransitions;
import cn.minzheng.org.enforcement.CaseAction;
import cn.minzheng.org.enforcement.CaseStatus;
import cn.minzheng.org.enforcement.CaseTransitions;
import cn.minzheng.org.registration.ApplicationAction;
import cn.minzheng.org.registration.ApplicationStatus;
import cn.minzheng.org.registration.ApplicationTransitions;
import cn.minzheng.org.registration.OrganizationStatus;
import cn.minzheng.org.spotcheck.SpotCheckPlan;
import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.problem.ProblemException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem org-service can answer has a Chinese text (the default) and an English one; no Chinese
 * text carries English words, enum constants or citation keys; a refused step says the state in
 * words and the steps possible from it. The codes are collected from the main sources (the codes the
 * domain exceptions and problems are built with, the field codes of every {@code new FieldProblem(…)}),
 * so a new code without texts fails here.
 */
class ProblemCatalogueTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** new RuleViolation("CODE"…), InvalidFields.throwIfAny("CODE"…), new ClosedGate("CODE"…). */
    private static final Pattern DOMAIN_CODE = Pattern.compile(
            "(?:RuleViolation|InvalidFields|ClosedGate)(?:\\.throwIfAny)?\\(\\s*\"([A-Z][A-Z_]+)\"");
    /** The kit's problems built with a literal code: new ConflictProblem("code"…). */
    private static final Pattern KIT_CODE = Pattern.compile(
            "(?:ConflictProblem|UnprocessableProblem|ProblemException)\\(\\s*(?:\\d{3},\\s*)?\"([a-z][a-z-]+)\"");
    private static final Pattern CODE_CONSTANT = Pattern.compile("static final String [A-Z_]+ = \"([a-z]+(?:-[a-z]+)+)\";");
    /** Everything from "new FieldProblem(" to the end of the statement; its upper-case literals are field codes. */
    private static final Pattern FIELD_PROBLEM = Pattern.compile("new FieldProblem\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern UPPER_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");
    /** A string literal with Chinese in it: what a person reads. */
    private static final Pattern CHINESE_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*\\p{IsHan}(?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Names a person types as they are (headers, formats, HTTP); JSON pointers and paths are removed before the check. */
    private static final List<String> TECHNICAL = List.of("Idempotency-Key", "If-Match", "ETag", "JSON", "POST", "PUT", "GET");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}|\\[\\d+]|§");

    private static final Properties ZH = load("problems_zh.properties");
    private static final Properties EN = load("problems_en.properties");
    private static final ProblemMessages MESSAGES = new ProblemMessages(List.of("problems"));

    @Test
    void every_problem_code_has_a_title_and_a_detail_in_both_languages() {
        Set<String> codes = new TreeSet<>();
        scan(DOMAIN_CODE).forEach(c -> codes.add(ProblemTranslation.kebab(c)));
        codes.addAll(scan(KIT_CODE));
        codes.addAll(scan(CODE_CONSTANT));
        codes.add(ProblemTranslation.kebab(cn.minzheng.org.creditcode.CreditCodeInput.CODE));
        codes.addAll(List.of("heavier-than-notified", "outside-discretion-benchmark", "illegal-transition", "not-found"));
        assertThat(codes).as("codes found in the sources").contains("decision-period-expired", "notice-required", "name-taken",
                "response-period-ended", "response-period-running", "notice-text-invalid");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            for (String key : List.of(code + ".title", code + ".detail")) {
                for (Locale l : List.of(ProblemMessages.CHINESE, ProblemMessages.ENGLISH)) {
                    if (MESSAGES.find(key, l, List.of()).isEmpty()) {
                        missing.add(l.getLanguage() + " " + key);
                    }
                }
            }
        }
        assertThat(missing).as("problem codes without a text").isEmpty();
    }

    @Test
    void every_field_code_has_both_texts_and_the_chinese_one_is_the_message_of_the_rule() {
        Set<String> keys = new TreeSet<>();
        for (String body : scan(FIELD_PROBLEM)) {
            Matcher m = UPPER_LITERAL.matcher(body);
            while (m.find()) {
                if (!m.group(1).endsWith("_")) { // "CREDIT_CODE_" + a reason: the reasons are added below
                    keys.add("field." + ProblemTranslation.kebab(m.group(1)));
                }
            }
        }
        Arrays.stream(InvalidCodeException.Reason.values()).forEach(r -> keys.add("field.credit-code-" + ProblemTranslation.kebab(r.name())));
        keys.add("field." + ProblemTranslation.kebab(AmountFields.CODE));
        assertThat(keys).as("field codes found in the sources").contains("field.required", "field.amount-not-applicable", "field.name-taken");
        assertThat(keys.stream().filter(k -> !ZH.containsKey(k)).toList()).as("without a Chinese text").isEmpty();
        assertThat(keys.stream().filter(k -> !EN.containsKey(k)).toList()).as("without an English text").isEmpty();
        assertThat(keys.stream().filter(k -> !ZH.getProperty(k).equals("{0}")).toList())
                .as("Chinese field texts show the rule's own message (argument 0), which says the figures").isEmpty();
    }

    @Test
    void a_field_problem_reads_as_the_rule_says_in_chinese_and_in_english_on_request() {
        ProblemException p = (ProblemException) ProblemTranslation.translate(new InvalidFields("HEARING_SCHEDULE_INVALID",
                List.of(new FieldProblem("/place", "REQUIRED", "请填写听证地点"))));
        var field = p.errors().get(0);
        assertThat(field.code()).isEqualTo("required");
        assertThat(MESSAGES.fieldMessage(field, ProblemMessages.CHINESE)).isEqualTo("请填写听证地点");
        assertThat(MESSAGES.fieldMessage(field, ProblemMessages.ENGLISH)).isEqualTo(EN.getProperty("field.required"));
        ProblemException rule = (ProblemException) ProblemTranslation.translate(new RuleViolation("HEARING_WAIVED",
                List.of(new FieldProblem("/requestedOn", "HEARING_WAIVED", "当事人已书面放弃听证"))));
        assertThat(rule.status()).isEqualTo(422);
        assertThat(MESSAGES.detail(rule, ProblemMessages.CHINESE)).isEqualTo("当事人已书面放弃听证");
        assertThat(MESSAGES.detail(rule, ProblemMessages.ENGLISH)).isEqualTo(EN.getProperty("hearing-waived.detail"));
    }

    @Test
    void both_bundles_have_the_same_keys() {
        assertThat(new TreeSet<>(EN.stringPropertyNames())).isEqualTo(new TreeSet<>(ZH.stringPropertyNames()));
    }

    @Test
    void no_bundle_text_has_a_lone_apostrophe_that_message_format_would_swallow() {
        for (Properties p : List.of(ZH, EN)) {
            assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).replace("''", "").contains("'")).toList()).isEmpty();
        }
    }

    @Test
    void no_chinese_text_carries_english_words_enum_constants_or_citation_keys() {
        List<String> offending = ZH.stringPropertyNames().stream().sorted()
                .filter(k -> !chinese(ZH.getProperty(k)))
                .map(k -> k + "=" + ZH.getProperty(k)).toList();
        assertThat(offending).isEmpty();
    }

    @Test
    void no_chinese_message_written_in_the_main_sources_carries_english_words() {
        List<String> offending = new ArrayList<>();
        for (Path f : javaFiles()) {
            Matcher m = CHINESE_LITERAL.matcher(read(f));
            while (m.find()) {
                if (!chinese(m.group(1))) {
                    offending.add(MAIN.relativize(f) + ": " + m.group(1));
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void every_refused_step_says_the_state_in_chinese_words_and_the_steps_possible_from_it() {
        check("registration-application", names(ApplicationStatus.values()), names(ApplicationAction.values()),
                (s, a) -> ApplicationTransitions.next(ApplicationStatus.valueOf(s), ApplicationAction.valueOf(a)).isPresent());
        check("enforcement-case", names(CaseStatus.values()), names(CaseAction.values()),
                (s, a) -> CaseTransitions.target(CaseStatus.valueOf(s), CaseAction.valueOf(a)).isPresent());
        check("ban-case", names(BanStatus.values()), names(BanAction.values()),
                (s, a) -> BanTransitions.target(BanStatus.valueOf(s), BanAction.valueOf(a)).isPresent());
        Map<String, List<String>> organization = Map.of("REGISTERED", List.of("change", "deregister", "revoke"));
        check("organization", names(OrganizationStatus.values()), List.of("change", "deregister", "revoke"),
                (s, a) -> organization.getOrDefault(s, List.of()).contains(a));
        List<String> entryStates = new ArrayList<>(names(EntryStatus.values()));
        entryStates.addAll(names(CreditList.values()));
        Map<String, List<String>> entry = Map.of("LISTED", List.of("removeOnApplication", "verifyRemoval"),
                "ABNORMAL", List.of("removeOnApplication", "verifyRemoval"),
                "SERIOUS", List.of("newGround", "removeOnApplication", "verifyRemoval"));
        Map<String, List<String>> plan = Map.of("DRAWN", List.of("recordResult", "publish"));
        check("spot-check", names(SpotCheckPlan.PlanStatus.values()), List.of("recordResult", "publish"),
                (s, a) -> plan.getOrDefault(s, List.of()).contains(a));
        Map<String, List<String>> campaign = Map.of("OPEN", List.of("sweep"), "SWEEPING", List.of("sweep", "finishSweep"), "SWEPT", List.of("finishSweep"));
        check("inspection-campaign", names(CampaignStatus.values()), List.of("sweep", "finishSweep"),
                (s, a) -> campaign.getOrDefault(s, List.of()).contains(a));
        check("annual-report", names(ReportStatus.values()), List.of("grade"), (s, a) -> s.equals("FILED"));
        check("inspection-task", List.of("OPEN", "CLOSED"), List.of("close"), (s, a) -> s.equals("OPEN"));
        check("listing-notice", names(NoticeStatus.values()), names(NoticeAction.values()),
                (s, a) -> NoticeTransitions.target(NoticeStatus.valueOf(s), NoticeAction.valueOf(a)).isPresent());
        check("credit-list-entry", entryStates, List.of("newGround", "removeOnApplication", "verifyRemoval", "escalate"),
                (s, a) -> entry.getOrDefault(s, List.of()).contains(a));
    }

    @Test
    void every_aggregate_that_refuses_a_step_has_its_words() {
        every_refused_step_says_the_state_in_chinese_words_and_the_steps_possible_from_it();
        Set<String> thrown = scan(Pattern.compile("new IllegalTransition\\(\\s*\"([a-z-]+)\""));
        assertThat(thrown).as("aggregates found in the sources").contains("registration-application", "spot-check");
        assertThat(checked).containsAll(thrown);
    }

    @Test
    void the_409_of_a_refused_step_carries_the_texts_in_both_languages() {
        var t = new IllegalTransition("registration-application", "ACCEPTED", "RESUBMIT");
        ProblemException p = (ProblemException) ProblemTranslation.translate(t);
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.code()).isEqualTo("illegal-transition");
        assertThat(MESSAGES.detail(p, ProblemMessages.CHINESE))
                .isEqualTo("登记申请当前为“已受理，待审查决定”，不能办理“补正后重新提交”。当前可以办理：准予登记、不予登记。");
        assertThat(MESSAGES.detail(p, ProblemMessages.ENGLISH))
                .isEqualTo("The registration application is \"accepted, awaiting the decision\"; \"resubmit\" is not possible now. Possible now: approve, refuse.");
    }

    private final Set<String> checked = new TreeSet<>();

    private void check(String aggregate, List<String> states, List<String> actions, BiPredicate<String, String> allowed) {
        checked.add(aggregate);
        for (String s : states) {
            List<String> possible = actions.stream().filter(a -> allowed.test(s, a)).toList();
            String nextKey = "step-next." + aggregate + "." + s;
            assertThat(ZH.getProperty("step-state." + aggregate + "." + s)).as("state words of %s %s", aggregate, s).isNotNull();
            if (possible.isEmpty()) {
                assertThat(ZH.containsKey(nextKey)).as("%s %s is closed: no next steps", aggregate, s).isFalse();
            }
            for (String a : possible) {
                assertThat(ZH.getProperty(nextKey)).as("%s: %s is possible from %s", aggregate, a, s)
                        .contains(ZH.getProperty("step-action." + aggregate + "." + a));
                assertThat(EN.getProperty(nextKey)).contains(EN.getProperty("step-action." + aggregate + "." + a));
            }
            for (String a : actions) {
                if (allowed.test(s, a)) {
                    continue;
                }
                var t = new IllegalTransition(aggregate, s, a);
                String zh = StepRefused.text(t, ProblemMessages.CHINESE);
                assertThat(chinese(zh)).as("%s %s × %s: %s", aggregate, s, a, zh).isTrue();
                assertThat(zh).contains(ZH.getProperty("step-state." + aggregate + "." + s))
                        .contains(ZH.getProperty("step-action." + aggregate + "." + a));
                String en = StepRefused.text(t, ProblemMessages.ENGLISH);
                assertThat(en).as("%s %s × %s", aggregate, s, a).doesNotContain("{").doesNotContain("\"" + s + "\"")
                        .contains(EN.getProperty("step-state." + aggregate + "." + s));
            }
        }
    }

    private static boolean chinese(String text) {
        if (text.matches("\\{\\d+}")) {
            return true; // the whole text is the rule's own message, checked in the sources
        }
        String t = text.replaceAll("\\{\\d+}", "").replaceAll("/[A-Za-z0-9/{}._-]+", "");
        for (String allowed : TECHNICAL) {
            t = t.replace(allowed, "");
        }
        return !LATIN.matcher(t).find() && t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> scan(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        for (Path f : javaFiles()) {
            Matcher m = pattern.matcher(read(f));
            while (m.find()) {
                found.add(m.group(1));
            }
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
