package cn.minzheng.gateway.retry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.gateway.retry.RetryRule.Reason;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.http.client.PrematureCloseException;

class RetryRuleTest {

    static final RetryRule GATEWAY = new RetryRule(Set.of("GET"), Set.of(502, 503));

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource({
            // the connection was never up: nothing was sent, any method goes again
            "POST,   refused,          NOT_CONNECTED",
            "PUT,    refused,          NOT_CONNECTED",
            "PATCH,  connect-timeout,  NOT_CONNECTED",
            "DELETE, no-route,         NOT_CONNECTED",
            "GET,    refused,          NOT_CONNECTED",
            "POST,   wrapped-refused,  NOT_CONNECTED",
            // sent, then the connection failed: only reads go again
            "GET,    dropped,          FAILED",
            "GET,    reset,            FAILED",
            "HEAD,   dropped,          ",
            "POST,   dropped,          ",
            "POST,   reset,            ",
            "PUT,    dropped,          ",
            // read timeouts and other failures: never (the time limit bounds the call)
            "GET,    read-timeout,     ",
            "POST,   read-timeout,     ",
            "GET,    timeout,          ",
            "POST,   bug,              ",
    })
    void afterAFailure(String method, String failure, Reason expected) {
        assertThat(GATEWAY.afterFailure(method, failure(failure))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} answered {1} -> {2}")
    @CsvSource({
            "GET,    502, ANSWERED",
            "GET,    503, ANSWERED",
            "get,    503, ANSWERED",
            "GET,    500, ",
            "GET,    504, ",
            "GET,    200, ",
            "GET,    404, ",
            "POST,   502, ",
            "POST,   503, ",
            "PUT,    503, ",
            "DELETE, 502, ",
            "POST,   200, ",
    })
    void afterAnAnswer(String method, int status, Reason expected) {
        assertThat(GATEWAY.afterAnswer(method, status)).isEqualTo(expected);
    }

    /** Whatever the answer, a write the service received is never sent again. */
    @Property
    void aWriteThatWasAnsweredIsNeverRepeated(@ForAll("writes") String method, @ForAll("statuses") int status) {
        assertThat(GATEWAY.afterAnswer(method, status)).isNull();
    }

    /** Whatever failed after the connection was up, a write is never sent again. */
    @Property
    void aWriteThatMayHaveBeenSentIsNeverRepeated(@ForAll("writes") String method,
                                                   @ForAll("sentFailures") String failure) {
        assertThat(GATEWAY.afterFailure(method, failure(failure))).isNull();
    }

    /** A connection that never came up allows a retry for every method, however deeply it is wrapped. */
    @Property
    void aConnectionNeverEstablishedIsAlwaysRetryable(@ForAll("methods") String method,
                                                      @ForAll("neverConnected") String failure,
                                                      @ForAll("depth") int wrapping) {
        Throwable wrapped = failure(failure);
        for (int i = 0; i < wrapping; i++) {
            wrapped = new IllegalStateException("wrapped " + i, wrapped);
        }
        assertThat(GATEWAY.afterFailure(method, wrapped)).isEqualTo(Reason.NOT_CONNECTED);
    }

    @Property
    void nullOrOddInputNeverThrows(@ForAll("methods") String method, @ForAll int status) {
        assertThat(GATEWAY.afterAnswer(null, status)).isNull();
        assertThat(GATEWAY.afterFailure(null, null)).isNull();
        GATEWAY.afterAnswer(method, status);
    }

    @Provide
    Arbitrary<String> writes() {
        return Arbitraries.of("POST", "PUT", "PATCH", "DELETE", "post", "Patch");
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE");
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.integers().between(100, 599);
    }

    @Provide
    Arbitrary<String> sentFailures() {
        return Arbitraries.of("dropped", "reset", "read-timeout", "timeout", "bug");
    }

    @Provide
    Arbitrary<String> neverConnected() {
        return Arbitraries.of("refused", "connect-timeout", "no-route", "wrapped-refused");
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(0, 10);
    }

    /** The failures as Reactor Netty reports them. */
    static Throwable failure(String kind) {
        return switch (kind) {
            case "refused" -> new ConnectException("Connection refused: /127.0.0.1:1");
            case "connect-timeout" -> new ConnectTimeoutException("connection timed out after 1000 ms: /10.0.0.1:80");
            case "no-route" -> new NoRouteToHostException("No route to host");
            case "wrapped-refused" -> new UncheckedIOException(new ConnectException("Connection refused"));
            case "dropped" -> PrematureCloseException.TEST_EXCEPTION;
            case "reset" -> new SocketException("Connection reset");
            case "read-timeout" -> ReadTimeoutException.INSTANCE;
            case "timeout" -> new TimeoutException("Did not observe any item or terminal signal within 1500ms");
            case "bug" -> new IllegalStateException("a bug", new NullPointerException());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @CsvSource({"refused, true", "connect-timeout, true", "no-route, true", "dropped, false", "reset, false",
            "read-timeout, false"})
    void neverConnected(String failure, boolean expected) {
        assertThat(RetryRule.neverConnected(failure(failure))).isEqualTo(expected);
    }
}
