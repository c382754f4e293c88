package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.MessageView;
import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.Router;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MessageId;
import dev.behalf.policy.random.RandomBits;
import io.netty.handler.codec.http.HttpResponseStatus;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Serves a message's HTML body for the viewer's {@code <iframe sandbox>}, under the message
 * policy of {@link SecurityHeaders}: no script, nothing remote.
 *
 * <p>An iframe can't send the admin token, so the URL carries a capability instead: an HMAC of the
 * message id under a key made at start-up. Only a caller of the (token-guarded) API learns it.
 */
public final class MessageHtml {
    static final String PATH = "/ui/message-html/";

    private final MailStore store;
    private final SecretKeySpec key;

    MessageHtml(MailStore store) {
        this.store = store;
        byte[] secret = new byte[32];
        RandomBits.shared().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    Router install(Router router) {
        return router.publicGet(PATH + "{id}", this::html);
    }

    /** The iframe URL of a message's HTML body. */
    String url(MessageId id) {
        return PATH + id.value() + "?sig=" + sign(id);
    }

    /** {@code GET /ui/message-html/{id}?sig=}: the HTML body, or 403 for a link this server didn't sign. */
    public Response html(Request r) {
        MessageId id;
        try {
            id = new MessageId(r.param("id"));
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest(e.getMessage());
        }
        byte[] given = r.query("sig").orElse("").getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(id).getBytes(StandardCharsets.US_ASCII))) {
            return Json.error(HttpResponseStatus.FORBIDDEN, "this message link is not valid (signed links last until the server restarts)");
        }
        Optional<String> html = store.fetch(id).flatMap(m -> MessageView.of(m, Optional.empty()).html()
                .map(h -> InlineImages.embed(m.raw(), h)));
        return html.<Response>map(h -> new Response.Full(HttpResponseStatus.OK, "text/html; charset=utf-8",
                        h.getBytes(StandardCharsets.UTF_8), SecurityHeaders.MESSAGE))
                .orElseGet(() -> Json.error(HttpResponseStatus.NOT_FOUND, "message " + id + " has no HTML body"));
    }

    private String sign(MessageId id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.value().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
