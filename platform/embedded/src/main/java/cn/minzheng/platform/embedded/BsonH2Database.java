package cn.minzheng.platform.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the BSON store: the same map names as mongo-java-server's H2 backend
 * ({@code databases.<db>.<collection>}, {@code meta.<db>.<collection>},
 * {@code <db>.<collection>._index_<name>}), with BSON data types, and non-unique indexes that
 * are kept ({@link BsonSecondaryIndex}) instead of ignored.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private final MVStore store;
    private final MultikeyFlags multikey;

    BsonH2Database(String databaseName, MVStore store, MultikeyFlags multikey, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        this.multikey = multikey;
        initializeNamespacesAndIndexes();
    }

    private MVMap<KeyValue, Object> indexMap(String collectionName, String indexName) {
        return store.openMap(indexMapName(collectionName, indexName), new MVMap.Builder<KeyValue, Object>()
                .keyType(BsonDataTypes.KeyValueType.INSTANCE)
                .valueType(BsonDataTypes.ValueType.INSTANCE));
    }

    private static MVMap.Builder<Object, byte[]> dataMapType() {
        return new MVMap.Builder<Object, byte[]>()
                .keyType(BsonDataTypes.ValueType.INSTANCE)
                .valueType(BsonDataTypes.BsonBytesType.INSTANCE);
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new BsonUniqueIndex(indexMap(collectionName, indexName), indexName, keys, sparse, multikey);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new BsonSecondaryIndex(indexMap(collectionName, indexName), indexName, keys, sparse, "_id", multikey);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String name = indexMapName(collection.getCollectionName(), indexName);
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
        multikey.forget(name);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(databaseName + ".") || name.startsWith(DATABASES_PREFIX + databaseName + ".")
                    || name.startsWith(META_PREFIX + databaseName + ".")) {
                store.removeMap(name);
                multikey.forget(name);
            }
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, byte[]> dataMap = store.openMap(DATABASES_PREFIX + fullName, dataMapType());
        MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
        return new BsonH2Collection(this, collectionName, options, store, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected long getStorageSize() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        for (String name : List.of(DATABASES_PREFIX + fullName, META_PREFIX + fullName)) {
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
        }
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        store.renameMap(store.openMap(DATABASES_PREFIX + oldName, dataMapType()), DATABASES_PREFIX + newName);
        store.renameMap(store.openMap(META_PREFIX + oldName), META_PREFIX + newName);
    }
}
