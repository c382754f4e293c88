package dev.behalf.gateway.http;

import dev.behalf.gateway.Defaults;
import dev.behalf.mailstore.ListenFailure;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP listener (JSON API, shell endpoint, Autodiscover, web UI) on Netty. Built with
 * {@link #builder()}; {@link #start()} binds (port 0 picks a free port, readable after).
 *
 * <p>Bounds, before any route runs: a request line of {@value #MAX_LINE_BYTES} bytes ({@code 414}),
 * headers of {@value #MAX_HEADER_BYTES} ({@code 431}), a body of {@value #MAX_BODY_BYTES} ({@code 413}; Graph's
 * {@code /v1.0/} requests {@value #MAX_GRAPH_BODY_BYTES}),
 * the time to send a request and to stay idle ({@link RequestTimeouts}), and the connections open at
 * once ({@link ConnectionLimits}). Every request's target, Host and origin are checked by the
 * {@link Dispatcher} before its route.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    static final int MAX_LINE_BYTES = 8192;
    static final int MAX_HEADER_BYTES = 16384;
    /** The largest request body: the shell's commands and the admin's edits are far smaller. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * Graph's limit on a request, which a {@code sendMail} with its attachments inline must fit ("the total
     * request size is limited to 4 MB"); larger attachments need Graph's upload sessions, which Behalf doesn't have.
     */
    public static final int MAX_GRAPH_BODY_BYTES = 4 * 1024 * 1024;
    private static final String GRAPH_PREFIX = "/v1.0/";

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

    private static Thread preloading;

    /**
     * {@link #preload} on a daemon thread of its own, started at most once in a JVM: {@code behalf.jar serve}
     * starts it as its first step, so it runs while the command line is read too, and a Behalf started later
     * (the CLI's, or an embedder's) joins the same thread instead of loading Netty again.
     */
    public static synchronized Thread preloadInBackground() {
        if (preloading == null) {
            preloading = new Thread(HttpServer::preload, "behalf-preload-http");
            preloading.setDaemon(true);
            preloading.start();
        }
        return preloading;
    }

    /**
     * Loads and initialises the Netty classes that {@link Builder#start()} and a first request need, on
     * the calling thread, without a socket or a thread: the event loop's and channel's classes, the
     * allocator, and one request decoded and one answer encoded by the same codecs in an
     * {@link EmbeddedChannel}. A Behalf calls it on a second thread while the directory and the store
     * load (Netty is about 500 of the 2,900 classes of a start), so a spare core does it; it changes no
     * state anyone reads and swallows what it throws: {@code start()} would report the same thing properly.
     */
    public static void preload() {
        try {
            NioIoHandler.newFactory();
            Class.forName(MultiThreadIoEventLoopGroup.class.getName(), true, HttpServer.class.getClassLoader());
            Class.forName(NioServerSocketChannel.class.getName(), true, HttpServer.class.getClassLoader());
            new ServerBootstrap();
            EmbeddedChannel ch = new EmbeddedChannel(new HttpServerCodec(MAX_LINE_BYTES, MAX_HEADER_BYTES, 8192),
                    new HttpObjectAggregator(MAX_BODY_BYTES, true));
            ch.writeInbound(Unpooled.copiedBuffer("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n", StandardCharsets.US_ASCII));
            ReferenceCountUtil.release(ch.readInbound());
            ch.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("{}", StandardCharsets.US_ASCII)));
            ReferenceCountUtil.release(ch.readOutbound());
            ch.finishAndReleaseAll();
        } catch (RuntimeException | ReflectiveOperationException | LinkageError e) {
            log.debug("preloading Netty failed; start() will load it: {}", e.toString());
        }
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

    /** Configures the HTTP server; the defaults are the documented ones. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = Defaults.HTTP_PORT;
        private Router router;
        private Optional<String> adminToken = Optional.empty();
        private String hostName = "localhost";
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int maxConnections = 256;
        private int maxConnectionsPerAddress = 64;

        public Builder bindAddress(InetAddress v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder router(Router v) { router = v; return this; }
        /** When set, every {@link Access#ADMIN} route needs {@code Authorization: Bearer <token>}. */
        public Builder adminToken(Optional<String> v) { adminToken = v; return this; }
        /** The {@code --hostname}: a Host this server answers to, besides loopback and the bound address. */
        public Builder hostName(String v) { hostName = v; return this; }
        /** From its first byte, how long a request (head and body) may take to arrive; then 408. Default 10 s. */
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        /** How long a connection may wait for its next request; then it closes. Default 30 s. */
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        /** Connections open at once, in all (default 256) and per client address (default 64); beyond, 503. */
        public Builder maxConnections(int total, int perAddress) {
            maxConnections = total;
            maxConnectionsPerAddress = perAddress;
            return this;
        }

        /** Binds and serves; throws when the port can't be bound. */
        public HttpServer start() {
            Objects.requireNonNull(router, "router: the HTTP server needs routes");
            if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > maxConnections) {
                throw new IllegalArgumentException("connection caps must be 1 <= per address <= total, got "
                        + maxConnectionsPerAddress + " and " + maxConnections);
            }
            for (Duration d : new Duration[] {requestTimeout, idleTimeout}) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("HTTP timeouts must be positive: " + d);
                }
            }
            EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
            EventExecutorGroup blocking = new DefaultEventExecutorGroup(8);
            Router routes = router;
            Optional<String> token = adminToken;
            ServerNames names = new ServerNames(hostName, bindAddress);
            RequestTimeouts timeouts = new RequestTimeouts(requestTimeout, idleTimeout);
            ConnectionLimits limits = new ConnectionLimits(maxConnections, maxConnectionsPerAddress);
            try {
                Channel ch = new ServerBootstrap().group(boss, workers)
                        .channel(NioServerSocketChannel.class)
                        .childHandler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel c) {
                                if (!limits.admit(c)) {
                                    return;
                                }
                                RequestTimeouts.Clock clock = timeouts.clock();
                                c.pipeline()
                                        .addLast(clock.bytes())
                                        .addLast(new HttpServerCodec(MAX_LINE_BYTES, MAX_HEADER_BYTES, 8192))
                                        .addLast(new Aggregator())
                                        .addLast(clock.messages())
                                        .addLast(new Dispatcher(routes, token, names, blocking.next()));
                            }
                        })
                        .bind(bindAddress, port).syncUninterruptibly().channel();
                HttpServer server = new HttpServer(boss, workers, blocking, ch);
                log.info("HTTP (API, web UI, Autodiscover) listening on http://{}:{}/", hostForUrl(bindAddress), server.port());
                return server;
            } catch (Exception e) {
                // Netty rethrows the bind's checked BindException unchecked: catching only RuntimeException let it past
                // this, and past RunningBehalf's cleanup, leaving SMTP, IMAP and POP3 listening.
                boss.shutdownGracefully();
                workers.shutdownGracefully();
                blocking.shutdownGracefully();
                throw ListenFailure.of("HTTP", bindAddress, port, e.getMessage(), e);
            }
        }
    }

    /**
     * The largest body a request to {@code uri} may carry: Graph's limit under {@code /v1.0/}, ours elsewhere. The
     * path is the one the router matches ({@link RequestTarget}), not the raw target: {@code /v1.0/../api/shell} is
     * the shell's, and gets the shell's limit. A target that does not parse gets the smaller one (and a 400).
     */
    static int bodyLimit(String uri) {
        return graph(uri) ? MAX_GRAPH_BODY_BYTES : MAX_BODY_BYTES;
    }

    private static boolean graph(String uri) {
        try {
            return RequestTarget.parse(uri).path().startsWith(GRAPH_PREFIX);
        } catch (RequestTarget.Invalid e) {
            return false;
        }
    }

    /** The JSON 413 for a request to {@code uri} whose body is over {@link #bodyLimit}. */
    static Response.Full tooLarge(String uri) {
        return Json.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request bodies "
                + (graph(uri) ? "to Graph's " + GRAPH_PREFIX + " " : "") + "are limited to " + bodyLimit(uri) + " bytes");
    }

    /**
     * Aggregates a request's body up to {@link #bodyLimit} for its target; beyond, answers 413 with the JSON
     * error and closes, the rest of the body unread (Netty's own 413 has no body and may keep reading it).
     * Netty's aggregator has one limit, the largest; a body announced by Content-Length is held to its
     * target's here, and a chunked one, which announces nothing, by the {@link Dispatcher} once it is whole.
     */
    private static final class Aggregator extends HttpObjectAggregator {
        Aggregator() {
            // Close after refusing an Expect: 100-continue: the client sends no body, and the codec would take its next request for one.
            super(MAX_GRAPH_BODY_BYTES, true);
        }

        @Override
        protected boolean isContentLengthInvalid(HttpMessage start, int maxContentLength) {
            return super.isContentLengthInvalid(start, bodyLimit(uri(start)));
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            Dispatcher.write(ctx, tooLarge(uri(oversized)), false, HttpMethod.POST);
        }

        /** The same JSON 413 for a body announced too large with {@code Expect: 100-continue}. */
        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            String target = uri(start);
            Object response = super.newContinueResponse(start, bodyLimit(target), pipeline);
            if (response instanceof FullHttpResponse r && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
                r.release();
                return Dispatcher.response(tooLarge(target), false, HttpMethod.POST);
            }
            return response;
        }

        private static String uri(HttpMessage start) {
            return start instanceof HttpRequest r ? r.uri() : "";
        }
    }

    static String hostForUrl(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }
}
