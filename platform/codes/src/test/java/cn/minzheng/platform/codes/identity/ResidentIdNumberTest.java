package cn.minzheng.platform.codes.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import cn.minzheng.platform.codes.region.RegionCode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @ParameterizedTest(name = "{0} → born {1}, {2}, region {3}")
    @CsvSource({
            "11010519491231002X, 1949-12-31, FEMALE, 110105",
            "11010519491231002x, 1949-12-31, FEMALE, 110105",
            "440524188001010014, 1880-01-01, MALE,   440524",
            "421303199001010012, 1990-01-01, MALE,   421303",
            "81000020000229002X, 2000-02-29, FEMALE, 810000",
    })
    void readsValidNumbers(String text, LocalDate birth, Sex sex, String region) {
        ResidentIdNumber id = ResidentIdNumber.parse(text, TODAY);

        assertThat(id.value()).isEqualTo(text.toUpperCase(Locale.ROOT));
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.sex()).isEqualTo(sex);
        assertThat(id.region()).isEqualTo(RegionCode.parse(region));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "11010519491231002,    LENGTH",
            "11010519491231002XX,  LENGTH",
            "1101051949123100X2,   CHARACTERS",
            "11010519491231002Y,   CHARACTERS",
            "1101051949 231002X,   CHARACTERS",
            "０10105194912310021,   CHARACTERS",
            "001051194912310021,   REGION",
            "991051194912310021,   REGION",
            "110105194902300027,   BIRTH_DATE",
            "110105194913010027,   BIRTH_DATE",
            "110105000001010027,   BIRTH_DATE",
            "110105202603020027,   FUTURE_BIRTH_DATE",
            "110105194912310021,   CHECK_CHARACTER",
            "110105194912310020,   CHECK_CHARACTER",
    })
    void rejectsWithAStableReason(String text, Reason reason) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(text, TODAY))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isEqualTo(Kind.RESIDENT_ID_NUMBER);
                    assertThat(e.messageZh()).contains("身份证");
                    assertThat(e.messageEn()).contains("ID number");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingInputIsItsOwnReason(String text) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(text, TODAY))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
    }

    @Test
    void messagesDoNotRepeatThePersonalData() {
        String wrongCheck = "110105194912310021";
        assertThatThrownBy(() -> ResidentIdNumber.parse(wrongCheck, TODAY))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("19491231");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(e.messageZh());
                    assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.messageEn());
                });
        assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY)).hasToString("110105********002X");
    }

    @Test
    void aBirthOnTheReferenceDayIsNotInTheFuture() {
        ResidentIdNumber born = ResidentIdNumber.generate(RegionCode.parse("421303"), TODAY, 1);
        assertThat(ResidentIdNumber.isValid(born.value(), TODAY)).isTrue();
        assertThat(ResidentIdNumber.isValid(born.value(), TODAY.minusDays(1))).isFalse();
        Clock dayBefore = Clock.fixed(TODAY.minusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> ResidentIdNumber.parse(born.value(), dayBefore))
                .isInstanceOfSatisfying(InvalidCodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FUTURE_BIRTH_DATE));
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
            "1949-12-31, 2026-03-01, 76",
            "1966-03-01, 2026-03-01, 60",
            "1966-03-02, 2026-03-01, 59",
            "2008-02-29, 2026-02-28, 17",
            "2008-02-29, 2026-03-01, 18",
            "2026-03-01, 2026-03-01, 0",
    })
    void ageInWholeYears(LocalDate birth, LocalDate on, int age) {
        assertThat(ResidentIdNumber.generate(RegionCode.parse("420000"), birth, 2).ageOn(on)).isEqualTo(age);
    }

    @ParameterizedTest(name = "region {0}, sequence {1} → {2}")
    @CsvSource({
            "110105, 2,   11010519491231002X",
            "421303, 1,   421303194912310013",
    })
    void generatesTheDocumentedNumber(String region, int sequence, String expected) {
        ResidentIdNumber id = ResidentIdNumber.generate(RegionCode.parse(region), LocalDate.of(1949, 12, 31), sequence);
        assertThat(id.value()).isEqualTo(expected);
        assertThat(id.sequence()).isEqualTo(sequence);
    }

    @ParameterizedTest(name = "region {0}, sequence {1} → {2}")
    @CsvSource({
            "421303001, 1,    REGION",
            "421303,    0,    SEQUENCE",
            "421303,    1000, SEQUENCE",
    })
    void refusesToGenerateImpossibleNumbers(String region, int sequence, Reason reason) {
        assertThatThrownBy(() -> ResidentIdNumber.generate(RegionCode.parse(region), LocalDate.of(1990, 1, 1), sequence))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
