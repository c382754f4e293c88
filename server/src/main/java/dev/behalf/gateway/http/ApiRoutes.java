package dev.behalf.gateway.http;

import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.policy.change.GrantLists;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.SmtpAddress;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-and-delete JSON API over stored mail and decision records (documented in the README):
 * {@code /api/health}, {@code /api/decisions}, {@code /api/grants/pending}, {@code /api/mailboxes}, {@code /api/messages}.
 */
public final class ApiRoutes {
    private final LiveDirectory directory;
    private final MailStore store;
    private final DecisionLog decisions;
    private final Supplier<Map<String, Object>> ports;

    public ApiRoutes(LiveDirectory directory, MailStore store, DecisionLog decisions, Supplier<Map<String, Object>> ports) {
        this.directory = directory;
        this.store = store;
        this.decisions = decisions;
        this.ports = ports;
    }

    public Router install(Router router) {
        return router
                .publicGet("/api/health", r -> health())
                .get("/api/decisions", this::decisions)
                .get("/api/decisions/{id}", r -> decisions.get(r.param("id")).<Response>map(d -> Json.ok(ApiJson.Decision.of(d)))
                        .orElseGet(() -> Json.error(HttpResponseStatus.NOT_FOUND, "no decision record " + r.param("id"))))
                .get("/api/grants/pending", r -> pendingGrants())
                .get("/api/mailboxes", r -> Json.ok(store.mailboxes().stream().map(ApiJson.Mailbox::of).toList()))
                .get("/api/mailboxes/{address}/messages", this::list)
                .delete("/api/mailboxes/{address}/messages", this::purge)
                .get("/api/messages/{id}", this::message)
                .get("/api/messages/{id}/raw", this::raw)
                .get("/api/messages/{id}/attachments/{index}", this::attachment)
                .delete("/api/messages/{id}", this::delete);
    }

    private Response health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up");
        body.put("ports", ports.get());
        body.put("directoryVersion", directory.current().version());
        return Json.ok(body);
    }

    /** The grant changes written but not yet in force (the propagation delay), oldest first. */
    private Response pendingGrants() {
        Directory d = directory.current();
        return Json.ok(directory.pending().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", name(d, p.target()));
            m.put("added", entries(d, p.added()));
            m.put("removed", entries(d, p.removed()));
            m.put("inForceAt", p.inForceAt().toString());
            m.put("origin", p.origin());
            return m;
        }).toList());
    }

    private static Map<String, Object> entries(Directory d, GrantLists g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sendAs", g.sendAs().stream().map(e -> name(d, e.trustee()) + (e.control() == AccessControl.Deny ? " (Deny)" : "")).toList());
        m.put("sendOnBehalf", g.sendOnBehalf().stream().map(id -> name(d, id)).toList());
        m.put("fullAccess", g.fullAccess().stream().map(e -> name(d, e.trustee()) + (e.control() == AccessControl.Deny ? " (Deny)" : "")).toList());
        return m;
    }

    private static String name(Directory d, RecipientId id) {
        return d.get(id).map(r -> r.displayName()).orElse(id.toString());
    }

    private Response decisions(Request r) {
        List<DecisionRecord> list = decisions.query(r.query("account"), r.query("outcome"), r.queryInt("limit", 100, 100_000));
        return Json.ok(list.stream().map(ApiJson.Decision::of).toList());
    }

    private Response list(Request r) {
        MailboxKey key = mailbox(r.param("address"));
        String folder = r.query("folder").orElse(Folders.INBOX);
        return Json.ok(store.list(key, folder).stream().map(ApiJson.Summary::of).toList());
    }

    private Response purge(Request r) {
        MailboxKey key = mailbox(r.param("address"));
        return Json.ok(Map.of("deleted", store.purge(key)));
    }

    private Response message(Request r) {
        return stored(r).<Response>map(m -> Json.ok(ApiJson.Message.of(MessageView.of(m, m.summary().submissionId().flatMap(decisions::get)))))
                .orElseGet(() -> notFound(r));
    }

    private Response raw(Request r) {
        return stored(r).<Response>map(m -> Response.bytes("message/rfc822", m.raw())).orElseGet(() -> notFound(r));
    }

    private Response attachment(Request r) {
        int index;
        try {
            index = Integer.parseInt(r.param("index"));
        } catch (NumberFormatException e) {
            throw new Request.BadRequest("attachment index must be a number, got '" + r.param("index") + "'");
        }
        Optional<StoredMessage> stored = stored(r);
        if (stored.isEmpty()) {
            return notFound(r);
        }
        Optional<Part> part = MessageView.attachment(stored.get(), index);
        if (part.isEmpty()) {
            return Json.error(HttpResponseStatus.NOT_FOUND, "message " + r.param("id") + " has no attachment " + index);
        }
        try (var in = part.get().getInputStream()) {
            String type = part.get().getContentType().split(";")[0].strip();
            return new Response.Full(HttpResponseStatus.OK, type, in.readAllBytes(),
                    Map.of("Content-Disposition", "attachment", "Content-Security-Policy", "sandbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("can't read attachment " + index + " of " + r.param("id"), e);
        }
    }

    private Response delete(Request r) {
        return store.delete(messageId(r)) ? Json.ok(Map.of("deleted", 1)) : notFound(r);
    }

    private Optional<StoredMessage> stored(Request r) {
        return store.fetch(messageId(r));
    }

    private static MessageId messageId(Request r) {
        try {
            return new MessageId(r.param("id"));
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest(e.getMessage());
        }
    }

    private static Response notFound(Request r) {
        return Json.error(HttpResponseStatus.NOT_FOUND, "no message " + r.param("id"));
    }

    /** The store box an address names (see {@link MailboxKey#of}); 400 when it names none. */
    MailboxKey mailbox(String text) {
        return mailbox(directory.current(), text);
    }

    public static MailboxKey mailbox(Directory directory, String text) {
        SmtpAddress address = SmtpAddress.tryParse(text).orElseThrow(() ->
                new Request.BadRequest("'" + text + "' is not an address (expected local@domain)"));
        return MailboxKey.of(directory, address).orElseThrow(() -> new Request.BadRequest(
                "'" + text + "' has no mailbox here: it is a group, a user without mailbox, or unknown"));
    }
}
