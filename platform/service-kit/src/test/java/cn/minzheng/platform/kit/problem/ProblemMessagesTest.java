package cn.minzheng.platform.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.problem.web.JsonPointers;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemMessagesTest {

    private final ProblemMessages messages = new ProblemMessages(List.of("problems"));

    @ParameterizedTest(name = "Accept-Language ''{0}'' → {1}")
    @CsvSource(nullValues = "null", value = {
            "null,                       zh",
            "'',                         zh",
            "en,                         en",
            "en-US,                      en",
            "'en-GB,en;q=0.9',           en",
            "zh-CN,                      zh",
            "'zh-CN,zh;q=0.9,en;q=0.8',  zh",
            "'en;q=0.8,zh;q=0.9',        zh",
            "'fr-FR,en;q=0.5',           en",
            "fr,                         zh",
            "'*',                        zh",
            "'en;q=0,zh;q=0.1',          zh",
            "';;;garbage',               zh",
    })
    void languageChoice(String header, String expected) {
        assertThat(ProblemMessages.chooseLocale(header).getLanguage()).isEqualTo(expected);
    }

    @Test
    void everyKitKeyExistsInBothLanguages() throws Exception {
        var zh = new java.util.Properties();
        var en = new java.util.Properties();
        try (var z = getClass().getResourceAsStream("/cn/minzheng/platform/kit/problem/problems_zh.properties");
             var e = getClass().getResourceAsStream("/cn/minzheng/platform/kit/problem/problems_en.properties")) {
            zh.load(new java.io.InputStreamReader(z, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(e, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }

    @Test
    void serviceBundleIsSearchedFirstAndFallsBackToKit() {
        var withService = new ProblemMessages(List.of("test-problems"));
        var own = new ConflictProblem("duplicate-application", "MZ-1");
        assertThat(withService.title(own, Locale.ENGLISH)).isEqualTo("Duplicate application");
        assertThat(withService.detail(own, ProblemMessages.CHINESE)).isEqualTo("已有申请 MZ-1 正在办理。");
        assertThat(withService.title(new ForbiddenProblem(), ProblemMessages.CHINESE)).isEqualTo("无权执行此操作");
    }

    @ParameterizedTest
    @CsvSource({
            "zh, 家庭收入超过标准,        家庭人均收入高于当地低保标准。",
            "en, Unprocessable request, household income over the standard",
    })
    void refusalWithFieldsUsesTheServiceTextsElseItsOwnDetail(String language, String title, String detail) {
        var messages = new ProblemMessages(List.of("test-problems"));
        var refused = new UnprocessableProblem("income-over-standard", "household income over the standard",
                List.of(FieldProblem.of("/members/1/incomeFen", "invalid-value")));
        Locale locale = ProblemMessages.chooseLocale(language);

        var problem = Problem.of(refused, messages, locale, "https://minzheng.example/problems/", "/x", "t-1");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.title()).isEqualTo(title);
        assertThat(problem.detail()).isEqualTo(detail);
        assertThat(problem.errors()).extracting(Problem.Error::pointer).containsExactly("/members/1/incomeFen");
        assertThat(refused.getMessage()).as("what logs show").isEqualTo("household income over the standard");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "name,                          /name",
            "applicant.idNumber,            /applicant/idNumber",
            "members[0].name,               /members/0/name",
            "members[12],                   /members/12",
            "'a/b.c~d',                     /a~1b/c~0d",
            "null,                          ''",
    })
    void propertyPathsBecomeJsonPointers(String path, String pointer) {
        assertThat(JsonPointers.fromPropertyPath(path)).isEqualTo(pointer);
    }

    @Property
    void pointersAreEmptyOrStartWithSlash(@ForAll String path) {
        String pointer = JsonPointers.fromPropertyPath(path);
        assertThat(pointer.isEmpty() || pointer.startsWith("/")).isTrue();
    }

    @Property
    void anyProblemRendersWithoutThrowing(@ForAll String code, @ForAll List<String> args) {
        var problem = new ProblemException(409, code.isEmpty() ? "x" : code, args.toArray());
        var rendered = Problem.of(problem, messages, ProblemMessages.ENGLISH, "https://t/", "/p", "t");
        assertThat(rendered.status()).isEqualTo(409);
        assertThat(rendered.title()).isNotNull();
    }
}
