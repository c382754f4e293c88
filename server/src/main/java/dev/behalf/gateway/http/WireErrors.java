package dev.behalf.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;

/**
 * Error responses written as bytes beneath the HTTP codec, for a connection that has no request to
 * answer (one never finished, or refused before reading): the JSON error of {@link Json#error} with
 * {@code Connection: close}.
 */
final class WireErrors {
    private WireErrors() {
    }

    static ByteBuf closing(HttpResponseStatus status, String message, String extraHeaders) {
        byte[] body = Json.write(Json.errorBody(status, message)).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status.code() + " " + status.reasonPhrase() + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + extraHeaders
                + "Connection: close\r\n\r\n";
        return Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
    }
}
