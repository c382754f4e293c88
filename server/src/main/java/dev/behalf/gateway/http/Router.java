package dev.behalf.gateway.http;

import io.netty.handler.codec.http.HttpMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps method + path to a route. Patterns are literal segments and {@code {name}} parameters; a
 * trailing {@code {name...}} takes the rest of the path. Routes are tried in the order added.
 */
public final class Router {
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(HttpMethod method, String[] segments, Function<Request, Response> handler) {
    }

    /** A matched route with its path parameters. */
    record Match(Function<Request, Response> handler, Map<String, String> params) {
    }

    public Router add(HttpMethod method, String pattern, Function<Request, Response> handler) {
        entries.add(new Entry(method, split(pattern), handler));
        return this;
    }

    public Router get(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.GET, pattern, handler);
    }

    public Router post(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.POST, pattern, handler);
    }

    public Router delete(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.DELETE, pattern, handler);
    }

    /** The route for this request; empty when none matches. {@code allowed} collects methods of same-path routes. */
    Optional<Match> match(HttpMethod method, String path, List<HttpMethod> allowed) {
        String[] parts = split(path);
        for (Entry e : entries) {
            Map<String, String> params = matches(e.segments, parts);
            if (params == null) {
                continue;
            }
            if (e.method.equals(method) || (method.equals(HttpMethod.HEAD) && e.method.equals(HttpMethod.GET))) {
                return Optional.of(new Match(e.handler, params));
            }
            allowed.add(e.method);
        }
        return Optional.empty();
    }

    private static Map<String, String> matches(String[] pattern, String[] parts) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("...}")) {
                params.put(p.substring(1, p.length() - 4), String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
                return params;
            }
            if (i >= parts.length) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return pattern.length == parts.length ? params : null;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
