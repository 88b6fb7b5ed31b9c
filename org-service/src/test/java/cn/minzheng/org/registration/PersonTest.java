package cn.minzheng.org.registration;

import cn.minzheng.org.problems.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The legal representative's 身份证号: checked like every other ID on the platform, kept in one spelling. */
class PersonTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            42010219900101121X     | 42010219900101121X
            42010219900101121x     | 42010219900101121X
            ' 42010219900101121x ' | 42010219900101121X
            420102199001011236     | 420102199001011236
            """)
    void aValidNumberIsKeptInItsNormalForm(String typed, String normal) {
        List<FieldProblem> problems = new ArrayList<>();
        Person p = new Person("王小明", typed).checked("/legalRepresentative", TODAY, problems);
        assertThat(problems).isEmpty();
        assertThat(p.idNumber()).isEqualTo(normal);
        assertThat(p.name()).isEqualTo("王小明");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            420102199001011234     | wrong check character
            42010219900101121      | 17 characters
            4201021990010112100    | 19 characters
            42010219900101121Y     | a letter other than X
            420102199002301237     | 30 February
            420102203001011230     | born after today
            """)
    void anInvalidNumberIsAProblemNamingTheField(String typed, String why) {
        List<FieldProblem> problems = new ArrayList<>();
        Person given = new Person("王小明", typed);
        Person p = given.checked("/legalRepresentative", TODAY, problems);
        assertThat(problems).as(why).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/legalRepresentative/idNumber");
            assertThat(f.code()).isEqualTo("INVALID_ID_NUMBER");
            assertThat(f.message()).contains("身份证").contains("请");
        });
        assertThat(p).isEqualTo(given);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(value = {"''", "'   '"})
    void aMissingNumberIsLeftToTheRuleThatRequiresIt(String typed) {
        List<FieldProblem> problems = new ArrayList<>();
        new Person("王小明", typed).checked("/legalRepresentative", TODAY, problems);
        assertThat(problems).isEmpty();
    }
}
