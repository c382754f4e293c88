package dev.behalf.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a request that changes something (any method but GET, HEAD and OPTIONS) when a browser may
 * have sent it for another site's page (CSRF):
 * <ul>
 *   <li>its {@code Origin} is present and is not this request's own origin ({@code http://} + its
 *       {@code Host}); {@code Origin: null} is never ours;</li>
 *   <li>its {@code Sec-Fetch-Site} is present and says anything but {@code same-origin} or {@code none};</li>
 *   <li>it is a POST that a plain form or a {@code no-cors} fetch could send: one without
 *       {@value #REQUEST_HEADER} whose {@code Content-Type} is missing or one of the three a page may send
 *       without asking first ({@code text/plain}, {@code application/x-www-form-urlencoded},
 *       {@code multipart/form-data}; Fetch standard, CORS-safelisted request-header). Every other
 *       method that changes something is one a browser must ask about first (a CORS preflight), and
 *       this server grants none.</li>
 * </ul>
 * Tools that are not browsers (curl, the CLI, test clients) send no {@code Origin} and pass.
 */
final class CrossSiteGuard {
    /** The custom header that marks a POST as not sent by a form: no page can add it without a preflight. */
    static final String REQUEST_HEADER = "X-Behalf-Request";
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private CrossSiteGuard() {
    }

    static boolean changesState(HttpMethod method) {
        return !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD) && !method.equals(HttpMethod.OPTIONS);
    }

    /** Why this state-changing request is refused; empty when it may go on. {@code host} is its checked Host. */
    static Optional<String> refusal(HttpMethod method, HttpHeaders headers, Optional<ServerNames.Authority> host) {
        return refusal(method, headers, host, false);
    }

    /**
     * As {@link #refusal(HttpMethod, HttpHeaders, Optional)}; {@code formsAllowed} lifts the form-type rule only, for a
     * route that changes nothing and carries its own credentials ({@link Access#CREDENTIALED}).
     */
    static Optional<String> refusal(HttpMethod method, HttpHeaders headers, Optional<ServerNames.Authority> host, boolean formsAllowed) {
        String own = host.map(h -> "http://" + h).orElse("(none: the request has no Host)");
        List<String> origins = headers.getAll(HttpHeaderNames.ORIGIN);
        if (origins.size() > 1) {
            return Optional.of("a request has one Origin header, this one has " + origins.size());
        }
        if (origins.size() == 1 && !isOrigin(origins.get(0), host)) {
            return Optional.of("this request was sent by the page at " + origins.get(0).strip() + ", not by this server's own "
                    + "pages (" + own + "): Behalf refuses changes that other sites' pages send. Use the web UI at " + own
                    + "/, or a client that sends no Origin header (curl, behalf shell)");
        }
        String site = headers.get("Sec-Fetch-Site");
        if (site != null && !OWN_FETCH_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("the browser marked this request 'Sec-Fetch-Site: " + site.strip() + "': Behalf refuses changes "
                    + "that other sites' pages send. Use the web UI at " + own + "/, or a client that is not a browser");
        }
        if (method.equals(HttpMethod.POST) && !formsAllowed && !headers.contains(REQUEST_HEADER)) {
            List<String> types = headers.getAll(HttpHeaderNames.CONTENT_TYPE);
            String type = types.size() == 1 ? essence(types.get(0)) : "";
            if (type.isEmpty() || FORM_TYPES.contains(type)) {
                return Optional.of("a POST must show that no HTML form sent it: add the header '" + REQUEST_HEADER
                        + ": 1', or send a Content-Type no form can (such as application/json); this one has "
                        + (types.isEmpty() ? "no Content-Type" : "Content-Type '" + String.join(", ", types) + "'")
                        + ". With curl: -H '" + REQUEST_HEADER + ": 1'");
            }
        }
        return Optional.empty();
    }

    private static boolean isOrigin(String origin, Optional<ServerNames.Authority> host) {
        String o = origin.strip();
        if (host.isEmpty() || !o.regionMatches(true, 0, "http://", 0, 7)) {
            return false;
        }
        try {
            return ServerNames.parse(o.substring(7)).sameAs(host.get());
        } catch (ServerNames.Malformed e) {
            return false;
        }
    }

    /** A media type's type/subtype, lower-cased, as a browser reads it (parameters and whitespace dropped). */
    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
