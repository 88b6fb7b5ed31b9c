package cn.minzheng.systemtests.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A path segment holding an encoded '/', '\', '%', ';' or NUL, refused by the gateway's request
 * firewall, is a 400 problem (it was a bare 400 before the gateway answered firewall refusals with a problem).
 */
@Tag("hostile")
@org.junit.jupiter.api.Order(25)
class EncodedPathSegmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "../../etc/passwd", "%00", "; rm -rf /", "a\\b"})
    void anEncodedSeparatorInAPathSegmentIsA400Problem(String segment) {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        String citizen = new Tokens(platform).of("firewall-citizen", "CITIZEN", "421303001");
        List<Answer> answers = new ArrayList<>();
        String encoded = URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        answers.add(gateway.get("/api/v1/assistance/applications/" + encoded).token(citizen).send());
        answers.add(gateway.get("/api/v1/orgs/public/organizations/" + encoded).send());
        answers.forEach(a -> cn.minzheng.systemtests.report.RunSummary.hostileInputTried());
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
    }
}
