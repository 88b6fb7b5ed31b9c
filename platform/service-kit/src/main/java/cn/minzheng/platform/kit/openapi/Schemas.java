package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Walking and changing the schemas of a document (swagger-core's model, as springdoc builds it). */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Schemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private Schemas() {
    }

    /** A new schema of {@code type} (and {@code format}), written as 3.1 and 3.0 both understand. */
    static Schema<Object> of(String type, String format) {
        Schema<Object> schema = new Schema<>();
        retype(schema, type, format);
        return schema;
    }

    static void retype(Schema schema, String type, String format) {
        schema.setType(type);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        schema.setFormat(format);
        schema.setItems(null);
    }

    static boolean isPlainString(Schema schema) {
        return schema.get$ref() == null && schema.getFormat() == null
                && (schema.getEnum() == null || schema.getEnum().isEmpty())
                && ("string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().equals(Set.of("string"))));
    }

    /** Every schema reachable from {@code roots}, each visited once (nested properties, items, compositions). */
    static void walk(Collection<? extends Schema> roots, Consumer<Schema> visitor) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Schema> stack = new ArrayList<>(roots);
        while (!stack.isEmpty()) {
            Schema schema = stack.remove(stack.size() - 1);
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            visitor.accept(schema);
            if (schema.getProperties() != null) stack.addAll(schema.getProperties().values());
            if (schema.getItems() != null) stack.add(schema.getItems());
            if (schema.getAllOf() != null) stack.addAll(schema.getAllOf());
            if (schema.getAnyOf() != null) stack.addAll(schema.getAnyOf());
            if (schema.getOneOf() != null) stack.addAll(schema.getOneOf());
            if (schema.getNot() != null) stack.add(schema.getNot());
            if (schema.getPrefixItems() != null) stack.addAll(schema.getPrefixItems());
            if (schema.getPatternProperties() != null) stack.addAll(schema.getPatternProperties().values());
            if (schema.getAdditionalProperties() instanceof Schema additional) stack.add(additional);
            if (schema.getContains() != null) stack.add(schema.getContains());
        }
    }

    /** The schemas used directly by the operations: parameters, request bodies, responses and their headers. */
    static List<Schema> operationSchemas(OpenAPI openApi) {
        List<Schema> roots = new ArrayList<>();
        if (openApi.getPaths() == null) {
            return roots;
        }
        for (PathItem item : openApi.getPaths().values()) {
            addParameters(item.getParameters(), roots);
            for (Operation operation : item.readOperations()) {
                addParameters(operation.getParameters(), roots);
                if (operation.getRequestBody() != null) addContent(operation.getRequestBody().getContent(), roots);
                if (operation.getResponses() != null) {
                    for (ApiResponse response : operation.getResponses().values()) {
                        addContent(response.getContent(), roots);
                        if (response.getHeaders() != null) {
                            for (Header header : response.getHeaders().values()) roots.add(header.getSchema());
                        }
                    }
                }
            }
        }
        roots.removeIf(java.util.Objects::isNull);
        return roots;
    }

    static void addContent(Content content, List<Schema> roots) {
        if (content != null) {
            for (MediaType mediaType : content.values()) roots.add(mediaType.getSchema());
        }
    }

    private static void addParameters(List<Parameter> parameters, List<Schema> roots) {
        if (parameters != null) {
            for (Parameter parameter : parameters) {
                roots.add(parameter.getSchema());
                addContent(parameter.getContent(), roots);
            }
        }
    }

    /** The component name a {@code $ref} points at, or null for another kind of reference. */
    static String refName(Schema schema) {
        String ref = schema.get$ref();
        return ref != null && ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : null;
    }

    /** The component schemas reachable from the operations (and from {@code alwaysKept}). */
    static Set<String> reachable(OpenAPI openApi, Set<String> alwaysKept) {
        Map<String, Schema> components = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                ? Map.of() : openApi.getComponents().getSchemas();
        Set<String> reached = new LinkedHashSet<>();
        List<Schema> start = new ArrayList<>(operationSchemas(openApi));
        for (String name : alwaysKept) {
            if (components.containsKey(name)) {
                reached.add(name);
                start.add(components.get(name));
            }
        }
        List<Schema> frontier = start;
        while (!frontier.isEmpty()) {
            List<Schema> next = new ArrayList<>();
            walk(frontier, s -> {
                String name = refName(s);
                if (name != null && reached.add(name) && components.containsKey(name)) next.add(components.get(name));
            });
            frontier = next;
        }
        return reached;
    }
}
