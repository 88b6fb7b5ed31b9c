package cn.minzheng.platform.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index (mongo-java-server accepts these but keeps nothing: "not yet implemented").
 * One MVMap entry per key of a document, the key being the index's values followed by the
 * document's position ({@code _id}), so equal values of different documents are distinct entries.
 * It answers no query on its own ({@link #canHandle} is false): {@link BsonQueryPlanner} reads it.
 */
final class BsonSecondaryIndex extends Index<Object> implements BsonIndex {

    private final MVMap<KeyValue, Object> map;
    private final String idField;
    private final MultikeyFlags multikey;

    BsonSecondaryIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse, String idField,
                       MultikeyFlags multikey) {
        super(name, keys, sparse);
        this.map = map;
        this.idField = idField;
        this.multikey = multikey;
    }

    private Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, idField));
    }

    private boolean skipped(Document document) {
        return isSparse() && keys().stream().allMatch(key -> Missing.isNullOrMissing(Utils.getSubdocumentValue(document, key)));
    }

    private static KeyValue entry(KeyValue key, Object position) {
        List<Object> values = new ArrayList<>(key.size() + 1);
        key.forEach(values::add);
        values.add(position);
        return new KeyValue(values);
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: the _id index finds a document's position
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // no constraint (getKeyValues refuses parallel arrays when the document is added, as MongoDB does)
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (skipped(document)) {
            return;
        }
        Set<KeyValue> keys = getKeyValues(document);
        Object stored = Missing.ofNullable(position);
        for (KeyValue key : keys) {
            map.put(entry(key, stored), stored);
        }
        multikey.noteIfMultikey(map.getName(), this, document);
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        if (skipped(document)) {
            return position;
        }
        for (KeyValue key : getKeyValues(document)) {
            map.remove(entry(key, position));
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("read through BsonQueryPlanner");
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
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // no constraint
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public void drop() {
        map.clear();
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
    public boolean unique() {
        return false;
    }

    @Override
    public void scan(KeyValue from, Predicate<KeyValue> whileTrue, Consumer<Object> positions) {
        int width = keys().size();
        var cursor = map.cursor(from);
        while (cursor.hasNext()) {
            KeyValue entry = cursor.next();
            List<Object> values = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                values.add(entry.get(i));
            }
            if (!whileTrue.test(new KeyValue(values))) {
                return;
            }
            positions.accept(cursor.getValue());
        }
    }
}
