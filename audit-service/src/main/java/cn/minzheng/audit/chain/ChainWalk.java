package cn.minzheng.audit.chain;

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
 *
 * <p>With the record keys ({@link RecordMac}) it also checks each record's MAC, after its hash and
 * link: a record appended, altered or reordered by someone holding only the database credential is
 * named at its sequence ({@code MAC_INVALID}, {@code MAC_UNKNOWN_KEY}, {@code MAC_MISSING}) even when
 * its hashes are consistent and no checkpoint covers it yet. Records without a MAC before the first
 * record with one are the trail written before record MACs: counted in the verdict's
 * {@code unauthenticated} range, never passed silently; a record without a MAC after one with a MAC
 * is a failure.
 */
public final class ChainWalk {

    private final String chain;
    private final Map<Long, String> signedHeads;
    private final long firstSequence;
    private final String anchorHash;
    private final RecordMac macs;
    private long expectedSequence;
    private long authenticated;
    private boolean sawMac;
    private Long unauthenticatedFrom;
    private Long unauthenticatedTo;
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
        this(chain, firstSequence, anchorHash, signedHeads, null);
    }

    /**
     * @param macs the record keys, or {@code null} when MACs cannot be checked (an offline check
     *             without the key file): MACs are then neither checked nor required
     */
    public ChainWalk(String chain, long firstSequence, String anchorHash, Map<Long, String> signedHeads,
            RecordMac macs) {
        this.macs = macs;
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
        if (!macFits(r)) {
            return false;
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

    private boolean macFits(AuditRecord r) {
        boolean hasMac = r.mac() != null || r.macKeyId() != null;
        if (!hasMac) {
            if (sawMac) {
                return fail(new ChainFailure(ChainFailure.Kind.MAC_MISSING, expectedSequence, r.sequence(), null,
                        r.hash(), "record carries no MAC although the records before it do: added or stripped "
                        + "in the store"));
            }
            if (unauthenticatedFrom == null) {
                unauthenticatedFrom = r.sequence();
            }
            unauthenticatedTo = r.sequence();
            return true;
        }
        sawMac = true;
        if (macs == null) {
            return true;
        }
        RecordMac.Outcome outcome = macs.check(r);
        return switch (outcome) {
            case VALID -> {
                authenticated++;
                yield true;
            }
            case UNKNOWN_KEY -> fail(new ChainFailure(ChainFailure.Kind.MAC_UNKNOWN_KEY, expectedSequence,
                    r.sequence(), null, r.hash(), "record MAC names key " + r.macKeyId() + ", not one of "
                    + macs.keyIds()));
            case WRONG, NO_MAC -> fail(new ChainFailure(ChainFailure.Kind.MAC_INVALID, expectedSequence,
                    r.sequence(), null, r.hash(), "record MAC does not match the record: altered, moved or "
                    + "made without the record key"));
        };
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
                failure == null ? previousHash : null, signedUpTo, failure, anchorHash, macs != null, authenticated,
                unauthenticatedFrom == null ? null
                        : new ChainVerdict.Unauthenticated(unauthenticatedFrom, unauthenticatedTo));
    }

    private boolean fail(ChainFailure f) {
        failure = f;
        return false;
    }
}
