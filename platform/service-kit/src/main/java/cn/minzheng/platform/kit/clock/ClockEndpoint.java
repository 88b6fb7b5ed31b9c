package cn.minzheng.platform.kit.clock;

import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET} and {@code POST {minzheng.clock.path}} (devstack only, ADMIN only): read the business
 * clock, or move it forward with {@code {"advanceBy":"P8D"}}. Both answer
 * {@code {"now":"<instant>","offset":"<duration>"}}. The path rule in the kit's security chain refuses
 * other roles before the body is read; the handler checks again through {@link AccessPolicy}.
 */
public final class ClockEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ClockEndpoint.class);

    private final BusinessClock clock;

    public ClockEndpoint(BusinessClock clock) {
        this.clock = clock;
    }

    public RouterFunction<ServerResponse> routes(String path) {
        return RouterFunctions.route()
                .GET(path, this::read)
                .POST(path, this::advance)
                .build();
    }

    Mono<ServerResponse> read(ServerRequest request) {
        return admin().flatMap(admin -> answer(clock.offset()));
    }

    Mono<ServerResponse> advance(ServerRequest request) {
        return admin().flatMap(admin -> request.bodyToMono(ClockAdvanceRequest.class)
                .switchIfEmpty(Mono.error(() -> ClockAdvanceRequest.invalid("an empty body")))
                .flatMap(body -> {
                    Duration by = body.duration();
                    Duration offset = clock.advance(by);
                    log.warn("business clock advanced by {} by {}: now {} ahead of the wall clock",
                            by, admin.subject(), offset);
                    return answer(offset);
                }));
    }

    private static Mono<Principal> admin() {
        return CurrentPrincipal.require().doOnNext(p -> AccessPolicy.requireAnyRole(p, Role.ADMIN));
    }

    private Mono<ServerResponse> answer(Duration offset) {
        // offset is the value this request saw (or set); now is business time at answering
        Map<String, String> body = new LinkedHashMap<>();
        body.put("now", clock.instant().toString());
        body.put("offset", offset.toString());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
