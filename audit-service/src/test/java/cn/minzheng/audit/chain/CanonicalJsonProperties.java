package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CanonicalJsonProperties {

    @Property(tries = 2000)
    void numbersReadBackAsTheSameDouble(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return;
        }
        String text = CanonicalJson.number(d);
        assertThat(Double.parseDouble(text)).isEqualTo(d == 0 ? 0.0 : d);
    }

    @Property(tries = 2000)
    void numbersAreNeverLongerThanJavasOwnShortForm(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return;
        }
        assertThat(significantDigits(CanonicalJson.number(d)))
                .isLessThanOrEqualTo(significantDigits(Double.toString(d)));
    }

    @Property(tries = 300)
    void canonicalFormIsAFixedPoint(@ForAll("trees") Object tree) {
        String once = CanonicalJson.write(tree);
        assertThat(CanonicalJson.write(JsonText.parse(once))).isEqualTo(once);
    }

    @Property(tries = 300)
    void keyOrderOfTheInputDoesNotMatter(@ForAll("objects") Map<String, Object> object) {
        List<String> keys = new ArrayList<>(object.keySet());
        java.util.Collections.reverse(keys);
        Map<String, Object> reversed = new LinkedHashMap<>();
        keys.forEach(k -> reversed.put(k, object.get(k)));
        assertThat(CanonicalJson.write(reversed)).isEqualTo(CanonicalJson.write(object));
    }

    @Provide
    Arbitrary<Object> trees() {
        return Arbitraries.lazyOf(this::leaves, () -> objects().map(m -> (Object) m),
                () -> leaves().list().ofMaxSize(4).map(l -> (Object) l));
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        return Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), leaves()).ofMaxSize(6)
                .map(LinkedHashMap::new);
    }

    private Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
                Arbitraries.longs().between(-(1L << 53) + 1, (1L << 53) - 1).map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    private static int significantDigits(String number) {
        String mantissa = number.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }
}
