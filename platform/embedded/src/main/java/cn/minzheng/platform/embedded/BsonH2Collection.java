package cn.minzheng.platform.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection in an MVMap {@code _id → BSON bytes} ({@link BsonDataTypes}), in
 * {@code _id} order, so the map is also the {@code _id} index (point reads, ranges, sort by
 * {@code _id} with a limit that stops reading early).
 *
 * <p>Every query runs against one pinned version of the store ({@link MVStore#registerVersionUsage()}):
 * the chunks it reads cannot be dropped under it however long it takes, which is what failed with
 * {@code Chunk … not found} on the plain H2 backend and made it keep freed chunks for 15 minutes.
 */
final class BsonH2Collection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVStore store;
    private final MVMap<Object, byte[]> dataMap;
    private final MVMap<String, Object> metaMap;
    private final BsonIndex idIndex;

    BsonH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVStore store,
                     MVMap<Object, byte[]> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.store = store;
        this.dataMap = dataMap;
        this.metaMap = metaMap;
        this.metaMap.putIfAbsent(DATA_SIZE_KEY, Long.valueOf(0));
        this.idIndex = new IdIndex();
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (metaMap) {
            long value = ((Number) metaMap.get(DATA_SIZE_KEY)).longValue();
            metaMap.put(DATA_SIZE_KEY, Long.valueOf(value + sizeDelta));
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) metaMap.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] previous = dataMap.putIfAbsent(Missing.ofNullable(key), BsonDataTypes.encode(document));
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        return key;
    }

    @Override
    public int count() {
        return dataMap.size();
    }

    @Override
    public boolean isEmpty() {
        return dataMap.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bytes = dataMap.get(position);
        return bytes == null ? null : BsonDataTypes.decode(bytes);
    }

    @Override
    protected void removeDocument(Object position) {
        if (dataMap.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        dataMap.put(Missing.ofNullable(position), BsonDataTypes.encode(newDocument));
    }

    /** Read within one pinned version, so the result is a list (index builds at start, position look-ups). */
    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        var pin = store.registerVersionUsage();
        try {
            List<DocumentWithPosition<Object>> all = new ArrayList<>();
            dataMap.entrySet().forEach(e -> all.add(new DocumentWithPosition<>(BsonDataTypes.decode(e.getValue()), e.getKey())));
            return all.stream();
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        var pin = store.registerVersionUsage();
        try {
            BsonQueryPlanner.Plan plan = BsonQueryPlanner.choose(query, planningIndexes());
            if (plan == null) {
                return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            LinkedHashSet<Object> found = new LinkedHashSet<>();
            plan.positions(found::add);
            List<Object> positions = new ArrayList<>(found);
            positions.sort(BsonDataTypes::compareValues);
            int idOrder = idOrder(orderBy);
            if (idOrder < 0) {
                Collections.reverse(positions);
            }
            Stream<Document> candidates = positions.stream().map(this::getDocument).filter(Objects::nonNull);
            return matchDocumentsFromStream(candidates, plan.exact() ? new Document() : query, idOrder != 0 ? null : orderBy,
                    numberToSkip, limit, batchSize, fieldSelector);
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }

    /** The whole collection in {@code _id} order (reversed for {@code _id: -1} or {@code $natural: -1}). */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        var pin = store.registerVersionUsage();
        try {
            int idOrder = idOrder(orderBy);
            boolean natural = orderBy != null && orderBy.containsKey("$natural");
            boolean descending = idOrder < 0 || isNaturalDescending(orderBy);
            Cursor<Object, byte[]> cursor = dataMap.cursor(null, null, descending);
            Stream<Document> all = StreamSupport.stream(Spliterators.spliteratorUnknownSize(new java.util.Iterator<Document>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Document next() {
                    cursor.next();
                    return BsonDataTypes.decode(cursor.getValue());
                }
            }, Spliterator.ORDERED | Spliterator.NONNULL), false);
            return matchDocumentsFromStream(all, query, idOrder != 0 || natural ? null : orderBy, numberToSkip, limit,
                    batchSize, fieldSelector);
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }

    /** 1 or -1 when the sort is by {@code _id} alone, else 0. */
    private int idOrder(Document orderBy) {
        if (orderBy == null || orderBy.size() != 1 || getIdField() == null || !orderBy.containsKey(getIdField())) {
            return 0;
        }
        Object direction = orderBy.get(getIdField());
        if (!(direction instanceof Number n)) {
            return 0;
        }
        return n.doubleValue() > 0 ? 1 : n.doubleValue() < 0 ? -1 : 0;
    }

    private List<BsonIndex> planningIndexes() {
        List<BsonIndex> out = new ArrayList<>();
        if (getIdField() != null) {
            out.add(idIndex);
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof BsonIndex bson && !(getIdField() != null && bson.fields().equals(List.of(getIdField())))) {
                out.add(bson);
            }
        }
        return out;
    }

    /** The data map read as the {@code _id} index. */
    private final class IdIndex implements BsonIndex {

        @Override
        public List<String> fields() {
            return List.of(getIdField());
        }

        @Override
        public boolean multikey() {
            return false;
        }

        @Override
        public boolean unique() {
            return true;
        }

        @Override
        public void scan(KeyValue from, Predicate<KeyValue> whileTrue, Consumer<Object> positions) {
            Cursor<Object, byte[]> cursor = dataMap.cursor(from == null ? null : from.get(0));
            while (cursor.hasNext()) {
                Object key = cursor.next();
                if (!whileTrue.test(new KeyValue(key))) {
                    return;
                }
                positions.accept(key);
            }
        }
    }
}
