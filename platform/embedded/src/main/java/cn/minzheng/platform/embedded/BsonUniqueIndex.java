package cn.minzheng.platform.embedded;

import java.util.List;
import java.util.Map.Entry;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in an MVMap with BSON keys ({@link BsonDataTypes.KeyValueType}): key → the
 * document's position (its {@code _id}). mongo-java-server's own rules (duplicate checks, sparse,
 * multikey expansion) come from {@link AbstractUniqueIndex}; {@link #scan} lets the query planner
 * read a range of it.
 */
final class BsonUniqueIndex extends AbstractUniqueIndex<Object> implements BsonIndex {

    private final MVMap<KeyValue, Object> map;
    private final MultikeyFlags multikey;

    BsonUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse, MultikeyFlags multikey) {
        super(name, keys, sparse);
        this.map = map;
        this.multikey = multikey;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    public synchronized void add(de.bwaldvogel.mongo.bson.Document document, Object position,
                                 de.bwaldvogel.mongo.MongoCollection<Object> collection) {
        super.add(document, position, collection);
        multikey.noteIfMultikey(map.getName(), this, document);
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public List<String> fields() {
        return keys();
    }

    @Override
    public boolean multikey() {
        return multikey.isMultikey(map.getName());
    }

    @Override
    public void scan(KeyValue from, java.util.function.Predicate<KeyValue> whileTrue, Consumer<Object> positions) {
        var cursor = map.cursor(from);
        while (cursor.hasNext()) {
            KeyValue key = cursor.next();
            if (!whileTrue.test(key)) {
                return;
            }
            positions.accept(cursor.getValue());
        }
    }

    @Override
    public boolean unique() {
        return true;
    }
}
