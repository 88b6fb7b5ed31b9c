package cn.minzheng.platform.codes.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;

import cn.minzheng.platform.codes.InvalidCodeException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class FenProperties {

    @Property
    void everyNonNegativeAmountRoundTripsThroughItsYuanForm(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long fen) {
        String yuan = Fen.of(fen).yuan();
        assertThat(yuan).matches("[0-9]+\\.[0-9]{2}");
        assertThat(Fen.parseYuan(yuan)).isEqualTo(Fen.of(fen));
    }

    @Property
    void everyBalanceRoundTripsThroughItsSignedYuanForm(@ForAll @LongRange(min = -99_999_999_999_999L, max = 99_999_999_999_999L) long fen) {
        assertThat(Fen.parseSignedYuan(Fen.of(fen).yuan())).isEqualTo(Fen.of(fen));
    }

    @Property
    void aNegativeAmountIsNeverAccepted(@ForAll @LongRange(min = Long.MIN_VALUE / 1000, max = -1) long fen) {
        assertThat(Fen.isYuan(Fen.of(fen).yuan())).isFalse();
    }

    @Property
    void anyStringIsEitherTheExactAmountOrARefusalWithAReason(@ForAll String text) {
        Throwable refused = catchThrowable(() -> Fen.parseYuan(text));
        if (refused == null) {
            assertThat(Fen.isYuan(text)).isTrue();
            assertThat(Fen.parseYuan(text).value()).isEqualTo(new BigDecimal(text).movePointRight(2).longValueExact());
        } else {
            assertThat(refused).isInstanceOf(InvalidCodeException.class);
            assertThat(Fen.isYuan(text)).isFalse();
        }
    }
}
