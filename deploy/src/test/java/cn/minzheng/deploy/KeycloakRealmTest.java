package cn.minzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two realm files: the production realm compose imports (no users; the console client, whose tokens
 * carry the claims every service reads) and the demo realm only docker-compose.dev.yml mounts. That the
 * production realm has no users, no password grant and brute-force protection is a
 * {@link DeploymentChecks} check.
 */
class KeycloakRealmTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final String PRODUCTION = "deploy/keycloak/minzheng-realm.json";
    static final String DEV = "deploy/keycloak/dev/minzheng-realm.json";
    static final Set<String> ROLES = Set.of("CITIZEN", "ORG_AGENT", "CLERK", "APPROVER", "REGISTRAR", "INSPECTOR",
            "LEGAL_REVIEWER", "AUDITOR", "ADMIN");

    static JsonNode read(String file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(ROOT.resolve(file)));
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /**
     * The gateway and every service refuse a token whose aud lacks minzheng-platform (issue 14 item 7).
     * Keycloak puts a client into aud when the user holds one of its roles (audience resolve, default
     * roles scope): every platform role includes the bearer-only client's platform-user, so a token
     * from any client of the realm — the console, the CLI, one an operator adds — carries it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PRODUCTION, DEV})
    void everyPlatformRoleBringsThePlatformAudience(String file) throws IOException {
        JsonNode realm = read(file);
        JsonNode platform = client(realm, "minzheng-platform");
        assertThat(platform.path("bearerOnly").asBoolean()).as("the audience client signs nobody in").isTrue();
        Set<String> clientRoles = new HashSet<>();
        realm.path("roles").path("client").path("minzheng-platform").forEach(r -> clientRoles.add(r.path("name").asString()));
        assertThat(clientRoles).contains("platform-user");
        Set<String> withAudience = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> {
            JsonNode composites = r.path("composites").path("client").path("minzheng-platform");
            composites.forEach(c -> {
                if ("platform-user".equals(c.asString()) && r.path("composite").asBoolean()) {
                    withAudience.add(r.path("name").asString());
                }
            });
        });
        assertThat(withAudience).as("roles of " + file + " that bring aud minzheng-platform").containsAll(ROLES);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PRODUCTION, DEV})
    void bothRealmsAreMinzhengWithEveryRoleAndTheRegionInTheUserProfile(String file) throws IOException {
        JsonNode realm = read(file);
        assertThat(realm.path("realm").asString()).isEqualTo("minzheng");
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asString()));
        assertThat(roles).containsAll(ROLES);
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asString();
        JsonNode attributes = JsonMapper.builder().build().readTree(profile).path("attributes");
        Set<String> names = new HashSet<>();
        attributes.forEach(a -> names.add(a.path("name").asString()));
        assertThat(names).as("declarative user profile of " + file).contains("username", "region");
    }

    @Test
    void theConsoleClientsTokensCarryRolesRegionAndName() throws IOException {
        JsonNode console = client(read(PRODUCTION), "minzheng-console");
        Map<String, JsonNode> mappers = new java.util.HashMap<>();
        console.path("protocolMappers").forEach(m -> mappers.put(m.path("protocolMapper").asString(), m));
        JsonNode roles = mappers.get("oidc-usermodel-realm-role-mapper");
        assertThat(roles).as("realm roles mapper").isNotNull();
        assertThat(roles.path("config").path("claim.name").asString()).isEqualTo("roles");
        assertThat(roles.path("config").path("multivalued").asString()).isEqualTo("true");
        assertThat(roles.path("config").path("access.token.claim").asString()).isEqualTo("true");
        JsonNode region = mappers.get("oidc-usermodel-attribute-mapper");
        assertThat(region.path("config").path("user.attribute").asString()).isEqualTo("region");
        assertThat(region.path("config").path("claim.name").asString()).isEqualTo("region");
        assertThat(region.path("config").path("access.token.claim").asString()).isEqualTo("true");
        assertThat(mappers).as("full name → name claim").containsKey("oidc-full-name-mapper");
    }

    @Test
    void theConsoleClientIsPublicWithCodeFlowPkceAndTheDeviceGrantForOperators() throws IOException {
        JsonNode console = client(read(PRODUCTION), "minzheng-console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(console.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(console.path("attributes").path("oauth2.device.authorization.grant.enabled").asString())
                .as("docs/operations.md: an operator's first token").isEqualTo("true");
        assertThat(console.path("redirectUris").get(0).asString()).isEqualTo("http://localhost:8080/*");
    }

    @Test
    void theDemoRealmHasADemoUserPerRoleWithARegionAndThePasswordGrantClient() throws IOException {
        JsonNode realm = read(DEV);
        Set<String> userRoles = new HashSet<>();
        realm.path("users").forEach(u -> {
            u.path("realmRoles").forEach(r -> userRoles.add(r.asString()));
            assertThat(u.path("attributes").path("region").isArray()).as("region of " + u.path("username")).isTrue();
        });
        assertThat(userRoles).containsAll(ROLES);
        assertThat(client(realm, "minzheng-cli").path("directAccessGrantsEnabled").asBoolean()).isTrue();
    }

    @Test
    void onlyTheDevOverrideMountsTheDemoRealmAndRunsKeycloakInDevMode() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(compose).contains("./" + PRODUCTION + ":/opt/keycloak/data/import/minzheng-realm.json:ro")
                .doesNotContain(DEV);
        Map<String, Object> dev = Deployment.map(Deployment.yaml().load(Files.readString(ROOT.resolve("docker-compose.dev.yml"))));
        Map<String, Object> keycloak = Deployment.map(Deployment.map(dev.get("services")).get("keycloak"));
        assertThat(Deployment.list(keycloak.get("command")).stream().map(String::valueOf).toList()).containsExactly("start-dev", "--import-realm");
        assertThat(Deployment.list(keycloak.get("volumes")).stream().map(String::valueOf).toList())
                .as("the same target as compose's mount, so the override replaces it")
                .containsExactly("./" + DEV + ":/opt/keycloak/data/import/minzheng-realm.json:ro");
    }
}
