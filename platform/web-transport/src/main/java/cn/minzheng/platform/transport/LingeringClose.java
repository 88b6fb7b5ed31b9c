package cn.minzheng.platform.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Closes a client connection the way RFC 9112 §9.6 asks a server to: half-close first, then read and
 * drop whatever the client still sends, and close for good at the client's own close or after
 * {@code linger} — never straight away.
 *
 * <p><b>Why.</b> A server answers some requests before their body is in (413 for a body declared
 * over the unread-body limit, with {@code Connection: close}; see {@link UnreadBodyDrainWebFilter}). Closing the socket while the client is
 * still sending makes the kernel answer the next bytes with a reset, and a client that is still
 * writing, or has not read the answer yet, loses the answer to that reset: it sees "connection reset"
 * instead of the 413 that says what to do. With the write side shut first (FIN after the answer) and
 * the rest of the body absorbed, the client reads the whole answer and then end of stream.
 *
 * <p>One instance per connection, first in the pipeline (nearest the socket), so it sees the close
 * before anything else and the raw bytes while lingering.
 */
public final class LingeringClose extends ChannelDuplexHandler {

    /** The pipeline name under which the handler sits. */
    public static final String NAME = "minzheng.lingeringClose";

    private final Duration linger;
    private boolean lingering;

    public LingeringClose(Duration linger) {
        this.linger = linger;
    }

    /** Every connection of the server, first in its pipeline, closes lingering up to {@code linger}. */
    public static NettyServerCustomizer onEveryConnection(Duration linger) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) ->
                channel.pipeline().addFirst(NAME, new LingeringClose(linger)));
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        Channel channel = ctx.channel();
        if (lingering || linger.isZero() || !channel.isActive() || !(channel instanceof DuplexChannel duplex)
                || duplex.isOutputShutdown() || duplex.isInputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = true;
        channel.closeFuture().addListener(closed -> promise.trySuccess());
        duplex.shutdownOutput().addListener(shut -> {
            if (!shut.isSuccess()) {
                ctx.close();
                return;
            }
            channel.config().setAutoRead(true);
            ctx.read();
            ctx.executor().schedule(() -> ctx.close(), linger.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (lingering) {
            ReferenceCountUtil.release(message);
            return;
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (lingering && event instanceof ChannelInputShutdownEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (lingering) {
            ctx.close();
            return;
        }
        super.exceptionCaught(ctx, cause);
    }
}
