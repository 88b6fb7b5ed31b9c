package cn.minzheng.platform.kit.problem.web;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import cn.minzheng.platform.kit.problem.RuleViolationProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps whatever a WebFlux application throws to a {@link ProblemException}: ours pass through,
 * framework exceptions get a stable code, anything else becomes an opaque 500.
 */
public final class WebExceptionTranslation {

    /** The problem plus headers the response must carry (e.g. {@code Allow} on 405). */
    public record Translated(ProblemException problem, HttpHeaders headers, boolean unexpected) {
    }

    private WebExceptionTranslation() {
    }

    /**
     * As {@link #translate(Throwable)}, and the kit's domain refusals a service did not translate itself
     * by the platform's one status rule (docs/contracts.md): a {@link RuleViolation} → 422
     * {@code rule-violated} with its text from {@code texts} ({@link RuleViolationProblem}), an
     * {@link IllegalTransition} → 409 {@code illegal-transition} — instead of an opaque 500.
     */
    public static Translated translate(Throwable ex, ProblemMessages texts) {
        if (ex instanceof RuleViolation violation) {
            return plain(new RuleViolationProblem(violation, texts));
        }
        if (ex instanceof IllegalTransition refused) {
            return plain(new IllegalTransitionProblem(refused));
        }
        return translate(ex);
    }

    public static Translated translate(Throwable ex) {
        if (ex instanceof ProblemException problem) {
            return plain(problem);
        }
        if (causedBy(ex, DataBufferLimitException.class) != null || ex instanceof ContentTooLargeException
                || (ex instanceof ResponseStatusException rse && rse.getStatusCode().value() == 413)) {
            return plain(new ProblemException(413, "payload-too-large"));
        }
        if (ex instanceof WebExchangeBindException bind) {
            return plain(new ValidationProblem(fieldProblems(bind)));
        }
        if (ex instanceof UnsupportedMediaTypeStatusException unsupported) {
            Object type = unsupported.getContentType() == null ? "?" : unsupported.getContentType();
            return new Translated(new ProblemException(415, "unsupported-media-type", type),
                    unsupported.getHeaders(), false);
        }
        if (ex instanceof MethodNotAllowedException notAllowed) {
            return new Translated(new ProblemException(405, "method-not-allowed", notAllowed.getHttpMethod()),
                    notAllowed.getHeaders(), false);
        }
        if (ex instanceof NotAcceptableStatusException notAcceptable) {
            return new Translated(new ProblemException(406, "not-acceptable"), notAcceptable.getHeaders(), false);
        }
        if (ex instanceof MissingRequestValueException missing) {
            return plain(new ProblemException(400, "missing-parameter", missing.getName()));
        }
        if (ex instanceof ServerWebInputException input) {
            return plain(inputProblem(input));
        }
        if (ex instanceof AuthenticationException) {
            return plain(new ProblemException(401, "unauthenticated"));
        }
        if (ex instanceof AccessDeniedException) {
            return plain(new ProblemException(403, "forbidden"));
        }
        if (ex instanceof ResponseStatusException rse) {
            int status = rse.getStatusCode().value();
            if (status >= 400 && status < 500) {
                return new Translated(new ProblemException(status, codeForStatus(status)), rse.getHeaders(), false);
            }
            if (status == 503) {
                return new Translated(new ProblemException(503, "service-unavailable"), rse.getHeaders(), false);
            }
        }
        return new Translated(new ProblemException(500, "internal-error"), HttpHeaders.EMPTY, true);
    }

    private static Translated plain(ProblemException problem) {
        return new Translated(problem, HttpHeaders.EMPTY, false);
    }

    private static String codeForStatus(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "no-route";
            case 409 -> "conflict";
            default -> "http-" + status;
        };
    }

    private static ProblemException inputProblem(ServerWebInputException input) {
        JacksonException jackson = causedBy(input, JacksonException.class);
        if (jackson != null) {
            String code = jsonCode(jackson);
            List<String> accepted = enumValues(jackson);
            FieldProblem field = accepted.isEmpty() ? FieldProblem.of(pointerOf(jackson, code), code)
                    : FieldProblem.of(pointerOf(jackson, code), "invalid-enum", String.join(", ", accepted));
            return new ValidationProblem("malformed-request", List.of(field));
        }
        TypeMismatchException mismatch = causedBy(input, TypeMismatchException.class);
        if (mismatch != null) {
            String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName()
                    : input.getMethodParameter() != null ? input.getMethodParameter().getParameterName() : "?";
            return new ProblemException(400, "invalid-parameter", name);
        }
        return new ProblemException(400, "malformed-request");
    }

    /**
     * Field error code of a JSON reading error: {@code unknown-field}, {@code duplicate-key},
     * {@code trailing-data}, {@code invalid-type} (a value of another JSON type, or of a wrong shape),
     * else {@code malformed-json}.
     */
    static String jsonCode(JacksonException jackson) {
        String message = jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage();
        if (jackson instanceof UnrecognizedPropertyException) {
            return "unknown-field";
        }
        if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
            return "duplicate-key";
        }
        if (message.startsWith("Trailing token")) {
            return "trailing-data";
        }
        if (jackson instanceof MismatchedInputException) {
            return "invalid-type";
        }
        return "malformed-json";
    }

    /**
     * The values a field of an enum type accepts, when the request sent another (a string no constant
     * is named, or a number): the person reading {@code invalid-enum} learns what to send instead of
     * only "类型不正确". Empty when the field is not an enum.
     */
    static List<String> enumValues(JacksonException jackson) {
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            return Arrays.stream(mismatch.getTargetType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList();
        }
        return List.of();
    }

    /**
     * Where the error is: for a duplicate key, the key itself (where the parser stood, e.g.
     * {@code /members/0/name}); otherwise the deserialization path ({@code /members/1/name} for a
     * wrong type, the root for broken syntax or trailing data).
     */
    static String pointerOf(JacksonException jackson, String code) {
        if (code.equals("duplicate-key") && jackson.processor() instanceof JsonParser parser
                && parser.streamReadContext() != null) {
            return parser.streamReadContext().pathAsPointer().toString();
        }
        return JsonPointers.fromJacksonPath(jackson.getPath());
    }

    private static List<FieldProblem> fieldProblems(WebExchangeBindException bind) {
        var problems = new ArrayList<FieldProblem>();
        for (ObjectError error : bind.getAllErrors()) {
            String pointer = error instanceof FieldError fe ? JsonPointers.fromPropertyPath(fe.getField()) : "";
            String code = error.getCode() == null ? "invalid-value" : kebab(error.getCode());
            problems.add(new FieldProblem(pointer, code, List.of(), error.getDefaultMessage()));
        }
        return problems;
    }

    /** {@code NotBlank} → {@code not-blank}, {@code PositiveOrZero} → {@code positive-or-zero}. */
    static String kebab(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
        Throwable current = ex;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }

}
