package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainFailure;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.checkpoint.Checkpoint;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
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

    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9._-]{1,200}-\\d{1,6}");

    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final Verification verification;
    private final SigningKey key;
    private final VerificationKeys keys;
    private final ReadBounds bounds;

    public IntegrityController(ChainStore chains, CheckpointStore checkpoints, Verification verification,
            SigningKey key, VerificationKeys keys, ReadBounds bounds) {
        this.bounds = bounds;
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.key = key;
        this.keys = keys;
    }

    /** Every chain's head and its latest signed checkpoint. */
    @GetMapping("/chains")
    public Flux<Map<String, Object>> chains() {
        return chains.heads().concatMap(stored -> Mono.zip(chains.head(stored.chain()),
                checkpoints.latest(stored.chain()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(t -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("chain", t.getT1().chain());
                    m.put("sequence", t.getT1().sequence());
                    m.put("hash", t.getT1().hash());
                    m.put("latestCheckpoint", t.getT2().map(Checkpoint::toJson).orElse(null));
                    return m;
                }));
    }

    /** A verification request: the chain and an optional range. */
    public record VerifyRequest(String chain, Long fromSequence, Long toSequence) {
    }

    @PostMapping("/verifications")
    public Mono<Map<String, Object>> verify(@RequestBody VerifyRequest request) {
        return run(request.chain(), request.fromSequence(), request.toSequence(), "/chain", "/fromSequence", "/toSequence");
    }

    @GetMapping("/chains/{chain}/verification")
    public Mono<Map<String, Object>> verify(@PathVariable String chain, @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to) {
        return run(chain, from, to, "/chain", "/from", "/to");
    }

    @GetMapping("/chains/{chain}/checkpoints")
    public Flux<Map<String, Object>> checkpoints(@PathVariable String chain) {
        requireChain(chain, "/chain");
        return checkpoints.of(chain, 0, null).map(Checkpoint::toJson);
    }

    /**
     * The Ed25519 public key that signs checkpoints now (top-level fields) and every key a stored
     * checkpoint may carry the id of ({@code keys}: current and retired), no token needed.
     */
    @GetMapping("/public/key")
    public Map<String, Object> publicKey() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "Ed25519");
        m.put("keyId", key.keyId());
        m.put("publicKeyPem", PublicKeys.toPem(key.publicKey()));
        m.put("publicKeyBase64", PublicKeys.toBase64(key.publicKey()));
        m.put("signedContent", "RFC 8785 canonical JSON of {chain, sequence, hash, signedAt, keyId}");
        m.put("keys", keys.entries().stream().map(e -> {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("keyId", e.keyId());
            k.put("status", e.current() ? "current" : "retired");
            k.put("publicKeyPem", PublicKeys.toPem(e.publicKey()));
            k.put("publicKeyBase64", PublicKeys.toBase64(e.publicKey()));
            return k;
        }).toList());
        return m;
    }

    /** The current public key as PEM. */
    @GetMapping(value = "/public/key.pem", produces = "application/x-pem-file")
    public String publicKeyPem() {
        return PublicKeys.toPem(key.publicKey());
    }

    /** Current and retired public keys as consecutive PEM blocks (what {@code OfflineVerifier} reads). */
    @GetMapping(value = "/public/keys.pem", produces = "application/x-pem-file")
    public String publicKeysPem() {
        StringBuilder pem = new StringBuilder();
        keys.entries().forEach(e -> pem.append(PublicKeys.toPem(e.publicKey())));
        return pem.toString();
    }

    private Mono<Map<String, Object>> run(String chain, Long from, Long to, String chainPointer, String fromPointer,
            String toPointer) {
        List<FieldProblem> errors = new ArrayList<>();
        if (chain == null || !CHAIN.matcher(chain).matches()) {
            errors.add(FieldProblem.withMessage(chainPointer, "invalid-chain", "chain is <topic>-<partition>"));
        }
        if (from != null && from < 1) {
            errors.add(FieldProblem.withMessage(fromPointer, "invalid-sequence", "sequences start at 1"));
        }
        if (to != null && (to < 1 || (from != null && to < from))) {
            errors.add(FieldProblem.withMessage(toPointer, "invalid-sequence", "to is at least from"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new ValidationProblem(errors));
        }
        return CallerScope.current()
                .flatMap(caller -> caller.principal().has(Role.ADMIN) ? Mono.just(true)
                        : withinSpan(chain, from, to, fromPointer, toPointer))
                .flatMap(allowed -> verification.verify(chain, from, to))
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("chain", chain)))
                .map(IntegrityController::toJson);
    }

    /**
     * An auditor's range as the walk would run it (an open end is the head) is at most the configured
     * span; refused before any record is read. Empty when the chain has no records (404 follows).
     */
    private Mono<Boolean> withinSpan(String chain, Long from, Long to, String fromPointer, String toPointer) {
        long first = from == null ? 1 : from;
        if (to != null && bounds.verifyRefusal(first, to, fromPointer, toPointer).isEmpty()) {
            return Mono.just(true); // short enough whatever the head: no head read needed
        }
        return chains.head(chain).filter(h -> h.sequence() > 0).flatMap(head -> {
            long last = to == null ? head.sequence() : Math.min(to, head.sequence());
            return bounds.verifyRefusal(first, Math.max(first, last), fromPointer, toPointer)
                    .<Mono<Boolean>>map(Mono::error).orElseGet(() -> Mono.just(true));
        });
    }

    private static void requireChain(String chain, String pointer) {
        if (chain == null || !CHAIN.matcher(chain).matches()) {
            throw new ValidationProblem(FieldProblem.withMessage(pointer, "invalid-chain", "chain is <topic>-<partition>"));
        }
    }

    static Map<String, Object> toJson(ChainVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chain", v.chain());
        m.put("ok", v.ok());
        m.put("verdict", v.status());
        m.put("authenticated", v.authenticated());
        m.put("count", v.count());
        m.put("fromSequence", v.fromSequence());
        m.put("toSequence", v.toSequence());
        m.put("anchorHash", v.anchorHash());
        m.put("headHash", v.headHash());
        m.put("signedUpTo", v.signedUpTo());
        Map<String, Object> macs = new LinkedHashMap<>();
        macs.put("checked", v.macsChecked());
        macs.put("valid", v.authenticatedCount());
        if (v.unauthenticated() != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("fromSequence", v.unauthenticated().fromSequence());
            range.put("toSequence", v.unauthenticated().toSequence());
            range.put("count", v.unauthenticated().count());
            range.put("reason", v.unauthenticated().reason());
            macs.put("unauthenticated", range);
        } else {
            macs.put("unauthenticated", null);
        }
        m.put("recordMacs", macs);
        if (v.failure() != null) {
            ChainFailure f = v.failure();
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("sequence", f.sequence());
            failure.put("kind", f.kind().name());
            failure.put("expectedHash", f.expectedHash());
            failure.put("foundHash", f.foundHash());
            failure.put("foundSequence", f.foundSequence());
            failure.put("reason", f.reason());
            m.put("failure", failure);
        }
        return m;
    }
}
