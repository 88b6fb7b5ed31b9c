package cn.minzheng.platform.kit.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.openapi.*}: how the service's published OpenAPI document reads (issue 16 item 5).
 *
 * @param title             the document's title (default {@code 民政服务平台 <spring.application.name>})
 * @param version           the API's version (default {@code v1}, the version in every path)
 * @param description       a description of the API (optional)
 * @param serverUrl         the one server the document names: the gateway, where clients call (default
 *                          {@code /}, i.e. the origin the document was fetched from — the gateway when read
 *                          through {@code /v3/api-docs/<service>}); set the public gateway URL in a deployment
 * @param operationIdPrefix put before every operationId and tag so ids are unique across the platform's services
 *                          (default: {@code spring.application.name} without {@code -service}, e.g. {@code assistance})
 * @param schemaPrefix      put before every schema name so {@code ApplicationView} of two services do not clash
 *                          (default: the operationId prefix capitalised, e.g. {@code Assistance}); the shared
 *                          {@code Problem} schemas keep their names
 * @param hiddenPaths       more path patterns (Ant style, against the document's path templates) left out of the
 *                          published document, besides the built-in {@value #FIXTURES} (devstack fixtures)
 * @param queryTypes        the type of string query parameters by name, for handlers that take text to parse it
 *                          with their own problem: {@code integer}, {@code int64}, {@code date-time}, {@code date},
 *                          {@code boolean}; defaults {@code limit: integer}, {@code from/to/asOf: date-time};
 *                          entries here are added to (or replace) the defaults
 * @param failOnDuplicateOperationIds refuse to publish a document where two operations have the same id
 *                          (e.g. overloaded handler methods), naming both handlers; default false: the document
 *                          is published with the HTTP method added to each such id and a WARN naming them. Set it
 *                          true in a service's tests so a new duplicate fails the build.
 * @param requiredRequestComponents apply "a record component is required unless {@code @Nullable}" to request
 *                          bodies too (default false: in request bodies only primitives, validation annotations and
 *                          {@code @Schema(requiredMode = REQUIRED)} make a member required). Turn it on once the
 *                          service's optional request components are marked {@code @Nullable}; answers always get it.
 */
@ConfigurationProperties("minzheng.openapi")
public record OpenApiProperties(String title, String version, String description, String serverUrl,
                                String operationIdPrefix, String schemaPrefix, List<String> hiddenPaths,
                                Map<String, String> queryTypes, Boolean failOnDuplicateOperationIds,
                                Boolean requiredRequestComponents) {

    /** Devstack-only bulk fixtures (e.g. org-service's {@code /api/v1/orgs/admin/fixtures/organizations}). */
    public static final String FIXTURES = "/**/admin/fixtures/**";

    static final Map<String, String> DEFAULT_QUERY_TYPES = Map.of("limit", "integer", "from", "date-time",
            "to", "date-time", "asOf", "date-time");

    public OpenApiProperties {
        version = blank(version) ? "v1" : version.trim();
        serverUrl = blank(serverUrl) ? "/" : serverUrl.trim();
        hiddenPaths = hiddenPaths == null ? List.of(FIXTURES)
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(FIXTURES), hiddenPaths.stream()).distinct().toList();
        var types = new LinkedHashMap<String, String>(DEFAULT_QUERY_TYPES);
        if (queryTypes != null) {
            queryTypes.forEach((name, type) -> {
                if (!QueryTypes.KNOWN.contains(type)) {
                    throw new IllegalArgumentException("minzheng.openapi.query-types." + name + " is " + type
                            + "; one of " + QueryTypes.KNOWN);
                }
                types.put(name, type);
            });
        }
        queryTypes = Map.copyOf(types);
        failOnDuplicateOperationIds = failOnDuplicateOperationIds != null && failOnDuplicateOperationIds;
        requiredRequestComponents = requiredRequestComponents != null && requiredRequestComponents;
    }

    /** The properties with the defaults that depend on the application's name filled in. */
    OpenApiProperties forApplication(String applicationName) {
        String name = blank(applicationName) ? "service" : applicationName.trim();
        String prefix = blank(operationIdPrefix) ? defaultPrefix(name) : operationIdPrefix.trim();
        String schemas = blank(schemaPrefix) ? capitalise(prefix) : schemaPrefix.trim();
        String heading = blank(title) ? "民政服务平台 " + name : title.trim();
        return new OpenApiProperties(heading, version, description, serverUrl, prefix, schemas,
                hiddenPaths.subList(1, hiddenPaths.size()), queryTypes, failOnDuplicateOperationIds,
                requiredRequestComponents);
    }

    /** {@code assistance-service} → {@code assistance}, {@code org-service} → {@code org}, {@code a-b} → {@code aB}. */
    static String defaultPrefix(String applicationName) {
        String base = applicationName.endsWith("-service")
                ? applicationName.substring(0, applicationName.length() - "-service".length()) : applicationName;
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : base.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = out.length() > 0;
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : out.length() == 0 ? Character.toLowerCase(c) : c);
            upper = false;
        }
        return out.isEmpty() ? "service" : out.toString();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
