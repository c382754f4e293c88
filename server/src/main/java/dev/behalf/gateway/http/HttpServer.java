package dev.behalf.gateway.http;

import dev.behalf.gateway.Defaults;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP listener (JSON API, shell endpoint, Autodiscover, web UI) on Netty. Built with
 * {@link #builder()}; {@link #start()} binds (port 0 picks a free port, readable after).
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final EventExecutorGroup blocking;
    private final Channel channel;

    private HttpServer(EventLoopGroup boss, EventLoopGroup workers, EventExecutorGroup blocking, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.blocking = blocking;
        this.channel = channel;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        // Connections first (their handlers may still hand work to the blocking group), then the group.
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        blocking.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    /** Configures the HTTP server. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = Defaults.HTTP_PORT;
        private Router router;
        private Optional<String> adminToken = Optional.empty();

        public Builder bindAddress(InetAddress v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder router(Router v) { router = v; return this; }
        /** When set, every /api/ request but /api/health must carry {@code Authorization: Bearer <token>}. */
        public Builder adminToken(Optional<String> v) { adminToken = v; return this; }

        /** Binds and serves; throws when the port can't be bound. */
        public HttpServer start() {
            Objects.requireNonNull(router, "router: the HTTP server needs routes");
            EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
            EventExecutorGroup blocking = new DefaultEventExecutorGroup(8);
            Router routes = router;
            Optional<String> token = adminToken;
            try {
                Channel ch = new ServerBootstrap().group(boss, workers)
                        .channel(NioServerSocketChannel.class)
                        .childHandler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel c) {
                                c.pipeline()
                                        .addLast(new HttpServerCodec(8192, 16384, 8192))
                                        .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                        .addLast(blocking, new Dispatcher(routes, token));
                            }
                        })
                        .bind(bindAddress, port).syncUninterruptibly().channel();
                HttpServer server = new HttpServer(boss, workers, blocking, ch);
                log.info("HTTP (API, web UI, Autodiscover) listening on http://{}:{}/", hostForUrl(bindAddress), server.port());
                return server;
            } catch (RuntimeException e) {
                boss.shutdownGracefully();
                workers.shutdownGracefully();
                blocking.shutdownGracefully();
                throw new IllegalStateException("can't bind HTTP port " + bindAddress.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }

    static String hostForUrl(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }
}
