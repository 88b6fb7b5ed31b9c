package cn.minzheng.audit.projection;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.LocalDate;

/**
 * The record-count projection in Mongo ({@link CountBuckets}): bucket documents in
 * {@value #BUCKETS} ({@code _id} {@code <generation>|d|<day>} or {@code <generation>|h|<hour>}),
 * its watermarks and state under {@value #STATE_ID} in {@value Projections#STATE}
 * ({@link GenerationStore}).
 */
public class RecordCountStore extends GenerationStore {

    public static final String BUCKETS = "record_counts";
    static final String STATE_ID = "record-counts";

    public RecordCountStore(MongoDatabase database) {
        super(database, BUCKETS, STATE_ID);
    }

    static String dayId(int generation, LocalDate day) {
        return generation + "|d|" + day;
    }

    static String hourId(int generation, long hour) {
        return generation + "|h|" + hour;
    }
}
