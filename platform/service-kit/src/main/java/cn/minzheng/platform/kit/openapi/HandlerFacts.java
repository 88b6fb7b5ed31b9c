package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * What only the handler method knows, carried on the operation (as {@code x-minzheng-*} extensions the
 * document customiser reads and removes) until the whole document is there: the media types it declares
 * and whether it answers raw bytes.
 */
final class HandlerFacts {

    static final String PRODUCES = "x-minzheng-produces";
    static final String BYTES = "x-minzheng-bytes";
    static final String HANDLER = "x-minzheng-handler";

    private HandlerFacts() {
    }

    static void record(Operation operation, HandlerMethod handler) {
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        String[] produces = onMethod != null && onMethod.produces().length > 0 ? onMethod.produces()
                : onType != null ? onType.produces() : new String[0];
        operation.addExtension(PRODUCES, List.of(produces));
        operation.addExtension(BYTES, answersBytes(ResolvableType.forMethodReturnType(handler.getMethod())));
        operation.addExtension(HANDLER, handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
    }

    @SuppressWarnings("unchecked")
    static List<String> produces(Operation operation) {
        Object value = extensions(operation).get(PRODUCES);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    static boolean bytes(Operation operation) {
        return Boolean.TRUE.equals(extensions(operation).get(BYTES));
    }

    static String handler(Operation operation) {
        Object value = extensions(operation).get(HANDLER);
        return value == null ? operation.getOperationId() : value.toString();
    }

    static void clear(Operation operation) {
        if (operation.getExtensions() != null) {
            operation.getExtensions().keySet().removeAll(List.of(PRODUCES, BYTES, HANDLER));
            if (operation.getExtensions().isEmpty()) {
                operation.setExtensions(null);
            }
        }
    }

    private static Map<String, Object> extensions(Operation operation) {
        return operation.getExtensions() == null ? Map.of() : operation.getExtensions();
    }

    /** {@code DataBuffer}, {@code Resource} or {@code byte[]} anywhere in the return type (Mono, Flux, ResponseEntity). */
    static boolean answersBytes(ResolvableType type) {
        List<ResolvableType> stack = new ArrayList<>(List.of(type));
        for (int guard = 0; !stack.isEmpty() && guard < 32; guard++) {
            ResolvableType current = stack.remove(stack.size() - 1);
            Class<?> raw = current.resolve();
            if (raw != null && (DataBuffer.class.isAssignableFrom(raw) || Resource.class.isAssignableFrom(raw)
                    || raw == byte[].class)) {
                return true;
            }
            stack.addAll(Arrays.asList(current.getGenerics()));
        }
        return false;
    }
}
