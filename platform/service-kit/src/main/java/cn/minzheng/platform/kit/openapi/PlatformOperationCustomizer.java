package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.oas.models.Operation;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Per handler method: the operationId ({@link OperationIds}), the tag of its controller, a summary naming
 * the handler when it has none, and the facts the document customiser needs later ({@link HandlerFacts}).
 */
final class PlatformOperationCustomizer implements GlobalOperationCustomizer {

    private final OpenApiProperties properties;

    PlatformOperationCustomizer(OpenApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                io.swagger.v3.oas.annotations.Operation.class);
        String explicit = annotation == null ? null : annotation.operationId();
        operation.setOperationId(OperationIds.of(properties.operationIdPrefix(), handler.getBeanType(),
                handler.getMethod(), explicit));
        var tags = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(),
                io.swagger.v3.oas.annotations.tags.Tag.class);
        if (tags == null) {
            operation.setTags(List.of(OperationIds.tag(properties.operationIdPrefix(), handler.getBeanType())));
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            // what the handler is, until the service gives a summary of its own (@Operation(summary = "提交申请"))
            operation.setSummary(handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
        }
        HandlerFacts.record(operation, handler);
        return operation;
    }
}
