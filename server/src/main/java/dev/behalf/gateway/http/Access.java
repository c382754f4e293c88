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
    ADMIN,
    /**
     * Anyone who can reach the port, authenticated by what the request itself carries, never by the admin
     * token: the identity platform's token endpoint (a client secret, a password). Its POSTs are
     * {@code application/x-www-form-urlencoded}, as Entra's are (RFC 6749 §4.4.2), so the cross-site rule
     * that refuses form-typed POSTs does not apply; the Origin and Sec-Fetch-Site rules still do. That is safe
     * because such a POST changes nothing: it only answers with a token, which a page on another site can't
     * read (no CORS), and its password guesses are throttled with every other sign-in. Graph's
     * {@code sendMail} is credentialed too: it does change something, but only for a request carrying an
     * {@code Authorization: Bearer} token, a header no page on another site can add without a preflight.
     */
    CREDENTIALED
}
