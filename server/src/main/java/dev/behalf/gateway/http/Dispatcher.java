package dev.behalf.gateway.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Turns one aggregated HTTP request into a route call and writes its {@link Response}, in this order:
 * the request-target is read once ({@link RequestTarget}, 400), the Host must name this server
 * ({@link ServerNames}; 400 when missing or malformed, 421 when foreign), the route is matched on the
 * decoded path (404, 405), and the matched route runs through its own gate: its {@link Access}
 * (401 without the admin token) and, for a request that changes something, {@link CrossSiteGuard}
 * (403). Routes run on a worker thread, so they may touch the store. Bad input answers 400 with
 * the reason, a bug 500 (logged once with its stack), never a dropped connection.
 */
final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final Optional<String> adminToken;
    private final ServerNames names;
    private final EventExecutor worker;
    /** Set on the worker once a response is deferred: the requests pipelined behind it go unanswered. */
    private boolean deferring;

    Dispatcher(Router router, Optional<String> adminToken, ServerNames names, EventExecutor worker) {
        this.router = router;
        this.adminToken = adminToken;
        this.names = names;
        this.worker = worker;
    }

    /**
     * Hands the request to this connection's worker thread (one per connection, so pipelined requests are
     * answered in order), retained until it is answered. The handler itself stays on the event loop, so
     * closing a connection never has to cross threads, even while the server shuts down.
     */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        req.retain();
        worker.execute(() -> {
            try {
                answer(ctx, req);
            } finally {
                req.release();
            }
        });
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (deferring) {
            return; // pipelined behind a deferred response: the connection closes after it, unanswered
        }
        if (!req.decoderResult().isSuccess()) {
            // The decoder now discards everything until the connection closes: say why, and close.
            write(ctx, undecodable(req.decoderResult().cause()), false, req.method());
            return;
        }
        if (req.content().readableBytes() > HttpServer.bodyLimit(req.uri())) {
            // A chunked body announces no length, so the aggregator could only hold it to the largest limit.
            write(ctx, HttpServer.tooLarge(req.uri()), false, req.method());
            return;
        }
        HttpVersion version = req.protocolVersion();
        if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
            write(ctx, Json.error(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
                    "this server speaks HTTP/1.1 and HTTP/1.0, not " + version.text()), false, req.method());
            return;
        }
        Response response;
        try {
            response = respond(ctx, req);
        } catch (Request.BadRequest | RequestTarget.Invalid | ServerNames.Malformed e) {
            response = Json.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed", req.method(), req.uri(), e);
            response = Json.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e);
        }
        if (response instanceof Response.EventStream stream) {
            if (req.method().equals(HttpMethod.HEAD)) {
                write(ctx, new Response.Full(HttpResponseStatus.OK, "text/event-stream; charset=utf-8", new byte[0], Map.of()),
                        HttpUtil.isKeepAlive(req), req.method());
            } else {
                openStream(ctx, stream);
            }
        } else if (response instanceof Response.Deferred later) {
            defer(ctx, later, HttpUtil.isKeepAlive(req), req.method());
        } else {
            write(ctx, (Response.Full) response, HttpUtil.isKeepAlive(req), req.method());
        }
    }

    /** Writes a deferred response once it is ready; until then the connection reads nothing more. */
    private void defer(ChannelHandlerContext ctx, Response.Deferred later, boolean keepAlive, HttpMethod method) {
        CompletableFuture<Response.Full> ready = later.response().toCompletableFuture();
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            write(ctx, ready.join(), keepAlive, method);
            return;
        }
        deferring = true;
        ctx.channel().config().setAutoRead(false);
        ready.whenComplete((full, failure) -> {
            if (failure != null) {
                log.error("{} failed", method, failure);
                full = Json.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + failure);
            }
            write(ctx, full, false, method);
        });
    }

    private Response respond(ChannelHandlerContext ctx, FullHttpRequest req) {
        RequestTarget target = RequestTarget.parse(req.uri());
        Optional<ServerNames.Authority> host = host(req);
        InetAddress local = ((InetSocketAddress) ctx.channel().localAddress()).getAddress();
        if (host.isPresent() && !names.names(host.get(), local)) {
            return Json.error(HttpResponseStatus.MISDIRECTED_REQUEST, "Host '" + host.get() + "' does not name this Behalf, "
                    + "which answers to " + names.describe(local) + " (any port). Open it under one of those names, "
                    + "or start it with --hostname " + host.get().host() + " to answer to that name too");
        }
        List<HttpMethod> allowed = new ArrayList<>();
        Optional<Router.Route> route = router.match(req.method(), target.segments(), allowed);
        if (route.isEmpty()) {
            return allowed.isEmpty()
                    ? Json.error(HttpResponseStatus.NOT_FOUND, "no such endpoint: " + req.method() + " " + target.path())
                    : new Response.Full(HttpResponseStatus.METHOD_NOT_ALLOWED, "application/json; charset=utf-8",
                    Json.write(Json.errorBody(HttpResponseStatus.METHOD_NOT_ALLOWED, req.method() + " is not allowed on " + target.path()))
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", allowed.stream().map(HttpMethod::name).distinct().collect(Collectors.joining(", "))));
        }
        Request request = new Request(req.method(), target.path(), route.get().params(), query(target.rawQuery()),
                req.headers(), ByteBufUtil.getBytes(req.content()), ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
        return route.get().serve(request, (access, r) -> gate(access, r, host));
    }

    /** The route's own policy: the admin token for admin routes, then the cross-site rules for changes. */
    private Optional<Response> gate(Access access, Request r, Optional<ServerNames.Authority> host) {
        if (access == Access.ADMIN && !hasAdminToken(r)) {
            return Optional.of(new Response.Full(HttpResponseStatus.UNAUTHORIZED, "application/json; charset=utf-8",
                    Json.write(Json.errorBody(HttpResponseStatus.UNAUTHORIZED,
                            "this Behalf requires its admin token: send 'Authorization: Bearer <token>'")).getBytes(StandardCharsets.UTF_8),
                    Map.of("WWW-Authenticate", "Bearer realm=\"behalf\"")));
        }
        if (CrossSiteGuard.changesState(r.method())) {
            return CrossSiteGuard.refusal(r.method(), r.headers(), host, access == Access.CREDENTIALED)
                    .map(why -> Json.error(HttpResponseStatus.FORBIDDEN, why));
        }
        return Optional.empty();
    }

    private boolean hasAdminToken(Request r) {
        if (adminToken.isEmpty()) {
            return true;
        }
        String header = r.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        String expected = "Bearer " + adminToken.get();
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The Host, parsed; empty only for HTTP/1.0, which may leave it out (RFC 9112 §3.2). */
    private static Optional<ServerNames.Authority> host(FullHttpRequest req) {
        List<String> hosts = req.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            throw new ServerNames.Malformed("a request has one Host header (RFC 9112 §3.2), this one has " + hosts.size());
        }
        if (hosts.isEmpty()) {
            if (req.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                return Optional.empty();
            }
            throw new ServerNames.Malformed("an HTTP/1.1 request must have a Host header (RFC 9112 §3.2)");
        }
        return Optional.of(ServerNames.parse(hosts.get(0)));
    }

    private static Map<String, List<String>> query(String rawQuery) {
        try {
            return new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest("the query string is not percent-encoded properly: " + e.getMessage());
        }
    }

    private static Response.Full undecodable(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Json.error(HttpResponseStatus.REQUEST_URI_TOO_LONG,
                    "the request line is longer than " + HttpServer.MAX_LINE_BYTES + " bytes");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Json.error(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "the request's headers are larger than " + HttpServer.MAX_HEADER_BYTES + " bytes");
        }
        return Json.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: " + cause.getMessage());
    }

    static void write(ChannelHandlerContext ctx, Response.Full r, boolean keepAlive, HttpMethod method) {
        FullHttpResponse res = response(r, keepAlive, method);
        if (keepAlive) {
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static FullHttpResponse response(Response.Full r, boolean keepAlive, HttpMethod method) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, r.status(),
                method.equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        res.headers().set("X-Content-Type-Options", "nosniff");
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        res.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        return res;
    }

    private static void openStream(ChannelHandlerContext ctx, Response.EventStream stream) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.writeAndFlush(head);
        var channel = ctx.channel();
        stream.open().accept(new Response.EventSink() {
            @Override
            public void send(String event, String data) {
                if (!channel.isActive()) {
                    return;
                }
                StringBuilder sb = new StringBuilder();
                if (event != null) {
                    sb.append("event: ").append(event).append('\n');
                }
                for (String line : data.split("\n", -1)) {
                    sb.append("data: ").append(line).append('\n');
                }
                sb.append('\n');
                channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(sb, StandardCharsets.UTF_8)));
            }

            @Override
            public boolean isOpen() {
                return channel.isActive();
            }

            @Override
            public void onClose(Runnable action) {
                channel.closeFuture().addListener(f -> action.run());
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection error: {}", cause.toString());
        ctx.close();
    }
}
