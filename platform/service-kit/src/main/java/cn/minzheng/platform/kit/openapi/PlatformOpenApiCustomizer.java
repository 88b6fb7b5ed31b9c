package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The whole document, once springdoc has built it: title, version and the gateway as the one server;
 * devstack-only paths left out; the bearer scheme on every operation that needs a token (none on the
 * public ones — the same {@code minzheng.security.public-paths} the kit's security chain opens); the
 * {@code Problem} schema and the problem answers each operation can give; the real media types of
 * success answers; typed query parameters; schema names with the service's prefix; operationIds
 * checked for duplicates; schemas no published operation uses dropped.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class PlatformOpenApiCustomizer implements GlobalOpenApiCustomizer, Ordered {

    static final String BEARER = "bearerAuth";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlatformOpenApiCustomizer.class);

    private final OpenApiProperties properties;
    private final List<PathPattern> publicPaths;
    private final AntPathMatcher hidden = new AntPathMatcher();

    PlatformOpenApiCustomizer(OpenApiProperties properties, List<String> publicPaths) {
        this.properties = properties;
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** After every other customiser, so the checks see the final document. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        openApi.setInfo(info.title(properties.title()).version(properties.version()).description(properties.description()));
        openApi.setServers(List.of(new Server().url(properties.serverUrl())
                .description("网关：所有调用经网关（令牌在网关与服务两处校验）")));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("统一身份认证（Keycloak）签发的访问令牌：RS256 JWT，aud 含 minzheng-platform，"
                        + "roles 声明所列角色决定可办事项；以 Authorization: Bearer <令牌> 发送"));

        if (openApi.getPaths() != null) {
            openApi.getPaths().keySet().removeIf(path -> properties.hiddenPaths().stream().anyMatch(p -> hidden.match(p, path)));
        }
        renameSchemas(openApi);
        ProblemResponses.addComponents(components);

        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, List<Operation>> byId = new LinkedHashMap<>();
        Map<Operation, PathItem.HttpMethod> methods = new java.util.IdentityHashMap<>();
        Set<String> tags = new TreeSet<>();
        Map<String, String> tagHandlers = new LinkedHashMap<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                customise(path, method, operation);
                ids.computeIfAbsent(operation.getOperationId(), k -> new ArrayList<>())
                        .add(method + " " + path + " (" + HandlerFacts.handler(operation) + ")");
                byId.computeIfAbsent(operation.getOperationId(), k -> new ArrayList<>()).add(operation);
                methods.put(operation, method);
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                    String handler = HandlerFacts.handler(operation);
                    operation.getTags().forEach(t -> tagHandlers.putIfAbsent(t, handler.contains(".")
                            ? handler.substring(0, handler.indexOf('.')) : t));
                }
                HandlerFacts.clear(operation);
            }));
        }
        var duplicates = OperationIds.duplicates(ids);
        if (!duplicates.isEmpty()) {
            String message = "OpenAPI operationIds used more than once: " + duplicates
                    + "; rename a handler method or give one @Operation(operationId = ...)";
            if (properties.failOnDuplicateOperationIds()) {
                throw new IllegalStateException(message);
            }
            log.warn("{}; published with the HTTP method added to each", message);
            duplicates.keySet().forEach(id -> byId.get(id).forEach(operation -> operation.setOperationId(
                    OperationIds.disambiguate(id, methods.get(operation).name()))));
            Set<String> after = new java.util.HashSet<>();
            byId.values().forEach(list -> list.forEach(operation -> {
                if (!after.add(operation.getOperationId())) {
                    throw new IllegalStateException(message + " (and " + operation.getOperationId()
                            + " stays used twice with the HTTP method added)");
                }
            }));
        }
        List<Tag> declared = openApi.getTags() == null ? new ArrayList<>() : new ArrayList<>(openApi.getTags());
        declared.removeIf(t -> !tags.contains(t.getName()));
        tags.stream().filter(t -> declared.stream().noneMatch(d -> d.getName().equals(t)))
                .forEach(t -> declared.add(new Tag().name(t)));
        declared.forEach(t -> {
            if (t.getDescription() == null || t.getDescription().isBlank()) {
                t.setDescription(tagHandlers.getOrDefault(t.getName(), t.getName()) + " 的接口");
            }
        });
        openApi.setTags(declared.isEmpty() ? null : declared);

        requestComponents(openApi);
        if (components.getSchemas() != null) {
            Set<String> reachable = Schemas.reachable(openApi, ProblemResponses.SCHEMAS);
            components.getSchemas().keySet().retainAll(reachable);
        }
        // shared problem answers no operation uses are left out (linters flag unused components)
        Set<String> usedResponses = new java.util.HashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getResponses() != null) operation.getResponses().values().forEach(r -> {
                    if (r.get$ref() != null) usedResponses.add(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1));
                });
            }));
        }
        if (components.getResponses() != null) {
            ProblemResponses.RESPONSES.values().forEach(nameAndText -> {
                if (!usedResponses.contains(nameAndText[0])) components.getResponses().remove(nameAndText[0]);
            });
        }
    }

    private void customise(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = !isPublic(path);
        if (operation.getSecurity() == null) {
            operation.setSecurity(secured ? List.of(new SecurityRequirement().addList(BEARER)) : List.of());
        } else {
            secured = !operation.getSecurity().isEmpty();
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        SuccessMediaTypes.apply(responses, SuccessMediaTypes.resolve(HandlerFacts.produces(operation), path,
                HandlerFacts.bytes(operation)));
        QueryTypes.apply(operation.getParameters(), properties.queryTypes());
        ProblemResponses.addTo(responses, ProblemResponses.statusesFor(method, path, operation, secured));
    }

    /**
     * Request bodies' records keep the members required by default only when the service says its optional
     * request components are marked ({@code required-request-components}); a schema used in both a request
     * and an answer counts as a request's. The marker extension is removed everywhere.
     */
    private void requestComponents(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        if (!properties.requiredRequestComponents()) {
            List<Schema> bodies = new ArrayList<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() != null) Schemas.addContent(operation.getRequestBody().getContent(), bodies);
                }));
            }
            bodies.removeIf(java.util.Objects::isNull);
            Set<String> requestSide = new java.util.HashSet<>();
            List<Schema> frontier = bodies;
            while (!frontier.isEmpty()) {
                List<Schema> next = new ArrayList<>();
                Schemas.walk(frontier, schema -> {
                    String name = Schemas.refName(schema);
                    if (name != null && schemas.containsKey(name) && requestSide.add(name)) next.add(schemas.get(name));
                });
                frontier = next;
            }
            for (String name : requestSide) {
                Schema schema = schemas.get(name);
                Object byDefault = schema.getExtensions() == null ? null : schema.getExtensions().get(RecordComponentsRequired.BY_DEFAULT);
                if (byDefault instanceof List<?> names && schema.getRequired() != null) {
                    List<String> kept = new ArrayList<>(schema.getRequired());
                    kept.removeAll(names);
                    schema.setRequired(kept.isEmpty() ? null : kept);
                }
            }
        }
        schemas.values().forEach(schema -> {
            if (schema.getExtensions() != null) {
                schema.getExtensions().remove(RecordComponentsRequired.BY_DEFAULT);
                if (schema.getExtensions().isEmpty()) schema.setExtensions(null);
            }
        });
    }

    private boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(p -> p.matches(container));
    }

    /** Every component schema gets the service's prefix (unless it has it), and every reference follows. */
    private void renameSchemas(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null || schemas.isEmpty()) {
            return;
        }
        String prefix = properties.schemaPrefix();
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, Schema> result = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            // a name that has the prefix keeps it, unless the name without it is also a schema (then both
            // get the prefix, so two classes never meet under one name)
            boolean keep = hasPrefix(name, prefix) && !schemas.containsKey(name.substring(prefix.length()));
            String target = keep ? name : prefix + name;
            renamed.put(name, target);
            if (result.put(target, schema) != null) {
                throw new IllegalStateException("OpenAPI schemas " + name + " and " + target + " would both be named "
                        + target + " after the prefix " + prefix + "; rename one of the classes");
            }
        });
        List<Schema> roots = new ArrayList<>(Schemas.operationSchemas(openApi));
        result.values().forEach(s -> roots.add(s));
        Schemas.walk(roots, schema -> {
            String name = Schemas.refName(schema);
            if (name != null && renamed.containsKey(name)) {
                schema.set$ref(Schemas.REF_PREFIX + renamed.get(name));
            }
            if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
                schema.getDiscriminator().getMapping().replaceAll((key, ref) -> ref.startsWith(Schemas.REF_PREFIX)
                        && renamed.containsKey(ref.substring(Schemas.REF_PREFIX.length()))
                        ? Schemas.REF_PREFIX + renamed.get(ref.substring(Schemas.REF_PREFIX.length())) : ref);
            }
        });
        result.forEach((name, schema) -> {
            if (schema.getName() != null) schema.setName(name);
        });
        openApi.getComponents().setSchemas(result);
    }

    private static boolean hasPrefix(String name, String prefix) {
        return name.length() > prefix.length() && name.startsWith(prefix) && Character.isUpperCase(name.charAt(prefix.length()));
    }
}
