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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one aggregated HTTP request into a route call and writes its {@link Response}. Runs on a
 * blocking executor group, so routes may touch the store. Bad input answers 400 with the reason,
 * a bug 500 (logged once with its stack), never a dropped connection.
 */
final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final Optional<String> adminToken;

    Dispatcher(Router router, Optional<String> adminToken) {
        this.router = router;
        this.adminToken = adminToken;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.decoderResult().isSuccess()) {
            write(ctx, Json.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request"), false, req.method());
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = decodedPath(uri.rawPath());
        Response response;
        try {
            if (!authorised(path, req)) {
                response = new Response.Full(HttpResponseStatus.UNAUTHORIZED, "application/json; charset=utf-8",
                        Json.write(java.util.Map.of("error", "this Behalf requires its admin token: send 'Authorization: Bearer <token>'",
                                "status", 401)).getBytes(StandardCharsets.UTF_8),
                        java.util.Map.of("WWW-Authenticate", "Bearer realm=\"behalf\""));
            } else {
                List<HttpMethod> allowed = new ArrayList<>();
                var match = router.match(req.method(), path, allowed);
                if (match.isPresent()) {
                    Request request = new Request(req.method(), path, match.get().params(), uri.parameters(), req.headers(),
                            ByteBufUtil.getBytes(req.content()));
                    response = match.get().handler().apply(request);
                } else if (!allowed.isEmpty()) {
                    response = new Response.Full(HttpResponseStatus.METHOD_NOT_ALLOWED, "application/json; charset=utf-8",
                            Json.write(java.util.Map.of("error", req.method() + " is not allowed on " + path, "status", 405))
                                    .getBytes(StandardCharsets.UTF_8),
                            java.util.Map.of("Allow", allowed.stream().map(HttpMethod::name).distinct().collect(Collectors.joining(", "))));
                } else {
                    response = Json.error(HttpResponseStatus.NOT_FOUND, "no such endpoint: " + req.method() + " " + path);
                }
            }
        } catch (Request.BadRequest e) {
            response = Json.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed", req.method(), path, e);
            response = Json.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e);
        }
        if (response instanceof Response.EventStream stream) {
            openStream(ctx, stream);
        } else {
            write(ctx, (Response.Full) response, keepAlive, req.method());
        }
    }

    private boolean authorised(String path, FullHttpRequest req) {
        // /metrics counts sign-ins and refusals: with a token, scrapers send it too (Prometheus: authorization.credentials).
        if (adminToken.isEmpty() || !(path.startsWith("/api/") || path.equals("/metrics")) || path.equals("/api/health")) {
            return true;
        }
        String header = req.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        String expected = "Bearer " + adminToken.get();
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodedPath(String rawPath) {
        StringBuilder sb = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            if (!sb.isEmpty() || rawPath.startsWith("/")) {
                sb.append('/');
            }
            sb.append(QueryStringDecoder.decodeComponent(segment));
        }
        String p = sb.toString().replaceAll("^/+", "/");
        return p.isEmpty() ? "/" : p;
    }

    static void write(ChannelHandlerContext ctx, Response.Full r, boolean keepAlive, HttpMethod method) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, r.status(),
                method.equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        res.headers().set("X-Content-Type-Options", "nosniff");
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
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
