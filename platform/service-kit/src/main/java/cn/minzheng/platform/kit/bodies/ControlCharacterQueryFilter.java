package cn.minzheng.platform.kit.bodies;

import java.util.List;
import java.util.Map;

import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A query parameter holding a control character (NUL, a line break, DEL …) is refused with a 400
 * {@code invalid-parameter} problem naming it, before any handler reads it. Spring's converters trim
 * a value before turning it into an enum or a boolean, and a value of control characters only trims
 * to nothing: {@code ?program=%00} was read as no filter at all and answered 200 (seen in
 * assistance-service's HostileInputTest with seed 4238967191396). No parameter of the API may hold one.
 */
public final class ControlCharacterQueryFilter implements WebFilter, Ordered {

    /** After security: a request without a valid token is still told that first. */
    public static final int ORDER = 0;

    private final ProblemWriter problems;

    public ControlCharacterQueryFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            if (hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(ControlCharacterQueryFilter::hasControlCharacter)) {
                String name = parameter.getKey().codePoints().filter(c -> !Character.isISOControl(c))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                return problems.write(exchange, new ProblemException(400, "invalid-parameter", name));
            }
        }
        return chain.filter(exchange);
    }

    static boolean hasControlCharacter(String value) {
        return value != null && value.codePoints().anyMatch(Character::isISOControl);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
