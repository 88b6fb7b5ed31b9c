package cn.minzheng.audit.chain;

/**
 * The answer of a verification: OK with the number of records checked, or the first failure.
 *
 * @param headHash   the hash of the last record checked, when OK
 * @param signedUpTo the highest sequence in the range covered by a signed checkpoint (0 if none)
 * @param anchorHash the hash the walk started from: the stored hash of {@code fromSequence - 1}
 *                   (64 zeros from sequence 1), null when it was not known — with {@code headHash}
 *                   it pins both ends of the range, which is how an offline check of a query export
 *                   confirms a gap online
 * @param macsChecked whether record MACs were checked (a verifier without the record key cannot)
 * @param authenticatedCount records whose MAC was checked and valid
 * @param unauthenticated the records of the walk that carry no MAC (written before record MACs):
 *                   they are proven only by the keyless hash chain and the signed checkpoints;
 *                   null when there are none
 */
public record ChainVerdict(String chain, boolean ok, long count, long fromSequence, Long toSequence,
        String headHash, long signedUpTo, ChainFailure failure, String anchorHash, boolean macsChecked,
        long authenticatedCount, Unauthenticated unauthenticated) {

    /** Records without a MAC: a range at the start of the walk (MACs, once begun, never stop). */
    public record Unauthenticated(long fromSequence, long toSequence) {
        public long count() {
            return toSequence - fromSequence + 1;
        }

        public String reason() {
            return "sequences " + fromSequence + ".." + toSequence + " carry no record MAC (written before record "
                    + "MACs): they are proven by the hash chain and the signed checkpoints only, not against a "
                    + "holder of the database credential";
        }
    }

    /** What the walk found, in one word: {@code TAMPERED}, {@code UNAUTHENTICATED_RECORDS}, {@code MACS_NOT_CHECKED} or {@code AUTHENTICATED}. */
    public String status() {
        if (!ok) {
            return "TAMPERED";
        }
        if (unauthenticated != null) {
            return "UNAUTHENTICATED_RECORDS";
        }
        return macsChecked ? "AUTHENTICATED" : "MACS_NOT_CHECKED";
    }

    /** Intact, and every record's MAC checked and valid. */
    public boolean authenticated() {
        return "AUTHENTICATED".equals(status());
    }
}
