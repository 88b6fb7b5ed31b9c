package cn.minzheng.platform.codes.masking;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class MaskingProperties {

    @Property
    void neverFailsAndNeverRevealsAWholeValueOfTwoOrMoreCharacters(@ForAll @StringLength(min = 2, max = 40) String value) {
        String strip = value.strip();
        for (String masked : new String[] {
                Masking.name(value), Masking.idNumber(value), Masking.phone(value),
                Masking.bankCard(value), Masking.email(value)}) {
            assertThat(masked).isNotNull();
            if (strip.codePointCount(0, strip.length()) >= 2 && strip.chars().noneMatch(c -> c == '*')) {
                assertThat(masked).isNotEqualTo(strip);
            }
        }
    }

    @Property
    void keepEndsKeepsTheLengthInCharacters(@ForAll @StringLength(max = 40) String value,
                                             @ForAll @IntRange(min = -2, max = 20) int start,
                                             @ForAll @IntRange(min = -2, max = 20) int end) {
        String strip = value.strip();
        String masked = Masking.keepEnds(value, start, end);
        assertThat(masked.codePointCount(0, masked.length())).isEqualTo(strip.codePointCount(0, strip.length()));
    }
}
