package cn.minzheng.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.ChainStore;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonMaximumSizeExceededException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which store failures are one record's own (dead-letter it) and which mean the store is unavailable (retry). */
class RecordRefusalTest {

    private static final ServerAddress SERVER = new ServerAddress();

    static Stream<Arguments> failures() {
        return Stream.of(
                // one record's own
                Arguments.of("no document form", new ChainStore.UnstorableRecord("e-1", new ArithmeticException("long overflow")), true),
                Arguments.of("over 16 MB", new BsonMaximumSizeExceededException("Payload document size is larger than maximum of 16793600."), true),
                Arguments.of("failed validation", write(121, Set.of()), true),
                Arguments.of("bad value", write(2, Set.of()), true),
                Arguments.of("key too long", write(17280, Set.of()), true),
                Arguments.of("bulk: failed validation", bulk(121, null), true),
                // the store unavailable, or not surely the record's fault
                Arguments.of("duplicate key (a race)", write(11000, Set.of()), false),
                Arguments.of("disk full", write(14031, Set.of()), false),
                Arguments.of("not primary as a write error", write(10107, Set.of()), false),
                Arguments.of("unknown code", write(99999, Set.of()), false),
                Arguments.of("document code, but labelled retryable", write(121, Set.of("RetryableWriteError")), false),
                Arguments.of("bulk with a write-concern error", bulk(121, new WriteConcernError(64, "WriteConcernFailed",
                        "waiting for replication timed out", new BsonDocument())), false),
                Arguments.of("bulk, one error an outage", new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
                        List.of(new BulkWriteError(121, "Document failed validation", new BsonDocument(), 0),
                                new BulkWriteError(91, "shutdown in progress", new BsonDocument(), 1)), null, SERVER, Set.of()), false),
                Arguments.of("connection lost", new MongoSocketReadException("Prematurely reached end of stream", SERVER), false),
                Arguments.of("no server", new MongoTimeoutException("Timed out while waiting for a server"), false),
                Arguments.of("not primary", new MongoNotPrimaryException(new BsonDocument(), SERVER), false),
                Arguments.of("not authorised", new MongoCommandException(BsonDocument.parse(
                        "{ok: 0, code: 13, errmsg: 'not authorized on audit to execute command'}"), SERVER), false),
                Arguments.of("write concern", new MongoWriteConcernException(new WriteConcernError(64, "WriteConcernFailed",
                        "timed out", new BsonDocument()), WriteConcernResult.unacknowledged(), SERVER, Set.of()), false),
                Arguments.of("a blocking wait timed out", new IllegalStateException("Timeout on blocking read for 30000000000 NANOSECONDS"), false),
                Arguments.of("anything else", new IllegalArgumentException("a bug"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void onlyAFailureThatNamesTheDocumentIsTheRecordsOwn(String what, Throwable failure, boolean recordsOwn) {
        assertThat(RecordRefusal.reasonOf(failure).isPresent()).as(what).isEqualTo(recordsOwn);
    }

    private static MongoWriteException write(int code, Set<String> labels) {
        return new MongoWriteException(new WriteError(code, "error " + code, new BsonDocument()), SERVER, labels);
    }

    private static MongoBulkWriteException bulk(int code, WriteConcernError concern) {
        return new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
                List.of(new BulkWriteError(code, "Document failed validation", new BsonDocument(), 3)), concern, SERVER,
                Set.of());
    }
}
