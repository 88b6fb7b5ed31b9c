package cn.minzheng.platform.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore backend, also answering {@code hello} — the handshake command of MongoDB 4.4.2+
 * that Spring Boot's {@code MongoReactiveHealthIndicator} sends. mongo-java-server 1.47 only
 * knows the legacy {@code isMaster}, so without this every service's {@code /actuator/health}
 * would be DOWN against the embedded server.
 */
final class HelloAnsweringH2Backend extends H2Backend {

    HelloAnsweringH2Backend(MVStore store) {
        super(store);
    }

    HelloAnsweringH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            return asHello(super.handleCommand(channel, databaseName, "isMaster", query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    /** The answer to {@code isMaster}, made an answer to {@code hello}. */
    static Document asHello(Document isMasterAnswer) {
        isMasterAnswer.put("isWritablePrimary", Boolean.TRUE);
        return isMasterAnswer;
    }
}
