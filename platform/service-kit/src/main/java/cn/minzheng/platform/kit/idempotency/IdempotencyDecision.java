package cn.minzheng.platform.kit.idempotency;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What to do with a request whose {@code Idempotency-Key} is already on record. Plain Java.
 */
public final class IdempotencyDecision {

    /** Outcome for a repeated key. */
    public enum Outcome {
        /** The first request finished: send its response again. */
        REPLAY,
        /** Same key, different request: 422. */
        KEY_REUSED,
        /** The first request is still running: 409, retry later. */
        IN_FLIGHT,
        /** The record expired (24 h) or its in-flight lease ran out (crashed instance): claim anew. */
        RECLAIM
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private IdempotencyDecision() {
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static Outcome decide(String storedHash, boolean completed, Instant expiresAt, Instant inFlightUntil,
                                 String requestHash, Instant now) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Outcome.RECLAIM;
        }
        if (!completed && inFlightUntil != null && !now.isBefore(inFlightUntil)) {
            return Outcome.RECLAIM;
        }
        if (!storedHash.equals(requestHash)) {
            return Outcome.KEY_REUSED;
        }
        return completed ? Outcome.REPLAY : Outcome.IN_FLIGHT;
    }
}
