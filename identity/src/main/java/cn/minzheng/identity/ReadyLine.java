package cn.minzheng.identity;

import java.nio.file.Path;

import cn.minzheng.platform.embedded.LocalTokenIssuer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Once the server listens: the demo users' scripted tokens into {@code tokens.json}, then the line the
 * devstack waits for — the old issuer's, word for word ("… ready; JWKS …; demo tokens in …").
 */
@Component
class ReadyLine implements ApplicationListener<ApplicationReadyEvent> {

    private final LocalTokenIssuer issuer;
    private final IdentityProperties properties;

    ReadyLine(LocalTokenIssuer issuer, IdentityProperties properties) {
        this.issuer = issuer;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Path tokens = properties.tokensFile();
        issuer.writeDemoTokens(tokens);
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        System.out.println("token issuer " + issuer.issuer() + " ready; JWKS http://127.0.0.1:" + port
                + ScriptedTokenController.JWKS_PATH + "; demo tokens in " + tokens.toAbsolutePath());
        System.out.println("OpenID Connect provider " + properties.issuer() + "/.well-known/openid-configuration; client "
                + IdentityConfiguration.CONSOLE_CLIENT_ID + " redirects to " + properties.console().redirectUriForms());
    }
}
