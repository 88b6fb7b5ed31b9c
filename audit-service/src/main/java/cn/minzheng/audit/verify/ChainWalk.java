package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainDigest;
import java.util.Map;
import java.util.Objects;

/**
 * Re-walks one chain, record by record in the order they are offered, and stops at the first
 * record that does not fit. Streaming, so a range of any length needs constant memory.
 *
 * <p>A record fits when it belongs to the chain, carries the next sequence, its content and
 * prevHash recompute to its hash, its prevHash is the previous hash, and its hash equals the
 * signed checkpoint at its sequence, if there is one. Edits, deletions, insertions and reorders
 * each break one of these at the first affected sequence; a rewrite of the whole tail is caught by
 * the next signed checkpoint.
 */
public final class ChainWalk {

    private final String chain;
    private final Map<Long, String> signedHeads;
    private final long firstSequence;
    private final String anchorHash;
    private long expectedSequence;
    private String previousHash;
    private long count;
    private ChainFailure failure;

    /**
     * @param chain          the chain id
     * @param firstSequence  the sequence the walk starts at (1 for the whole chain)
     * @param anchorHash     the hash before {@code firstSequence} if known (genesis for 1), or
     *                       {@code null} to take the first record's prevHash on trust
     * @param signedHeads    sequence → head hash of checkpoints whose signatures were checked
     */
    public ChainWalk(String chain, long firstSequence, String anchorHash, Map<Long, String> signedHeads) {
        if (firstSequence < 1) {
            throw new IllegalArgumentException("sequences start at 1");
        }
        this.chain = Objects.requireNonNull(chain);
        this.firstSequence = firstSequence;
        this.expectedSequence = firstSequence;
        this.previousHash = firstSequence == 1 && anchorHash == null ? ChainDigest.GENESIS : anchorHash;
        this.anchorHash = previousHash;
        this.signedHeads = Map.copyOf(signedHeads);
    }

    /** Offers the next record; false once the walk has failed (further records are ignored). */
    public boolean accept(AuditRecord r) {
        if (failure != null) {
            return false;
        }
        if (!chain.equals(r.chain())) {
            return fail(new ChainFailure(ChainFailure.Kind.FOREIGN_RECORD, expectedSequence, r.sequence(),
                    null, r.hash(), "record of chain " + r.chain() + " inside chain " + chain));
        }
        if (r.sequence() > expectedSequence) {
            return fail(new ChainFailure(ChainFailure.Kind.MISSING, expectedSequence, r.sequence(),
                    previousHash, r.prevHash(), "sequence " + expectedSequence + " is missing"));
        }
        if (r.sequence() < expectedSequence) {
            return fail(new ChainFailure(ChainFailure.Kind.OUT_OF_ORDER, expectedSequence, r.sequence(),
                    previousHash, r.prevHash(), "sequence " + r.sequence() + " found where " + expectedSequence
                    + " belongs"));
        }
        String computed = r.computedHash();
        if (!computed.equals(r.hash())) {
            return fail(new ChainFailure(ChainFailure.Kind.CONTENT_CHANGED, expectedSequence, r.sequence(),
                    computed, r.hash(), "content does not match its hash"));
        }
        if (previousHash != null && !previousHash.equals(r.prevHash())) {
            return fail(new ChainFailure(ChainFailure.Kind.LINK_BROKEN, expectedSequence, r.sequence(),
                    previousHash, r.prevHash(), "prevHash is not the previous record's hash"));
        }
        String signed = signedHeads.get(r.sequence());
        if (signed != null && !signed.equals(r.hash())) {
            return fail(new ChainFailure(ChainFailure.Kind.CHECKPOINT_MISMATCH, expectedSequence, r.sequence(),
                    signed, r.hash(), "hash differs from the signed checkpoint"));
        }
        previousHash = r.hash();
        expectedSequence++;
        count++;
        return true;
    }

    /**
     * The verdict once every record was offered.
     *
     * @param lastSequence the sequence the walk must reach (the range end or the chain head), or
     *                     {@code null} to accept wherever the records ended
     */
    public ChainVerdict finish(Long lastSequence) {
        if (failure == null && lastSequence != null && expectedSequence <= lastSequence) {
            failure = new ChainFailure(ChainFailure.Kind.MISSING, expectedSequence, null, previousHash, null,
                    "chain ends before sequence " + lastSequence);
        }
        if (failure == null) {
            for (Map.Entry<Long, String> signed : signedHeads.entrySet()) {
                long seq = signed.getKey();
                if (seq >= expectedSequence && (lastSequence == null || seq <= lastSequence)) {
                    failure = new ChainFailure(ChainFailure.Kind.MISSING, expectedSequence, null, signed.getValue(),
                            null, "a checkpoint signs sequence " + seq + " but the records end before it");
                    break;
                }
            }
        }
        long last = expectedSequence - 1;
        long signedUpTo = signedHeads.keySet().stream()
                .filter(s -> s >= firstSequence && s <= last).mapToLong(Long::longValue).max().orElse(0);
        return new ChainVerdict(chain, failure == null, count, firstSequence, count == 0 ? null : last,
                failure == null ? previousHash : null, signedUpTo, failure, anchorHash);
    }

    private boolean fail(ChainFailure f) {
        failure = f;
        return false;
    }
}
