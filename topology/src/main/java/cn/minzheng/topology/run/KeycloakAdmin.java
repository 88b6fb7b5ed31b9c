package cn.minzheng.topology.run;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Keycloak's admin REST API as an operator would use it: read the imported realm, create the run's
 * own users and its own test client (the shipped realm has neither), get tokens.
 */
final class KeycloakAdmin {

    static final String REALM = "minzheng";

    private final String base;
    private final String adminToken;
    private final String testClient;

    private KeycloakAdmin(String base, String adminToken, String testClient) {
        this.base = base;
        this.adminToken = adminToken;
        this.testClient = testClient;
    }

    /** Signs in to the master realm with the bootstrap admin compose configures. */
    static KeycloakAdmin signIn(String base, String user, String password, String testClient) {
        Http.Answer answer = Http.form(base + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot sign in to Keycloak's admin API as " + user + ": " + answer);
        }
        return new KeycloakAdmin(base, answer.json().path("access_token").asString(), testClient);
    }

    JsonNode realm() {
        return get("/admin/realms/" + REALM);
    }

    JsonNode users() {
        return get("/admin/realms/" + REALM + "/users?max=100");
    }

    JsonNode clients() {
        return get("/admin/realms/" + REALM + "/clients");
    }

    /** A public client with the password grant, for this run only (the shipped realm has none). */
    void createTestClient() {
        Map<String, Object> client = Map.of(
                "clientId", testClient,
                "name", "production-topology run (created for one run, deleted with its Keycloak data)",
                "publicClient", true,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "protocolMappers", List.of(
                        mapper("roles", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "roles", "multivalued", "true")),
                        mapper("region", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "region", "claim.name", "region")),
                        mapper("name", "oidc-full-name-mapper", Map.of())));
        expect(Http.send("POST", base + "/admin/realms/" + REALM + "/clients", auth(), client), 201, "create the test client");
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        Map<String, String> all = new java.util.LinkedHashMap<>(config);
        all.put("access.token.claim", "true");
        all.put("id.token.claim", "false");
        all.put("userinfo.token.claim", "false");
        all.putIfAbsent("jsonType.label", "String");
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", all);
    }

    /** A user with one realm role and a region, through the admin API. */
    void createUser(String username, String password, String familyName, String givenName, String role, String region) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", givenName, "lastName", familyName, "email", username + "@topology.invalid",
                "attributes", Map.of("region", List.of(region)),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        expect(Http.send("POST", base + "/admin/realms/" + REALM + "/users", auth(), user), 201, "create user " + username);
        String id = get("/admin/realms/" + REALM + "/users?exact=true&username=" + username).path(0).path("id").asString();
        JsonNode roleRepresentation = get("/admin/realms/" + REALM + "/roles/" + role);
        expect(Http.send("POST", base + "/admin/realms/" + REALM + "/users/" + id + "/role-mappings/realm", auth(),
                List.of(Http.JSON.convertValue(roleRepresentation, Map.class))), 204, "give " + username + " the role " + role);
    }

    /** An access token for the user, from the realm's token endpoint. */
    String token(String username, String password) {
        Http.Answer answer = Http.form(base + "/realms/" + REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", testClient, "username", username, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + answer);
        }
        return answer.json().path("access_token").asString();
    }

    /** What a token for the user claims (payload of the JWT). */
    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return Http.JSON.readTree(new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) {
        Http.Answer answer = Http.send("GET", base + path, auth(), null);
        expect(answer, 200, "GET " + path);
        return answer.json();
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + adminToken);
    }

    private static void expect(Http.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException("Keycloak: cannot " + what + ": " + answer);
        }
    }
}
