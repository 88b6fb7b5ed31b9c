package cn.minzheng.audit.verify;

/**
 * The answer of a verification: OK with the number of records checked, or the first failure.
 *
 * @param headHash   the hash of the last record checked, when OK
 * @param signedUpTo the highest sequence in the range covered by a signed checkpoint (0 if none)
 * @param anchorHash the hash the walk started from: the stored hash of {@code fromSequence - 1}
 *                   (64 zeros from sequence 1), null when it was not known — with {@code headHash}
 *                   it pins both ends of the range, which is how an offline check of a query export
 *                   confirms a gap online
 */
public record ChainVerdict(String chain, boolean ok, long count, long fromSequence, Long toSequence,
        String headHash, long signedUpTo, ChainFailure failure, String anchorHash) {
}
