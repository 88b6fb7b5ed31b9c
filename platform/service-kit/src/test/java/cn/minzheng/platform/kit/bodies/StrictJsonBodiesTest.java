package cn.minzheng.platform.kit.bodies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The strict reading rules on their own, against a lenient mapper that takes the same input. */
class StrictJsonBodiesTest {

    static final JsonMapper STRICT = StrictJsonBodies.strict(JsonMapper.builder());

    enum Program { DIBAO_URBAN, TEKUN }

    record Body(boolean flag, long fen, Long boxed, String text, Program program, List<String> items) {
    }

    static final String VALID = "{\"flag\":true,\"fen\":1,\"boxed\":2,\"text\":\"t\",\"program\":\"TEKUN\",\"items\":[\"a\"]}";

    static String with(String field, String raw) {
        return VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^]]*]|[^,}]+)", "\"" + field + "\":" + raw);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("flag", "1"), Arguments.of("flag", "\"true\""), Arguments.of("flag", "[true]"),
                Arguments.of("flag", "null"), Arguments.of("fen", "\"1\""), Arguments.of("fen", "1.0"),
                Arguments.of("fen", "true"), Arguments.of("fen", "null"), Arguments.of("boxed", "\"2\""),
                Arguments.of("boxed", "2.5"), Arguments.of("text", "1"), Arguments.of("text", "false"),
                Arguments.of("text", "[\"t\"]"), Arguments.of("program", "1"), Arguments.of("program", "\"tekun\""),
                Arguments.of("program", "\"\""), Arguments.of("items", "\"a\""), Arguments.of("items", "{}"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("refused")
    void aValueOfAnotherJsonTypeIsRefused(String field, String raw) {
        String json = with(field, raw);
        assertThat(json).isNotEqualTo(VALID);
        assertThatThrownBy(() -> STRICT.readValue(json, Body.class)).isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedShapes")
    void unknownFieldsDuplicateKeysAndTrailingDataAreRefused(String what, String json) {
        assertThatThrownBy(() -> STRICT.readValue(json, Body.class)).as(what).isInstanceOf(JacksonException.class);
    }

    static Stream<Arguments> refusedShapes() {
        return Stream.of(
                Arguments.of("unknown field", VALID.replace("}", ",\"extra\":1}")),
                Arguments.of("duplicate key", VALID.replace("{", "{\"flag\":false,")),
                Arguments.of("trailing value", VALID + "{}"),
                Arguments.of("trailing text", VALID + " x"),
                Arguments.of("wrapped in a list", "[" + VALID + "]"));
    }

    @Property(tries = 200)
    void anyIntegerIsTakenAsAnIntegerButNeverAsABooleanOrText(@ForAll long n) {
        assertThat(STRICT.readValue(with("fen", Long.toString(n)), Body.class).fen()).isEqualTo(n);
        assertThatThrownBy(() -> STRICT.readValue(with("flag", Long.toString(n)), Body.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> STRICT.readValue(with("text", Long.toString(n)), Body.class)).isInstanceOf(JacksonException.class);
    }

    @Property(tries = 200)
    void anyTextIsTakenAsTextButNeverAsANumber(@ForAll @AlphaChars String s) {
        assertThat(STRICT.readValue(with("text", "\"" + s + "\""), Body.class).text()).isEqualTo(s);
        assertThatThrownBy(() -> STRICT.readValue(with("fen", "\"" + s + "\""), Body.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> STRICT.readValue(with("boxed", "\"" + s + "\""), Body.class)).isInstanceOf(JacksonException.class);
    }

    @org.junit.jupiter.api.Test
    void theValidBodyIsTakenAndALenientMapperWouldHaveTakenTheCoercions() {
        assertThat(STRICT.readValue(VALID, Body.class)).isEqualTo(new Body(true, 1, 2L, "t", Program.TEKUN, List.of("a")));
        // the rules matter: Jackson's defaults coerce these
        JsonMapper lenient = JsonMapper.builder().build();
        assertThat(lenient.readValue(with("fen", "\"1\""), Body.class).fen()).isEqualTo(1);
        assertThat(lenient.readValue(with("text", "1"), Body.class).text()).isEqualTo("1");
    }
}
