package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code required} for the components of a Java record (request bodies and answers alike): a component
 * is required unless it is marked as possibly absent —
 * <ul>
 * <li>any annotation named {@code Nullable} (JSpecify's {@code org.jspecify.annotations.Nullable}, which
 *     Spring already brings, or {@code jakarta.annotation.Nullable}), on the component or its type;</li>
 * <li>an {@code Optional} type;</li>
 * <li>{@code @JsonInclude} other than {@code ALWAYS} (the member is left out of answers when empty);</li>
 * <li>{@code @Schema(requiredMode = NOT_REQUIRED)} or {@code @Schema(nullable = true)}.</li>
 * </ul>
 * On request bodies a component is required by this rule only with
 * {@code minzheng.openapi.required-request-components=true} (once the service marks its optional request
 * components {@code @Nullable}); before that a request body's record is required only where it is sure:
 * primitives, validation annotations, {@code @Schema(requiredMode = REQUIRED)}.
 * A primitive component is always required; {@code @JsonIgnore}d ones are not in the schema at all; a
 * {@code @JsonProperty} name is used as written. Schemas of other classes keep springdoc's own reading
 * ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}, {@code @Schema(requiredMode = REQUIRED)}).
 */
public final class RecordComponentsRequired implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        if (schema == null || type == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw;
        try {
            raw = Json.mapper().constructType(type.getType()).getRawClass();
        } catch (RuntimeException e) {
            return schema;
        }
        if (raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema;
        String refName = Schemas.refName(schema);
        if (refName != null) {
            model = context.getDefinedModels().get(refName);
        }
        if (model != null && model.getProperties() != null) {
            apply(model, raw);
        }
        return schema;
    }

    /**
     * Names required only because they are record components not marked as possibly absent (not primitive,
     * no validation annotation): the document customiser keeps them on answers and, unless
     * {@code minzheng.openapi.required-request-components}, drops them from request bodies.
     */
    static final String BY_DEFAULT = "x-minzheng-required-by-default";

    static void apply(Schema<?> model, Class<?> record) {
        Set<String> required = new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
        Set<String> byDefault = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            if (name == null || !model.getProperties().containsKey(name)) {
                continue;
            }
            if (component.getType().isPrimitive()) {
                required.add(name);
            } else if (!mayBeAbsent(component)) {
                if (required.add(name)) {
                    byDefault.add(name);
                }
            } else {
                required.remove(name);
            }
        }
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        if (!byDefault.isEmpty()) {
            model.addExtension(BY_DEFAULT, new ArrayList<>(byDefault));
        }
    }

    static boolean mayBeAbsent(RecordComponent component) {
        if (component.getType() == Optional.class) {
            return true;
        }
        for (Annotation annotation : annotations(component).toList()) {
            String name = annotation.annotationType().getSimpleName();
            if (name.equals("Nullable")) {
                return true;
            }
            if (name.equals("JsonInclude")) {
                Object value = attribute(annotation, "value");
                if (value != null && !value.toString().equals("ALWAYS") && !value.toString().equals("USE_DEFAULTS")) {
                    return true;
                }
            }
            if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                    && (schema.nullable() || schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED)) {
                return true;
            }
        }
        return false;
    }

    private static String jsonName(RecordComponent component) {
        String name = component.getName();
        for (Annotation annotation : annotations(component).toList()) {
            String simple = annotation.annotationType().getSimpleName();
            if (simple.equals("JsonIgnore") && !Boolean.FALSE.equals(attribute(annotation, "value"))) {
                return null;
            }
            if (simple.equals("JsonProperty")) {
                Object value = attribute(annotation, "value");
                if (value instanceof String s && !s.isEmpty()) {
                    name = s;
                }
            }
        }
        return name;
    }

    /** Annotations on the component, its type (JSpecify is a type-use annotation), its accessor and its field. */
    private static Stream<Annotation> annotations(RecordComponent component) {
        List<AnnotatedElement> places = new ArrayList<>(List.of(component, component.getAccessor()));
        try {
            places.add(component.getDeclaringRecord().getDeclaredField(component.getName()));
        } catch (NoSuchFieldException ignored) {
            // a record always has the field; nothing more to read otherwise
        }
        return Stream.concat(places.stream().flatMap(p -> Stream.of(p.getAnnotations())),
                Stream.of(component.getAnnotatedType().getAnnotations()));
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            var method = annotation.annotationType().getMethod(name);
            method.setAccessible(true);
            return method.invoke(annotation);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
