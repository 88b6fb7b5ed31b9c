package cn.minzheng.identity;

import java.io.IOException;

import cn.minzheng.platform.embedded.LocalTokenIssuer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The old issuer's scripted endpoints, answered by its own code ({@link LocalTokenIssuer#answer}): a token for
 * any person from {@code POST /token} (tests, the benchmark, the docs' examples) and the public key at
 * {@code GET /.well-known/jwks.json} — the same key that signs the code flow's tokens.
 */
@RestController
class ScriptedTokenController {

    static final String TOKEN_PATH = "/token";
    static final String JWKS_PATH = "/.well-known/jwks.json";

    private final LocalTokenIssuer issuer;

    ScriptedTokenController(LocalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** Every method: the old issuer's 405 problem, not Spring's, for the wrong one. */
    @RequestMapping(path = {TOKEN_PATH, JWKS_PATH})
    ResponseEntity<String> answer(HttpServletRequest request) throws IOException {
        LocalTokenIssuer.Answer answer = issuer.answer(request.getMethod(), request.getRequestURI(), request.getInputStream());
        return ResponseEntity.status(answer.status())
                .contentType(MediaType.parseMediaType(answer.contentType() + ";charset=UTF-8"))
                .cacheControl(CacheControl.noStore())
                .body(answer.body());
    }
}
