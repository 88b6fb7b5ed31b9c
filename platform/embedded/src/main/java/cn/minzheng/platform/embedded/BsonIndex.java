package cn.minzheng.platform.embedded;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.backend.KeyValue;

/** What {@link BsonQueryPlanner} needs of an index: its fields, whether it is multikey, a range read. */
interface BsonIndex {

    /** The indexed fields, in key order. */
    List<String> fields();

    /** Whether some document gave this index more than one key (an array value). Once true, stays true. */
    boolean multikey();

    boolean unique();

    /**
     * Reads the index from the first key ≥ {@code from} ({@code null}: from the start) in key order
     * while {@code whileTrue} holds, handing each entry's position (a document's {@code _id}) on.
     * The keys it tests are the index's own (without the position a non-unique index appends).
     */
    void scan(KeyValue from, Predicate<KeyValue> whileTrue, Consumer<Object> positions);
}
