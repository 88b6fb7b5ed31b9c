package cn.minzheng.platform.kit.openapi;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stable, unique operationIds: {@code <prefix><Controller><Method>} from the controller's simple name
 * without {@code Controller} and the handler method's name ({@code assistance} +
 * {@code ApplicationController.submit} → {@code assistanceApplicationSubmit},
 * {@code ApplicationListController.list} → {@code assistanceApplicationListList}). An id a handler gives
 * itself ({@code @Operation(operationId=…)}) is kept, after the prefix. No counters: an id changes only
 * when its controller or method is renamed. Overloaded handler methods (one name, two mappings) share an
 * id; {@link #disambiguate} then adds each one's HTTP method, and the document customiser flags them.
 */
final class OperationIds {

    private OperationIds() {
    }

    static String of(String prefix, Class<?> controller, Method method, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return prefix + OpenApiProperties.capitalise(explicit.trim());
        }
        String stem = stem(controller);
        String name = OpenApiProperties.capitalise(method.getName());
        return prefix + stem + name;
    }

    /** {@code ApplicationController} → {@code Application}; a nested class keeps its own name only. */
    static String stem(Class<?> controller) {
        String simple = controller.getSimpleName();
        String stem = simple.endsWith("Controller") && simple.length() > "Controller".length()
                ? simple.substring(0, simple.length() - "Controller".length()) : simple;
        return OpenApiProperties.capitalise(stem);
    }

    /** The tag of a controller's operations: {@code assistance-application} for {@code ApplicationController}. */
    static String tag(String prefix, Class<?> controller) {
        String kebab = stem(controller).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return prefix + "-" + kebab;
    }

    /** {@code auditIntegrityVerify} of a GET → {@code auditIntegrityVerifyGet}. */
    static String disambiguate(String id, String httpMethod) {
        return id + OpenApiProperties.capitalise(httpMethod.toLowerCase(java.util.Locale.ROOT));
    }

    /** The ids used more than once, each with where (method and path) it is used. */
    static Map<String, List<String>> duplicates(Map<String, List<String>> usesById) {
        return usesById.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
