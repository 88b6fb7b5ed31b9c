package cn.minzheng.platform.kit.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * When a drain may take the claim of a document it has just read, and on which token its
 * compare-and-set must insist. Plain Java.
 *
 * <p>The claim is taken with one {@code findOneAndUpdate} on exactly {@code {_id, outboxClaim.token}}:
 * the {@code _id} read, and the token seen ({@code null} when there is no claim, or an old claim
 * without one). Each claim gets a fresh token and is never extended, only released or taken over,
 * so the token names one {@code {owner, until}}: if it is still there, nothing changed since the read
 * and the takeover is as safe as the old filter "unclaimed or expired" evaluated by the server.
 */
final class ClaimRule {

    /** Take the claim if {@code outboxClaim.token} is still {@code expectedToken} (may be {@code null}). */
    record Takeover(Object expectedToken) {
    }

    private ClaimRule() {
    }

    /**
     * {@code claim} is the document's {@code outboxClaim} value as read ({@code null} when absent). Empty
     * when a live claim holds the document; a claim whose {@code until} is missing or unreadable counts as
     * live (the server-side filter {@code until < now} never matched it either).
     */
    static Optional<Takeover> takeover(Object claim, Instant now) {
        if (claim == null) {
            return Optional.of(new Takeover(null));
        }
        if (claim instanceof Map<?, ?> held && held.get("until") instanceof Date until
                && until.toInstant().isBefore(now)) {
            return Optional.of(new Takeover(held.get("token")));
        }
        return Optional.empty();
    }
}
