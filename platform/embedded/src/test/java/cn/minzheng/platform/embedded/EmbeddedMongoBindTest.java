package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The address the server listens on: 127.0.0.1 by default, another one when asked (topology run: 0.0.0.0). */
class EmbeddedMongoBindTest {

    @Test
    void listensOnTheAddressItIsGivenAndNowhereElse() throws IOException {
        // 127.0.0.2 is loopback too, but a server bound to 127.0.0.1 does not answer there
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().bindAddress("127.0.0.2").build().start();
             MongoClient client = MongoClients.create("mongodb://127.0.0.2:" + mongo.port())) {
            Document pong = Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1)))
                    .block(Duration.ofSeconds(10));
            assertThat(pong.get("ok")).isIn(1, 1.0);
            assertThat(connects("127.0.0.1", mongo.port())).as("not on 127.0.0.1").isFalse();
        }
    }

    @Test
    void listensOnLoopbackByDefault() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start()) {
            assertThat(connects("127.0.0.1", mongo.port())).isTrue();
            assertThat(connects("127.0.0.2", mongo.port())).as("not on 127.0.0.2").isFalse();
        }
    }

    private static boolean connects(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
