package cn.minzheng.platform.kit.bodies;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The strict reading rules for request bodies: a JSON value is taken only as its own type (no
 * {@code 42} or {@code "yes"} for a boolean, no number for a text and no text for a number, no number
 * for an enum, no single value for a list), unknown fields, duplicate keys and trailing data are
 * refused. Every refusal is a Jackson error that the kit's problem handler turns into a 400 problem
 * whose field error points at the offending value. Only Jackson, no Spring: usable from tests.
 */
public final class StrictJsonBodies {

    private StrictJsonBodies() {
    }

    /** The strict reading rules applied to a mapper builder (also used by tests). */
    public static JsonMapper strict(JsonMapper.Builder builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultLeniency(false)
                .withCoercionConfigDefaults(c -> {
                    c.setAcceptBlankAsEmpty(false);
                    for (CoercionInputShape shape : CoercionInputShape.values()) {
                        c.setCoercion(shape, CoercionAction.Fail);
                    }
                })
                .withCoercionConfig(LogicalType.Boolean, c -> refuse(c, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Textual, c -> refuse(c, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Integer, c -> refuse(c, CoercionInputShape.Float,
                        CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Float, c -> refuse(c, CoercionInputShape.String,
                        CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Enum, c -> refuse(c, CoercionInputShape.Integer,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.DateTime, c -> refuse(c, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.EmptyString))
                .build();
    }

    private static void refuse(MutableCoercionConfig config, CoercionInputShape... shapes) {
        config.setAcceptBlankAsEmpty(false);
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
