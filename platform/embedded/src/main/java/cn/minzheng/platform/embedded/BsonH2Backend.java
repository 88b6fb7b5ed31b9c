package cn.minzheng.platform.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 MVStore backend with our storage underneath ({@link BsonH2Database}):
 * documents and index keys as BSON instead of Java serialisation, non-unique indexes kept and
 * used, a query planner over every index, scans on a pinned version. Answers {@code hello} as
 * {@link HelloAnsweringH2Backend} does.
 *
 * <p>A file written by the plain backend ({@code ObjectDataType}) cannot be read by this one: the
 * store is marked ({@value #FORMAT_MAP}) and {@link #isPlainH2File} tells the two apart.
 */
final class BsonH2Backend extends H2Backend {

    static final String FORMAT_MAP = "minzheng.format";
    static final String FORMAT = "bson-1";

    private MultikeyFlags multikey;

    BsonH2Backend(MVStore store) {
        super(markFormat(store));
    }

    private static MVStore markFormat(MVStore store) {
        if (isPlainH2File(store)) {
            throw new IllegalStateException("this Mongo-wire store was written by the plain H2 backend; open it without the BSON store or start from an empty file");
        }
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        format.putIfAbsent("documents", FORMAT);
        return store;
    }

    /** A store with collections but without our format mark: written by mongo-java-server's own H2 backend. */
    static boolean isPlainH2File(MVStore store) {
        return !store.hasMap(FORMAT_MAP) && store.getMapNames().stream().anyMatch(name -> name.startsWith(BsonH2Database.DATABASES_PREFIX));
    }

    private synchronized MultikeyFlags multikey() {
        if (multikey == null) {
            multikey = new MultikeyFlags(getMvStore());
        }
        return multikey;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), multikey(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            return HelloAnsweringH2Backend.asHello(super.handleCommand(channel, databaseName, "isMaster", query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
