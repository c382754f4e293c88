package dev.behalf.gateway.ui;

import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.Response;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link Request}s the dispatcher would hand to a route, and reads responses. */
final class Requests {
    private Requests() {
    }

    /** A GET with path parameters and query parameters given as alternating names and values. */
    static Request get(Map<String, String> pathParams, String... query) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            q.put(query[i], List.of(query[i + 1]));
        }
        return new Request(HttpMethod.GET, "/test", pathParams, q, EmptyHttpHeaders.INSTANCE, new byte[0], InetAddress.getLoopbackAddress());
    }

    static Request get(String... query) {
        return get(Map.of(), query);
    }

    static Request post(String json) {
        return new Request(HttpMethod.POST, "/test", Map.of(), Map.of(), EmptyHttpHeaders.INSTANCE,
                json.getBytes(StandardCharsets.UTF_8), InetAddress.getLoopbackAddress());
    }

    static Response.Full full(Response r) {
        return (Response.Full) r;
    }

    static String body(Response r) {
        return new String(full(r).body(), StandardCharsets.UTF_8);
    }
}
