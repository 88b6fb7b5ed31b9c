package cn.minzheng.assistance.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdentityTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "11010519491231002X, true",
            "11010519491231002x, true",
            "110105194912310021, false",
            "11010519491331002X, false",
            "1101051949123100, false",
            "A1010519491231002X, false",
            "null, false",
            // born in the future
            "110105203001010010, false",
    })
    void checksTheNumber(String number, boolean valid) {
        assertThat(ResidentIdentity.parse(number, TODAY).isPresent()).as(number).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 1949-12-31, false, 76"})
    void readsBirthDateSexAndAge(String number, LocalDate birth, boolean male, int age) {
        ResidentIdentity id = ResidentIdentity.parse(number, TODAY).orElseThrow();
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.male()).isEqualTo(male);
        assertThat(id.ageOn(TODAY)).isEqualTo(age);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 110105********002X"})
    void masksTheBirthDate(String number, String masked) {
        assertThat(ResidentIdentity.mask(number)).isEqualTo(masked);
    }

    @org.junit.jupiter.api.Test
    void householdDataDoesNotLeakIntoLogLines() {
        HouseholdMember m = new HouseholdMember("张三丰", "11010519491231002X", Relation.SELF, null, 0, false, false,
                null, null, true, null);
        assertThat(m.toString()).doesNotContain("张三丰").doesNotContain("11010519491231002X").contains("110105********002X");
        Submission s = new Submission(null, "11010519491231002X", "421303001001", null, null, 0,
                java.util.List.of(m), true, false);
        assertThat(s.toString()).doesNotContain("11010519491231002X").doesNotContain("张三丰");
    }

    @Property(tries = 500)
    void anyStringParsesOrIsRefusedWithoutThrowing(@ForAll String any) {
        ResidentIdentity.parse(any, TODAY);
    }
}
