package cn.minzheng.platform.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataMaskingTest {

    private static final Pattern STANDALONE_MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ID number in a sentence       | applicant 11010519491231002X submitted   | applicant 110105********002X submitted
            lower-case x check digit      | id=11010519491231002x                    | id=110105********002x
            old 15-digit ID number        | id 110105491231002 ok                    | id 110105*****1002 ok
            mobile number                 | call 13812341234 now                     | call 138****1234 now
            mobile with +86               | tel:+8613812341234                       | tel:+86138****1234
            glued to Chinese text         | 手机13812341234已登记，身份证11010519491231002X | 手机138****1234已登记，身份证110105********002X
            both twice                    | 13812341234,13912341234                  | 138****1234,139****1234
            trace id left alone           | trace 4bf92f3577b34da6a3ce929d0e0e4736   | trace 4bf92f3577b34da6a3ce929d0e0e4736
            digits inside hex left alone  | span 13812341234abcde                    | span 13812341234abcde
            longer number left alone      | ref 1381234123499                        | ref 1381234123499
            landline-like 12 digits alone | 010623456789                             | 010623456789
            not a mobile prefix           | 12812341234                              | 12812341234
            no digits at all              | 张三提交了申请                              | 张三提交了申请
            """)
    void masksPersonalNumbersAndNothingElse(String name, String text, String expected) {
        assertThat(PersonalDataMasking.mask(text)).isEqualTo(expected);
    }

    @Property
    void maskingKeepsTheLengthAndIsIdempotent(@ForAll String text) {
        String masked = PersonalDataMasking.mask(text);
        assertThat(masked).hasSameSizeAs(text);
        assertThat(PersonalDataMasking.mask(masked)).isEqualTo(masked);
    }

    @Property
    void noStandaloneMobileNumberSurvives(@ForAll @NumericChars @StringLength(min = 9, max = 9) String tail,
                                          @ForAll("prefix") String before, @ForAll("prefix") String after) {
        String text = before + "13" + tail + after;
        assertThat(STANDALONE_MOBILE.matcher(PersonalDataMasking.mask(text)).find()).isFalse();
    }

    @Provide
    Arbitrary<String> prefix() {
        return Arbitraries.of("", " ", "手机", "tel:", "，", "(", "id=");
    }
}
