package cn.minzheng.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UntrustedHeadersTest {

    @ParameterizedTest(name = "{0} untrusted: {1}")
    @CsvSource({
            "X-Forwarded-For, true", "x-forwarded-host, true", "X-FORWARDED-PROTO, true", "Forwarded, true",
            "X-User-Id, true", "x-user-roles, true", "X-Roles, true", "X-Region, true", "X-Real-IP, true",
            "Authorization, false", "traceparent, false", "Accept-Language, false", "If-Match, false",
            "Idempotency-Key, false", "X-Request-Id, false", "X-Rolesx, false", "X-Userid, false",
    })
    void classifies(String name, boolean untrusted) {
        assertThat(UntrustedHeaders.standard().isUntrusted(name)).isEqualTo(untrusted);
    }
}
