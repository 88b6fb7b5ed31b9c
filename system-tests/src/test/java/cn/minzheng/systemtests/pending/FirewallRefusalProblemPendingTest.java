package cn.minzheng.systemtests.pending;

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
 * PENDING (gateway): a path segment holding an encoded '/', '\', '%', ';' or NUL is refused by the
 * gateway's request firewall with a bare 400 — no {@code application/problem+json}, no {@code code}.
 * Needs: the gateway's firewall rejection ({@code ServerExchangeRejectedException}) answered through
 * its problem handler as {@code GATEWAY_BAD_REQUEST}.
 */
@Tag("pending-service")
class FirewallRefusalProblemPendingTest {

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
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
    }
}
