package cn.minzheng.gateway.bodylimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code minzheng.gateway.*}: request body sizes.
 *
 * @param maxBodySize       the largest request body the gateway forwards (default 1 MiB; larger → 413)
 * @param unreadBodyLimit   a body the gateway answered without reading (401, 403, 404, 413, 429, 503
 *                          before any service was reached) is read and dropped up to this size before
 *                          the answer goes out, so the keep-alive connection stays usable; a larger one
 *                          closes the connection after the answer instead (default 1 MiB)
 * @param unreadBodyTimeout the longest that dropping an unread body may hold the answer back (default 5 s)
 * @param lingerOnClose     when the gateway closes a client connection, how long it keeps reading and
 *                          dropping what the client still sends after its answer, so the client reads
 *                          the answer instead of a reset (RFC 9112 §9.6; default 2 s, 0 = close at once)
 */
@ConfigurationProperties("minzheng.gateway")
public record BodyLimitProperties(DataSize maxBodySize, DataSize unreadBodyLimit, Duration unreadBodyTimeout,
        Duration lingerOnClose) {

    public BodyLimitProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        unreadBodyLimit = unreadBodyLimit == null ? DataSize.ofMegabytes(1) : unreadBodyLimit;
        unreadBodyTimeout = unreadBodyTimeout == null ? Duration.ofSeconds(5) : unreadBodyTimeout;
        lingerOnClose = lingerOnClose == null ? Duration.ofSeconds(2) : lingerOnClose;
    }
}
