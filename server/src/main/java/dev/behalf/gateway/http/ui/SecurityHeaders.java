package dev.behalf.gateway.http.ui;

import java.util.Map;

/**
 * The response headers that confine the web UI: a strict policy for the application's own pages,
 * and a sandbox for message HTML, which must never run script or load anything.
 */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /** Only our own files; no inline script or style; never framed by anyone. */
    static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Message HTML: a unique opaque origin without script (CSP {@code sandbox}), nothing loaded but
     * inline styles and {@code data:} images, and framed only by the UI itself.
     */
    static final String MESSAGE_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "frame-ancestors 'self'";

    static final Map<String, String> APP = Map.of(
            "Content-Security-Policy", APP_POLICY,
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    static final Map<String, String> MESSAGE = Map.of(
            "Content-Security-Policy", MESSAGE_POLICY,
            "X-Frame-Options", "SAMEORIGIN",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "private, no-store");
}
