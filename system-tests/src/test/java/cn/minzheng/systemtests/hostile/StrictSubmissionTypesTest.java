package cn.minzheng.systemtests.hostile;

import java.util.Map;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission with a wrongly typed {@code truthfulnessCommitment} (42, -1.5, "yes", [1]) or an amount
 * in an odd format ("1e10", "12.345", "99999999999999999999.00") is a 400 problem and nothing is
 * stored. (Found stored in an earlier hostile run; assistance-service now binds request bodies strictly.)
 */
@Tag("hostile")
@org.junit.jupiter.api.Order(25)
class StrictSubmissionTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"tc:42", "tc:-1.5", "tc:\"yes\"", "tc:[1]", "money:1e10", "money:12.345",
        "money:99999999999999999999.00"})
    void aSubmissionWithAWronglyTypedFieldIsRefusedAndNotStored(String variant) {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        String citizen = new Tokens(platform).of("lenient-" + UUID.randomUUID(), "CITIZEN", Households.TOWNSHIP);
        Map<String, Object> body;
        String value = variant.substring(variant.indexOf(':') + 1);
        if (variant.startsWith("tc:")) {
            body = Households.dibao("800.00");
            body.put("truthfulnessCommitment", tools.jackson.databind.json.JsonMapper.builder().build().readTree(value));
        } else {
            body = Households.dibao(value);
        }
        Answer answer = new Cases(gateway).submit(citizen, body, UUID.randomUUID().toString());
        cn.minzheng.systemtests.report.RunSummary.hostileInputTried();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(new Cases(gateway).countMine(citizen)).isZero();
    }
}
