package cn.minzheng.platform.embedded;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every test of {@link EmbeddedMongoTest} again on the BSON store in memory (the file tests there
 * already run on it: it is the default for a data file).
 */
class BsonStoreTest extends EmbeddedMongoTest {

    /** Hides {@link EmbeddedMongoTest#start()}: JUnit runs this one instead. */
    @BeforeAll
    static void start() {
        startWith(EmbeddedMongo.builder().bsonStore(true));
    }
}
