package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Query parameters a handler takes as text and parses itself (so a wrong value gets the service's own
 * problem naming the parameter) are published with the type they accept: {@code limit} an integer,
 * {@code from}/{@code to} RFC 3339 date-times. Only plain strings are retyped (no format, no enum): a
 * parameter the handler already takes typed ({@code Long from} of a chain range) keeps its type.
 */
final class QueryTypes {

    static final List<String> KNOWN = List.of("integer", "int64", "date-time", "date", "boolean");

    private QueryTypes() {
    }

    static void apply(List<Parameter> parameters, Map<String, String> types) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            String type = types.get(parameter.getName());
            Schema<?> schema = parameter.getSchema();
            if (type == null || !"query".equals(parameter.getIn()) || schema == null || !Schemas.isPlainString(schema)) {
                continue;
            }
            // a new schema: springdoc shares one string schema among parameters
            Schema<Object> typed = switch (type) {
                case "integer" -> Schemas.of("integer", "int32");
                case "int64" -> Schemas.of("integer", "int64");
                case "boolean" -> Schemas.of("boolean", null);
                default -> Schemas.of("string", type);
            };
            if (type.equals("integer") || type.equals("int64")) {
                typed.setMinimum(java.math.BigDecimal.ONE);
            }
            typed.setDescription(schema.getDescription());
            parameter.setSchema(typed);
        }
    }
}
