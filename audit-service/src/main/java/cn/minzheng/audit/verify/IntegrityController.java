package cn.minzheng.audit.verify;

import cn.minzheng.audit.verify.IntegrityViews.ChainView;
import cn.minzheng.audit.verify.IntegrityViews.CheckpointView;
import cn.minzheng.audit.verify.IntegrityViews.PublicKeyView;
import cn.minzheng.audit.verify.IntegrityViews.VerdictView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Chain heads, verification, checkpoints and the public key (the only unauthenticated path). */
@RestController
@RequestMapping("/api/v1/audit")
public class IntegrityController {

    private final ChainIntegrity integrity;

    public IntegrityController(ChainIntegrity integrity) {
        this.integrity = integrity;
    }

    /** Every chain's head and its latest signed checkpoint. */
    @GetMapping("/chains")
    public Flux<ChainView> chains() {
        return integrity.chains();
    }

    /** A verification request: the chain and an optional range. */
    public record VerifyRequest(String chain, Long fromSequence, Long toSequence) {
    }

    @PostMapping("/verifications")
    public Mono<VerdictView> verify(@RequestBody VerifyRequest request) {
        return integrity.verify(VerificationQuery.parse(request.chain(), request.fromSequence(), request.toSequence(),
                "/chain", "/fromSequence", "/toSequence"));
    }

    @GetMapping("/chains/{chain}/verification")
    public Mono<VerdictView> verifyChain(@PathVariable String chain, @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to) {
        return integrity.verify(VerificationQuery.parse(chain, from, to, "/chain", "/from", "/to"));
    }

    @GetMapping("/chains/{chain}/checkpoints")
    public Flux<CheckpointView> checkpoints(@PathVariable String chain) {
        return integrity.checkpoints(VerificationQuery.chain(chain, "/chain"));
    }

    /**
     * The Ed25519 public key that signs checkpoints now (top-level fields) and every key a stored
     * checkpoint may carry the id of ({@code keys}: current and retired), no token needed.
     */
    @GetMapping("/public/key")
    public PublicKeyView publicKey() {
        return integrity.publicKey();
    }

    /** The current public key as PEM. */
    @GetMapping(value = "/public/key.pem", produces = "application/x-pem-file")
    public String publicKeyPem() {
        return integrity.publicKeyPem();
    }

    /** Current and retired public keys as consecutive PEM blocks (what {@code OfflineVerifier} reads). */
    @GetMapping(value = "/public/keys.pem", produces = "application/x-pem-file")
    public String publicKeysPem() {
        return integrity.publicKeysPem();
    }
}
