package cn.minzheng.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.gateway.problem.ProblemKind.Language;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemKindTest {

    @ParameterizedTest(name = "Accept-Language \"{0}\" -> {1}")
    @CsvSource(value = {"NULL, ZH", "'', ZH", "en, EN", "en-US, EN", "EN-gb;q=0.9, EN", "zh-CN, ZH",
            "'zh-CN,en;q=0.8', ZH", "'en,zh;q=0.5', EN", "fr, ZH"}, nullValues = "NULL")
    void picksTheLanguage(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ProblemKind.class)
    void everyKindHasBothLanguagesAndAStableCode(ProblemKind kind) {
        assertThat(kind.title(Language.ZH)).isNotBlank().isNotEqualTo(kind.title(Language.EN));
        assertThat(kind.detail(Language.ZH, "x", "y")).isNotBlank();
        assertThat(kind.detail(Language.EN, "x", "y")).isNotBlank();
        assertThat(kind.code()).matches("GATEWAY_[A-Z_]+");
        assertThat(kind.type()).startsWith("https://").doesNotContain("_");
    }

    /** One kind per status, except the two 429s whose next step differs (wait, or sign in again and wait). */
    @Test
    void statusesAreDistinctButFor429() {
        assertThat(EnumSet.complementOf(EnumSet.of(ProblemKind.TOO_MANY_INVALID_TOKENS)).stream()
                .map(ProblemKind::status).collect(Collectors.toSet()))
                .hasSize(ProblemKind.values().length - 1);
        assertThat(ProblemKind.TOO_MANY_INVALID_TOKENS.status()).isEqualTo(ProblemKind.RATE_LIMITED.status());
        assertThat(EnumSet.allOf(ProblemKind.class).stream().map(ProblemKind::code).collect(Collectors.toSet()))
                .hasSize(ProblemKind.values().length);
    }
}
