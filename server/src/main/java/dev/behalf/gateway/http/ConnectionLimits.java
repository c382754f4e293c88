package dev.behalf.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the HTTP connections open at once, in all and per client address, so that no one client can
 * hold every slot. A connection over a cap is answered {@code 503 Service Unavailable} with
 * {@code Retry-After} (what nginx's limit_conn answers), its input is read and dropped so the reply
 * isn't lost to a reset, and it closes when the client does or after {@link #LINGER_SECONDS}.
 * Thread-safe.
 */
final class ConnectionLimits {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimits.class);
    static final int LINGER_SECONDS = 2;

    private final int total;
    private final int perAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    ConnectionLimits(int total, int perAddress) {
        this.total = total;
        this.perAddress = perAddress;
    }

    /** Counts the connection in until it closes; false (and counted nowhere) when a cap is reached. */
    boolean admit(SocketChannel channel) {
        InetAddress address = channel.remoteAddress().getAddress();
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            refuse(channel, "this server has " + total + " HTTP connections open, its limit");
            return false;
        }
        AtomicInteger mine = byAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (mine.incrementAndGet() > perAddress) {
            release(address, mine);
            refuse(channel, address.getHostAddress() + " has " + perAddress + " HTTP connections open to this server, "
                    + "the limit per client address");
            return false;
        }
        channel.closeFuture().addListener(f -> release(address, mine));
        return true;
    }

    private void release(InetAddress address, AtomicInteger mine) {
        open.decrementAndGet();
        if (mine.decrementAndGet() == 0) {
            byAddress.remove(address, mine);
        }
    }

    private static void refuse(SocketChannel channel, String why) {
        log.warn("refused an HTTP connection from {}: {}", channel.remoteAddress(), why);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                ByteBuf reply = WireErrors.closing(HttpResponseStatus.SERVICE_UNAVAILABLE,
                        why + ": close idle connections and retry", "Retry-After: 1\r\n");
                ctx.writeAndFlush(reply).addListener(f -> channel.shutdownOutput());
                ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        });
    }
}
