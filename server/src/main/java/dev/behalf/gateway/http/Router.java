package dev.behalf.gateway.http;

import io.netty.handler.codec.http.HttpMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps method + path to a route, each with its {@link Access}. Patterns are literal segments and
 * {@code {name}} parameters (one non-empty segment); a trailing {@code {name...}} takes the rest of
 * the path. Segments match exactly (case, trailing {@code /} and empty segments included), on the
 * path {@link RequestTarget} decoded once. Routes are tried in the order added. {@link #get},
 * {@link #post} and {@link #delete} add admin routes; a public one says so ({@link #publicGet}).
 *
 * <p>A matched route runs only through {@link Route#serve}, which applies its access first: there is
 * no way to call a handler around its policy.
 */
public final class Router {
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(HttpMethod method, String[] segments, Access access, Function<Request, Response> handler) {
    }

    /** Decides whether a request may run a route of the given access; the refusal to answer, or empty. */
    @FunctionalInterface
    interface Gate {
        Optional<Response> refuse(Access access, Request request);
    }

    /** A matched route with its path parameters. */
    static final class Route {
        private final Entry entry;
        private final Map<String, String> params;

        private Route(Entry entry, Map<String, String> params) {
            this.entry = entry;
            this.params = Map.copyOf(params);
        }

        Map<String, String> params() {
            return params;
        }

        Access access() {
            return entry.access;
        }

        /** The gate's refusal, or the handler's response when the gate lets the request through. */
        Response serve(Request request, Gate gate) {
            return gate.refuse(entry.access, request).orElseGet(() -> entry.handler.apply(request));
        }
    }

    public Router add(HttpMethod method, String pattern, Access access, Function<Request, Response> handler) {
        entries.add(new Entry(method, split(pattern), access, handler));
        return this;
    }

    public Router get(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.GET, pattern, Access.ADMIN, handler);
    }

    public Router post(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.POST, pattern, Access.ADMIN, handler);
    }

    public Router delete(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.DELETE, pattern, Access.ADMIN, handler);
    }

    public Router publicGet(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.GET, pattern, Access.PUBLIC, handler);
    }

    public Router publicPost(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.POST, pattern, Access.PUBLIC, handler);
    }

    /** A POST authenticated by its own credentials, which may be form-encoded ({@link Access#CREDENTIALED}). */
    public Router credentialedPost(String pattern, Function<Request, Response> handler) {
        return add(HttpMethod.POST, pattern, Access.CREDENTIALED, handler);
    }

    /** The route for these segments; empty when none matches. {@code allowed} collects methods of same-path routes. */
    Optional<Route> match(HttpMethod method, List<String> segments, List<HttpMethod> allowed) {
        String[] parts = segments.toArray(String[]::new);
        for (Entry e : entries) {
            Map<String, String> params = matches(e.segments, parts);
            if (params == null) {
                continue;
            }
            if (e.method.equals(method) || (method.equals(HttpMethod.HEAD) && e.method.equals(HttpMethod.GET))) {
                return Optional.of(new Route(e, params));
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
                params.put(p.substring(1, p.length() - 4), String.join("/", Arrays.copyOfRange(parts, i, parts.length)));
                return params;
            }
            if (i >= parts.length) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return pattern.length == parts.length ? params : null;
    }

    /** A pattern's segments: "/" has none, "/a/{b}" has two. */
    private static String[] split(String pattern) {
        if (!pattern.startsWith("/") || (pattern.length() > 1 && pattern.endsWith("/"))) {
            throw new IllegalArgumentException("a route pattern starts with '/' and does not end with one: '" + pattern + "'");
        }
        return pattern.length() == 1 ? new String[0] : pattern.substring(1).split("/", -1);
    }
}
