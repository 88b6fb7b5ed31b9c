package cn.minzheng.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server written in Java ({@code de.bwaldvogel:mongo-java-server}) with
 * the H2 MVStore backend and the oplog enabled (so change streams work), on 127.0.0.1.
 *
 * <p>In memory for tests; with {@link Builder#dataFile(Path)} the data is kept in one MVStore
 * file and survives a restart. See the README for what it does not support.
 *
 * <p>A data file is kept by the BSON store ({@link BsonH2Backend}: BSON documents and index keys,
 * non-unique indexes kept and used, pinned scans, {@link #BSON_FILE_RETENTION}); what follows is
 * about the plain H2 backend ({@link Builder#bsonStore(boolean) bsonStore(false)}, or a file it wrote).
 *
 * <p><b>Retention.</b> The file store keeps chunks that a compaction freed for
 * {@link #FILE_RETENTION} before it may reuse their space. mongo-java-server reads a query's matches
 * with a plain iterator over the MVMap, which does not pin the version it reads; a scan still running
 * when its chunks are dropped fails with {@code MVStoreException: Chunk … not found} (H2 issue #4383,
 * open in 2.4.240). H2's default retention is 45 s, and on a loaded 2-core machine a full scan of
 * 100k documents next to a bulk writer can take longer — the likely cause of the failure that
 * stopped the 年检 sweep over 100k organizations in a benchmark (with 15 minutes it ran through).
 * The file grows by what is freed within the retention window (28 GB during that sweep); at
 * {@link #stop()} the closed file is rewritten with only its live pages, so the space comes back
 * when the devstack stops (the time that takes grows with the live data).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /** How long freed chunks of the file store stay readable (H2's default: 45 s). */
    public static final java.time.Duration FILE_RETENTION = java.time.Duration.ofMinutes(15);

    /** The same for the BSON store, whose queries pin what they read: H2's default. */
    public static final java.time.Duration BSON_FILE_RETENTION = java.time.Duration.ofSeconds(45);

    private final int port;
    private final String bindAddress;
    private final Path dataFile;
    private final boolean plainMemory;
    private final boolean oplog;
    private final Boolean bsonStore;
    private final java.time.Duration bsonRetention;
    private String storeKind;
    private MongoServer server;
    private MongoBackend backend;

    private EmbeddedMongo(Builder builder) {
        this.port = builder.port > 0 ? builder.port : FreePorts.find();
        this.bindAddress = builder.bindAddress;
        this.dataFile = builder.dataFile == null ? null : builder.dataFile.toAbsolutePath();
        this.plainMemory = builder.plainMemory;
        this.oplog = builder.oplog;
        this.bsonStore = builder.bsonStore;
        this.bsonRetention = builder.bsonRetention;
        if (plainMemory && Boolean.TRUE.equals(bsonStore)) {
            throw new IllegalArgumentException("the plain in-memory backend and the BSON store are two different stores: choose one");
        }
        if (plainMemory && dataFile != null) {
            throw new IllegalArgumentException("the plain in-memory backend keeps no data file: " + dataFile);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        LogLevels.quietBrokerLogs();
        MongoBackend opened;
        if (plainMemory) {
            opened = new HelloAnsweringMemoryBackend();
            storeKind = "in memory, plain backend";
        } else if (dataFile == null) {
            if (Boolean.TRUE.equals(bsonStore)) {
                opened = new BsonH2Backend(MVStore.open(null));
                storeKind = "in memory, H2 MVStore, BSON store";
            } else {
                opened = new HelloAnsweringH2Backend(MVStore.open(null));
                storeKind = "in memory, H2 MVStore";
            }
        } else {
            try {
                if (dataFile.getParent() != null) {
                    Files.createDirectories(dataFile.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create folder for " + dataFile, e);
            }
            MVStoreTool.compactCleanUp(dataFile.toString()); // what a compaction cut off at stop left behind
            MVStore store = new MVStore.Builder().fileName(dataFile.toString()).open();
            boolean plainFile = BsonH2Backend.isPlainH2File(store);
            if (!Boolean.FALSE.equals(bsonStore) && !plainFile) {
                // scans pin their version: H2's default retention (45 s) is enough, and bounds the file
                store.setRetentionTime((int) bsonRetention.toMillis());
                opened = new BsonH2Backend(store);
                storeKind = dataFile + ", BSON store";
            } else {
                if (plainFile && Boolean.TRUE.equals(bsonStore)) {
                    store.close();
                    throw new IllegalStateException("Mongo-wire store " + dataFile
                            + " was written by the plain H2 backend and cannot be opened as a BSON store: remove the file (devstack --reset) or start without the BSON store");
                }
                if (plainFile) {
                    log.warn("Mongo-wire store {} was written by the plain H2 backend (Java serialisation, no secondary indexes, a file that grows by GBs): "
                            + "it stays on that backend; remove the file (devstack --reset) to move to the BSON store", dataFile);
                }
                store.setRetentionTime((int) FILE_RETENTION.toMillis());
                opened = new HelloAnsweringH2Backend(store);
                storeKind = dataFile + ", plain H2 backend";
            }
        }
        MongoServer started = new MongoServer(opened);
        if (oplog) {
            started.enableOplog();
        }
        try {
            started.bind(bindAddress, port);
        } catch (RuntimeException e) {
            opened.close();
            throw new IllegalStateException("Mongo-wire server cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        backend = opened;
        server = started;
        log.info("Mongo-wire server listening on {} ({})", connectionString(), describeStore());
        return this;
    }

    /** Stops listening, closes the store (the file is flushed) and compacts the file. In-memory data is lost. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        backend.close();
        if (dataFile != null) { // the H2 file store (the plain backend has no file: see the constructor)
            compact();
        }
        server = null;
        backend = null;
        log.info("Mongo-wire server on 127.0.0.1:{} stopped", port);
    }

    /**
     * Rewrites the closed store file with only its live pages (H2's {@code MVStoreTool.compact}: a
     * temporary file, then an atomic rename). The open store does not give back what the retention
     * kept — {@code compactFile} left a rewritten test file as large as before; this does. Cut off
     * midway (a kill), the original file stays and the next start removes the temporary one.
     */
    private void compact() {
        long before = fileSize();
        long started = System.nanoTime();
        log.info("Mongo-wire store {}: compacting the file ({} MB) …", dataFile, before >> 20);
        try {
            MVStoreTool.compact(dataFile.toString(), false);
        } catch (RuntimeException e) {
            log.warn("Mongo-wire store {}: compacting the file at stop failed; the data is kept as it was: {}", dataFile, e.toString());
            return;
        }
        log.info("Mongo-wire store {}: compacted at stop, {} MB → {} MB in {} ms", dataFile, before >> 20, fileSize() >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    private long fileSize() {
        try {
            return Files.size(dataFile);
        } catch (IOException e) {
            return -1;
        }
    }

    public synchronized EmbeddedMongo restart() {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code mongodb://127.0.0.1:<port>} — append a database name: {@code connectionString() + "/assistance"}. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private String describeStore() {
        return oplog ? storeKind : storeKind + ", no oplog";
    }

    /** The MVStore file, or {@code null} when the data lives in memory. */
    public Path dataFile() {
        return dataFile;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs the server as its own process: {@code --port 27017 --data FILE}, or {@code --in-memory}
     * (mongo-java-server's plain in-memory backend: the data is lost at stop; for benchmarks);
     * {@code --plain-h2} keeps a data file on mongo-java-server's own H2 backend instead of the BSON store;
     * {@code --no-oplog} turns the oplog off (no change streams; the oplog keeps a copy of every
     * write, in memory on the plain backend); {@code --bind ADDRESS} listens on another address than
     * 127.0.0.1 (the production-topology run: {@code 0.0.0.0} on the {@code mongo} host).
     */
    public static void main(String[] args) throws InterruptedException {
        MainArguments arguments = MainArguments.parse(args);
        boolean inMemory = arguments.flag("in-memory");
        Builder builder = builder()
                .port(arguments.intValue("port", 27017))
                .bindAddress(arguments.string("bind", "127.0.0.1"))
                .dataFile(inMemory ? null : arguments.path("data", Path.of(".devstack", "mongo", "data.mv")))
                .plainMemory(inMemory)
                .oplog(!arguments.flag("no-oplog"));
        if (arguments.flag("plain-h2")) {
            builder.bsonStore(false);
        }
        EmbeddedMongo mongo = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop, "embedded-mongo-stop"));
        MainArguments.startOrExit("EmbeddedMongo", mongo::start);
        System.out.println("Mongo-wire server ready on " + mongo.connectionString() + ", data "
                + (inMemory ? "in memory (lost at stop)" : "in " + mongo.dataFile()));
        new CountDownLatch(1).await();
    }

    public static final class Builder {
        private int port;
        private String bindAddress = "127.0.0.1";
        private Path dataFile;
        private boolean plainMemory;
        private boolean oplog = true;
        private Boolean bsonStore;
        private java.time.Duration bsonRetention = BSON_FILE_RETENTION;

        private Builder() {
        }

        /** Port on 127.0.0.1; a free one when not set. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The address to listen on: 127.0.0.1 unless set ({@link #connectionString()} still names
         * 127.0.0.1, which every address of the machine includes when this is {@code 0.0.0.0}).
         */
        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        /** MVStore file that keeps the data; in memory when not set. */
        public Builder dataFile(Path dataFile) {
            this.dataFile = dataFile;
            return this;
        }

        /**
         * mongo-java-server's plain in-memory backend instead of H2's in-memory MVStore: several
         * times faster, without a data file; the H2 store stays the default so tests run on the
         * same store code as the devstack's file.
         */
        public Builder plainMemory(boolean value) {
            this.plainMemory = value;
            return this;
        }

        /**
         * The oplog, on by default so change streams work. No service watches a change stream
         * today; the oplog keeps a copy of every write (in memory on the plain backend, where a
         * 1M-record audit trail with its oplog did not fit in 8 GB).
         */
        public Builder oplog(boolean value) {
            this.oplog = value;
            return this;
        }

        /**
         * The BSON store ({@code BsonH2Backend}): H2 MVStore maps with BSON documents and index keys
         * instead of Java serialisation, non-unique indexes kept and used, a planner that reads any
         * index whose leading fields a query binds, queries on a pinned version (H2's default 45 s
         * chunk retention instead of 15 minutes). Default: on for a {@link #dataFile(Path) file}
         * (a file written by the plain backend stays on it, with a warning), off in memory, where
         * tests keep the store they were written against. {@code false} forces the plain H2 backend.
         */
        public Builder bsonStore(boolean value) {
            this.bsonStore = value;
            return this;
        }

        /**
         * How long the BSON file store keeps chunks it freed before reusing their space (default
         * {@link #BSON_FILE_RETENTION}); the file grows by what is written within that time. Its
         * queries pin the version they read, so this only guards against a crash mid-write (H2:
         * "it is assumed that a file system and hard disk will flush all write buffers within this time").
         */
        public Builder bsonFileRetention(java.time.Duration retention) {
            this.bsonRetention = retention;
            return this;
        }

        public EmbeddedMongo build() {
            return new EmbeddedMongo(this);
        }
    }
}
