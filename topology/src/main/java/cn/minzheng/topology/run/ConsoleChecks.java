package cn.minzheng.topology.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.topology.compose.ComposeProject;
import cn.minzheng.topology.compose.ComposeService;
import cn.minzheng.topology.hosts.Network;

/**
 * The web console as compose runs it, used the way a citizen does in a browser on the machine compose runs on
 * ({@code http://localhost:8080}, the gateway's published port): the home page through the gateway; a protected
 * page sends the browser to Keycloak (the published address of {@code KEYCLOAK_URL}) with the realm's public
 * client and PKCE S256; the citizen signs in on Keycloak's own login form; back at the console (which exchanged
 * the code inside the network), the page lists the case the citizen applied for. The session cookie is Secure
 * as in production: browsers send Secure cookies to http://localhost.
 */
final class ConsoleChecks {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final ComposeProject compose;
    private final Network network;
    private final Report report;

    ConsoleChecks(ComposeProject compose, Network network, Report report) {
        this.compose = compose;
        this.network = network;
        this.report = report;
    }

    /** Runs the checks; a failure is reported (with what the browser saw) and the run goes on. */
    void run(String username, String password, String caseNumber) {
        if (!compose.services().containsKey("console")) {
            report.fail("compose runs the web console", "docker-compose.yml has no service console");
            return;
        }
        try {
            signIn(username, password, caseNumber);
        } catch (RuntimeException e) {
            report.fail("the citizen uses the web console through the gateway", e.getMessage());
        }
    }

    private void signIn(String username, String password, String caseNumber) {
        Map<String, String> console = compose.service("console").environment();
        String clientId = console.get("CONSOLE_CLIENT_ID");
        String issuer = console.get("CONSOLE_ISSUER_URI");
        // a browser on the machine compose runs on: the gateway's published port, as the shipped realm's client
        // expects it (redirect URIs http://localhost:8080/*); another public URL is the operator's one step
        // (docs/operations.md, "The web console")
        String origin = "http://localhost:" + publishedPort("gateway");
        Browser browser = new Browser(published());
        Browser.Page[] home = new Browser.Page[1];
        report.await("the console's home page is served through the gateway (" + origin + "/console/, 200 text/html)",
                Duration.ofSeconds(180), () -> {
                    home[0] = browser.get(origin + "/console/");
                    return home[0].status() == 200 && home[0].body().contains("<html");
                }, () -> ": " + home[0]);

        List<Browser.Page> toLogin = browser.follow(browser.get(origin + "/console/citizen/cases"), 5);
        Browser.Page loginPage = toLogin.get(toLogin.size() - 1);
        String authorization = toLogin.stream().map(Browser.Page::location)
                .filter(l -> l != null && l.startsWith(issuer + "/protocol/openid-connect/auth?")).findFirst().orElse("");
        String redirectUri = origin + "/console/login/oauth2/code/";
        Map<String, String> asked = authorization.isEmpty() ? Map.of() : Browser.query(authorization);
        report.check("a protected console page sends the browser to Keycloak at " + issuer + " with the client " + clientId
                        + ", PKCE S256 and the console's redirect URI",
                clientId.equals(asked.get("client_id")) && "S256".equals(asked.get("code_challenge_method"))
                        && !asked.getOrDefault("code_challenge", "").isEmpty()
                        && asked.getOrDefault("redirect_uri", "").startsWith(redirectUri),
                () -> hops(toLogin));
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (loginPage.status() != 200 || !form.find()) {
            throw new IllegalStateException("no Keycloak login form at the end of " + hops(toLogin));
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("Keycloak's login form has no action: " + form.group());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        List<Browser.Page> back = browser.follow(browser.postForm(action.group(1).replace("&amp;", "&"), fields), 5);
        Browser.Page landed = back.get(back.size() - 1);
        report.check("the citizen signs in on Keycloak's login form and lands on the console (" + landed.status() + " "
                        + landed.url() + ")",
                landed.status() == 200 && landed.url().startsWith(origin + "/console/")
                        && back.stream().anyMatch(p -> p.url().startsWith(redirectUri)),
                () -> hops(back));
        String session = Browser.setCookie(back, "CONSOLE_SESSION");
        report.check("the console's session cookie is Secure, HttpOnly, SameSite=Lax, Path=/console (" + session + ")",
                session.contains("; secure") && session.contains("httponly") && session.contains("samesite=lax")
                        && session.contains("path=/console"),
                () -> hops(back));
        Browser.Page cases = browser.get(origin + "/console/citizen/cases");
        report.check("the console lists case " + caseNumber + " to the citizen who applied (the console called the gateway with"
                + " the Keycloak token)", cases.status() == 200 && cases.body().contains(caseNumber), cases::toString);
    }

    private int publishedPort(String service) {
        return compose.service(service).ports().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(service + " publishes no port")).hostPort();
    }

    /** Every port compose publishes on the host (as users type it) → where the run reaches the service. */
    private Map<String, String> published() {
        Map<String, String> published = new LinkedHashMap<>();
        for (ComposeService service : compose.services().values()) {
            for (ComposeService.PublishedPort port : service.ports()) {
                String reached = network.host(service.name()).address() + ":" + port.containerPort();
                published.put("localhost:" + port.hostPort(), reached);
                published.put("127.0.0.1:" + port.hostPort(), reached);
            }
        }
        return published;
    }

    private static String hops(List<Browser.Page> pages) {
        StringBuilder out = new StringBuilder();
        for (Browser.Page p : pages) {
            out.append("\n    ").append(p.status()).append(' ').append(p.url())
                    .append(p.location() == null ? "" : " → " + p.location());
        }
        Browser.Page last = pages.get(pages.size() - 1);
        String body = last.body().length() > 600 ? last.body().substring(0, 600) + "…" : last.body();
        return out + "\n    last body: " + body;
    }

}
