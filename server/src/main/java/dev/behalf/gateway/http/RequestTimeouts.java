package dev.behalf.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a connection may hold the server without a request to serve. From its first byte,
 * a request (head and body) must be complete within {@code request}, or the client gets
 * {@code 408 Request Timeout} and the connection closes (what Apache's RequestReadTimeout does). A
 * connection with no request under way (new, or idle between keep-alive requests) closes without a
 * word after {@code idle}, as every server closes idle keep-alive connections. While a request is
 * served (the live event stream included) no clock runs.
 *
 * <p>One {@link Clock} per connection, with two handlers: {@link Clock#bytes()} first in the pipeline
 * (it sees a request begin) and {@link Clock#messages()} after the aggregator (it sees the request
 * complete and its response end). All of its state lives on the channel's event loop.
 */
final class RequestTimeouts {
    private static final Logger log = LoggerFactory.getLogger(RequestTimeouts.class);

    private final Duration request;
    private final Duration idle;

    RequestTimeouts(Duration request, Duration idle) {
        this.request = request;
        this.idle = idle;
    }

    Clock clock() {
        return new Clock();
    }

    /** The clock of one connection. */
    final class Clock {
        private ChannelHandlerContext wire;
        private ScheduledFuture<?> timer;
        private boolean receiving;
        private int serving;

        /** Sees raw bytes: the first one of a request starts its clock. */
        ChannelHandler bytes() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                    wire = ctx;
                    waitForRequest();
                    ctx.fireChannelActive();
                }

                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (!receiving && msg instanceof ByteBuf b && b.isReadable()) {
                        receiving = true;
                        restart(request, this::expire);
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    cancel();
                    ctx.fireChannelInactive();
                }

                private void expire() {
                    log.debug("HTTP request from {} not complete after {} s: 408", wire.channel().remoteAddress(), request.toSeconds());
                    if (serving > 0) {
                        // A response is still due on this connection; a 408 now would be read as that response.
                        wire.close();
                        return;
                    }
                    wire.writeAndFlush(WireErrors.closing(HttpResponseStatus.REQUEST_TIMEOUT,
                            "the request was not complete " + request.toSeconds() + " s after its first byte: send the head "
                                    + "and body at once; this connection is closed", "")).addListener(ChannelFutureListener.CLOSE);
                }
            };
        }

        /** Sees whole requests and responses: a complete request stops the clock, a finished response restarts it. */
        ChannelHandler messages() {
            return new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof FullHttpRequest) {
                        receiving = false;
                        serving++;
                        cancel();
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof LastHttpContent && serving > 0 && --serving == 0 && !receiving) {
                        waitForRequest();
                    }
                    ctx.write(msg, promise);
                }
            };
        }

        private void waitForRequest() {
            restart(idle, () -> {
                log.debug("closing the idle HTTP connection from {}", wire.channel().remoteAddress());
                wire.close();
            });
        }

        private void restart(Duration after, Runnable action) {
            cancel();
            timer = wire.executor().schedule(action, after.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
