package cn.minzheng.platform.embedded;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's plain in-memory backend (documents as Java objects, unique indexes as hash
 * maps), also answering {@code hello} as {@link HelloAnsweringH2Backend} does. No MVStore: no page
 * serialisation and no key comparison through Java serialisation (H2's {@code ObjectDataType} falls
 * back to it for mongo-java-server's index keys), so it is several times faster than the H2 store —
 * for benchmarks ({@code devstack --mongo-in-memory}). Nothing survives a stop.
 */
final class HelloAnsweringMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            return HelloAnsweringH2Backend.asHello(super.handleCommand(channel, databaseName, "isMaster", query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
