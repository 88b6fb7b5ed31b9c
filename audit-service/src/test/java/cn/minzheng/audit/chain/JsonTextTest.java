package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1 2]", "{\"a\":1,\"a\":2}", "01", "1.", "-", "\"\\x\"",
        "tru", "{\"a\" 1}", "[1]x", "\"\u0001\"", "1e999"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> JsonText.parse(text)).isInstanceOf(JsonText.MalformedJsonException.class);
    }

    @Test
    void readsTheUsualShapes() {
        Object v = JsonText.parse(" {\"a\":[1,-2.5,true,null,\"张\\u4e09\"],\"b\":{}} ");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2.5, true, null, "张三"), "b", Map.of()));
        assertThat(JsonText.parse("12345678901234567890")).isEqualTo(1.2345678901234567e19);
        assertThat(JsonText.parse("[]")).isEqualTo(List.of());
    }

    @Test
    void refusesDeepNesting() {
        assertThatThrownBy(() -> JsonText.parse("[".repeat(1000) + "]".repeat(1000)))
                .isInstanceOf(JsonText.MalformedJsonException.class);
    }

    @Property(tries = 1000)
    void anyTextEitherParsesOrIsMalformed(@ForAll String text) {
        try {
            JsonText.parse(text);
        } catch (JsonText.MalformedJsonException expected) {
            assertThat(expected.position()).isBetween(0, text.length());
        }
    }
}
