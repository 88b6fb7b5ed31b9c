package cn.minzheng.platform.kit.bodies;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code minzheng.web.*}: how request bodies are read.
 *
 * @param strictBodies      JSON request bodies read by {@link StrictJsonBodies} (default on)
 * @param drainUnreadBodies {@link cn.minzheng.platform.transport.UnreadBodyDrainWebFilter} on (default)
 * @param unreadBodyLimit   a body the service answered without reading is read and dropped up to this
 *                          size before the answer goes out, so the keep-alive connection stays usable;
 *                          a larger one closes the connection after the answer instead
 * @param unreadBodyTimeout the longest that dropping an unread body may hold the answer back
 * @param lingerOnClose     when the service closes a connection, how long it keeps reading and dropping
 *                          what the client still sends after the answer, so the client reads the answer
 *                          instead of a reset (RFC 9112 §9.6; default 2 s, 0 = close at once)
 */
@ConfigurationProperties("minzheng.web")
public record RequestBodyProperties(
        @DefaultValue("true") boolean strictBodies,
        @DefaultValue("true") boolean drainUnreadBodies,
        @DefaultValue("1MB") DataSize unreadBodyLimit,
        @DefaultValue("5s") Duration unreadBodyTimeout,
        @DefaultValue("2s") Duration lingerOnClose) {
}
