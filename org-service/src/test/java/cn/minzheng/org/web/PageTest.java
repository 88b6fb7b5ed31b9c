package cn.minzheng.org.web;

import cn.minzheng.platform.kit.problem.ValidationProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The opaque list cursor (keys are ids: printable characters, Chinese allowed): what the service issues reads back to its key; anything else is refused at /cursor. */
class PageTest {

    @Property
    void everyIssuedCursorReadsBackToItsKey(@ForAll @StringLength(min = 1, max = 120) @CharRange(from = '!', to = '~') @CharRange(from = '\u4e00', to = '\u9fa5') String key) {
        assertThat(Page.after(Page.cursorAfter(key))).isEqualTo(key);
    }

    @Property
    void aCursorWithOneCharacterChangedIsRefused(@ForAll @StringLength(min = 1, max = 60) @CharRange(from = '!', to = '~') String key, @ForAll int position) {
        String cursor = Page.cursorAfter(key);
        int i = Math.floorMod(position, cursor.length());
        char c = cursor.charAt(i);
        String changed = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
        assertThatThrownBy(() -> Page.after(changed)).isInstanceOf(ValidationProblem.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "junk", "{\"$gt\": \"\"}", "EC-421303-ABCDEF12", ".", "abc.", ".abc", "!!!.0011223344",
            "QUJD.0000000000", "%00"})
    void cursorsTheServiceDidNotIssueAreRefusedNamingTheFieldInChinese(String junk) {
        assertThatThrownBy(() -> Page.after(junk)).isInstanceOfSatisfying(ValidationProblem.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.errors()).singleElement().satisfies(e -> {
                assertThat(e.pointer()).isEqualTo("/cursor");
                assertThat(e.code()).isEqualTo("invalid-cursor");
                assertThat(e.args().get(0).toString()).contains("/nextCursor").contains("原样传入");
            });
        });
        assertThatThrownBy(() -> Page.after("A".repeat(300))).isInstanceOf(ValidationProblem.class);
    }

    @Test
    void noCursorIsTheFirstPageAndASliceCarriesTheCursorAfterItsLastItem() {
        assertThat(Page.after(null)).isNull();
        Page<String> page = Page.slice(List.of("c", "b", "a"), 2, s -> s);
        assertThat(page.items()).containsExactly("c", "b");
        assertThat(Page.after(page.nextCursor())).isEqualTo("b");
        assertThat(Page.slice(List.of("c", "b"), 2, s -> s).nextCursor()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void aSizeOutsideTheRangeIsRefusedNotBounded(int size) {
        assertThatThrownBy(() -> Page.sizeOrRefuse(size)).isInstanceOf(ValidationProblem.class);
        assertThat(Page.sizeOrRefuse(null)).isEqualTo(Page.DEFAULT_SIZE);
        assertThat(Page.sizeOrRefuse(100)).isEqualTo(100);
    }
}
