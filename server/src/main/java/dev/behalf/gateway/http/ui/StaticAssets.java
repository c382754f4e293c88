package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the web UI's static files from the jar ({@code ui/} on the class path): {@code GET /} is
 * the single page, {@code GET /ui/...} its scripts, styles and icons, all with the application's
 * security headers. Only known file types under {@code ui/} are served.
 */
public final class StaticAssets {
    private static final String ROOT = "ui/";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final ClassLoader loader;

    public StaticAssets() {
        this(StaticAssets.class.getClassLoader());
    }

    StaticAssets(ClassLoader loader) {
        this.loader = loader;
    }

    public Router install(Router router) {
        return router
                .publicGet("/", r -> page())
                .publicGet("/ui/{path...}", r -> asset(r.param("path")));
    }

    /** The single page of the UI. */
    public Response page() {
        return asset("index.html");
    }

    /** The file {@code ui/<path>}; 404 for anything else, including paths that try to leave {@code ui/}. */
    public Response asset(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
        if (type == null || !SAFE_PATH.matcher(path).matches()) {
            return notFound(path);
        }
        return read(ROOT + path).<Response>map(bytes ->
                new Response.Full(HttpResponseStatus.OK, type, bytes, SecurityHeaders.APP)).orElseGet(() -> notFound(path));
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("can't read " + resource + " from the class path", e);
        }
    }

    private static Response notFound(String path) {
        return Json.error(HttpResponseStatus.NOT_FOUND, "no such file in the web UI: " + path);
    }
}
