package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.ChainStore;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.BsonSerializationException;

/**
 * Tells a store failure that is one record's own fault (the store refused <em>that document</em>,
 * on every attempt) from the store being unavailable. Conservative by construction: a failure is
 * one record's only when it says so in a form that cannot mean an outage —
 * <ul>
 *   <li>the record could not be turned into a document at all ({@link ChainStore.UnstorableRecord},
 *       or the BSON encoder refused it: too large, not serialisable), no I/O happened;</li>
 *   <li>the server answered with a per-document write error whose code says the document itself is
 *       invalid ({@link #DOCUMENT_CODES}: bad value, invalid BSON, field names, failed validation,
 *       too large, key too long), without a retryable-write label and without a write-concern error.</li>
 * </ul>
 * Everything else — network errors, timeouts, not primary, shutting down, write concern, disk
 * full, not authorised, any code or exception not named here — is "unavailable": the batch is
 * retried and nothing is dead-lettered. A record refused for a reason not recognised here
 * therefore still holds its chain up, but loudly (ERROR log and {@code audit.ingest.store.failures}
 * every retry) rather than silently; extend {@link #DOCUMENT_CODES} only with codes that can never
 * be an outage.
 */
final class RecordRefusal {

    /**
     * MongoDB server error codes about the document itself (src/mongo/base/error_codes.yml):
     * 2 BadValue, 9 FailedToParse, 14 TypeMismatch, 22 InvalidBSON, 52 DollarPrefixedFieldName,
     * 53 InvalidIdField, 55 InvalidDBRef, 56 EmptyFieldName, 57 DottedFieldName,
     * 121 DocumentValidationFailure, 10334 BSONObjectTooLarge, 17280 KeyTooLong.
     */
    static final Set<Integer> DOCUMENT_CODES = Set.of(2, 9, 14, 22, 52, 53, 55, 56, 57, 121, 10334, 17280);

    /** The server's label of a write worth retrying (the driver keeps its constant internal). */
    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    private RecordRefusal() {
    }

    /** Why the store refused a record, when the failure is that record's own; empty when the store is unavailable. */
    static Optional<String> reasonOf(Throwable failure) {
        if (failure instanceof ChainStore.UnstorableRecord unstorable) {
            return Optional.of("no stored form: " + unstorable.getCause());
        }
        if (failure instanceof BsonMaximumSizeExceededException || failure instanceof BsonSerializationException) {
            return Optional.of("refused by the BSON encoder: " + failure.getMessage());
        }
        if (failure instanceof MongoException mongo && (mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR)
                || mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))) {
            return Optional.empty();
        }
        if (failure instanceof MongoWriteException write && DOCUMENT_CODES.contains(write.getError().getCode())) {
            return Optional.of(refused(write.getError().getCode(), write.getError().getMessage()));
        }
        if (failure instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
                && !bulk.getWriteErrors().isEmpty()
                && bulk.getWriteErrors().stream().allMatch(e -> DOCUMENT_CODES.contains(e.getCode()))) {
            BulkWriteError first = bulk.getWriteErrors().get(0);
            return Optional.of(refused(first.getCode(), first.getMessage()));
        }
        return Optional.empty();
    }

    private static String refused(int code, String message) {
        return "refused by the store (error " + code + "): " + message;
    }
}
