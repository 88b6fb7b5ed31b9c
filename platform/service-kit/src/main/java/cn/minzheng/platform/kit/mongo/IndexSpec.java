package cn.minzheng.platform.kit.mongo;

import java.util.List;
import java.util.Objects;

/**
 * A unique index a service needs, created at start-up by the kit. Unique indexes only: the
 * embedded Mongo-wire server builds nothing else (no TTL, no plain secondary indexes), and the code
 * must behave the same on both stores. Keys are ascending. Declare as beans:
 * {@code @Bean IndexSpec applicationNumber() { return IndexSpec.unique("applications", "number"); }}
 */
public record IndexSpec(String collection, List<String> keys, String name, boolean sparse) {

    public IndexSpec {
        Objects.requireNonNull(collection, "collection");
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one key");
        }
        keys = List.copyOf(keys);
        name = name == null ? "ux_" + String.join("_", keys) : name;
    }

    public static IndexSpec unique(String collection, String... keys) {
        return new IndexSpec(collection, List.of(keys), null, false);
    }

    /**
     * Unique over the documents that have the keys; documents without them are not indexed (so
     * other document shapes can share the collection).
     */
    public static IndexSpec uniqueSparse(String collection, String... keys) {
        return new IndexSpec(collection, List.of(keys), null, true);
    }
}
