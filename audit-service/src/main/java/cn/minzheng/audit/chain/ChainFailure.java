package cn.minzheng.audit.chain;

/**
 * The first record of a walk that does not fit.
 *
 * @param sequence      the first sequence where the chain is wrong
 * @param foundSequence the sequence the offending record carries ({@code null} when the chain just ends)
 * @param expectedHash  what the hash (or prevHash) should be there
 * @param foundHash     what was found
 */
public record ChainFailure(Kind kind, long sequence, Long foundSequence, String expectedHash, String foundHash,
        String reason) {

    public enum Kind {
        /** The record's content or prevHash no longer gives its hash: it was edited. */
        CONTENT_CHANGED,
        /** The record's prevHash is not the previous hash: a record before it was replaced or inserted. */
        LINK_BROKEN,
        /** A sequence is absent: deleted, or moved later by a reorder. */
        MISSING,
        /** A sequence comes again or too early: inserted or moved earlier by a reorder. */
        OUT_OF_ORDER,
        /** A record of another chain sits in this one. */
        FOREIGN_RECORD,
        /** The hash at a signed checkpoint is not the signed one: the chain was rewritten. */
        CHECKPOINT_MISMATCH,
        /**
         * The record's MAC does not match it: altered, moved or made without the record key (a record
         * appended or rewritten with the database credential alone).
         */
        MAC_INVALID,
        /** The record's MAC names a record key the verifier does not hold (forged, or a retired key not configured). */
        MAC_UNKNOWN_KEY,
        /**
         * The record carries no MAC although a record before it in the walk does: MACs are written
         * from the upgrade on, so a later record without one was added or stripped in the store.
         */
        MAC_MISSING
    }
}
