package cn.minzheng.audit.verify;

/**
 * The answer of a verification: OK with the number of records checked, or the first failure.
 *
 * @param headHash   the hash of the last record checked, when OK
 * @param signedUpTo the highest sequence in the range covered by a signed checkpoint (0 if none)
 */
public record ChainVerdict(String chain, boolean ok, long count, long fromSequence, Long toSequence,
        String headHash, long signedUpTo, ChainFailure failure) {
}
