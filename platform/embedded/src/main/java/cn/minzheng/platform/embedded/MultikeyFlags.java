package cn.minzheng.platform.embedded;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which indexes have seen an array value (MongoDB calls them multikey): on those a range with two
 * bounds cannot be read as one interval (an array {@code [1, 10]} matches {@code {$gt: 3, $lt: 5}}),
 * so the planner reads them with one bound only. Kept in the store, never cleared (as MongoDB).
 */
final class MultikeyFlags {

    static final String MAP_NAME = "minzheng.multikey";

    private final MVMap<String, String> stored;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    MultikeyFlags(MVStore store) {
        this.stored = store.openMap(MAP_NAME);
        known.addAll(stored.keySet());
    }

    boolean isMultikey(String indexMap) {
        return known.contains(indexMap);
    }

    void noteIfMultikey(String indexMap, Index<?> index, Document document) {
        if (known.contains(indexMap)) {
            return;
        }
        for (var key : index.getKeys()) {
            if (Utils.getSubdocumentValueCollectionAware(document, key.getKey()) instanceof Collection) {
                stored.put(indexMap, "1");
                known.add(indexMap);
                return;
            }
        }
    }

    void forget(String indexMap) {
        stored.remove(indexMap);
        known.remove(indexMap);
    }
}
