package dev.behalf.gateway.http;

/**
 * Who may call a route, declared with the route itself ({@link Router}) and applied to whatever
 * request matched it: the token check never reads the path, so no spelling of a path reaches a
 * route without its own policy.
 */
public enum Access {
    /**
     * Anyone who can reach the port: the health check, the web UI's static files, Autodiscover and
     * autoconfig (Autodiscover checks HTTP Basic itself), and the signed message-HTML links.
     */
    PUBLIC,
    /** With {@code --admin-token}, only requests carrying {@code Authorization: Bearer <token>}. */
    ADMIN
}
