package dev.behalf.gateway.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a route sees it: method, decoded path, path parameters (from {@code {name}}
 * segments), query parameters, headers, the whole body, and the client's address (for the sign-in throttle).
 */
public record Request(HttpMethod method, String path, Map<String, String> pathParams,
                      Map<String, List<String>> query, HttpHeaders headers, byte[] body, InetAddress client) {

    public String param(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter {" + name + "}");
        }
        return v;
    }

    public Optional<String> query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? Optional.empty() : Optional.of(v.get(0));
    }

    public int queryInt(String name, int fallback, int max) {
        return query(name).map(v -> {
            try {
                return Math.max(1, Math.min(max, Integer.parseInt(v)));
            } catch (NumberFormatException e) {
                throw new BadRequest("query parameter " + name + " must be a number, got '" + v + "'");
            }
        }).orElse(fallback);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Thrown by routes for bad input; answered 400 with the message. */
    public static class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
