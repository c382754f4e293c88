package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.http.ApiJson;
import dev.behalf.gateway.http.ApiRoutes;
import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.MessageView;
import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.Router;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mail viewer's reads: the sidebar's boxes with counts, message lists with the Outlook From
 * line and decision badge, search, one message with its HTML link, and the refused submissions.
 * Deleting and purging use the JSON API's own routes.
 */
public final class MailViewRoutes {
    private static final int REFUSED_LIMIT = 10_000;

    private final LiveDirectory directory;
    private final MailStore store;
    private final DecisionLog decisions;
    private final MessageHtml html;
    private final ReadMarks marks;

    MailViewRoutes(LiveDirectory directory, MailStore store, DecisionLog decisions, MessageHtml html, ReadMarks marks) {
        this.directory = directory;
        this.store = store;
        this.decisions = decisions;
        this.html = html;
        this.marks = marks;
    }

    Router install(Router router) {
        return router
                .get("/api/ui/mailboxes", this::mailboxes)
                .get("/api/ui/messages", this::messages)
                .get("/api/ui/messages/{id}", this::message)
                .get("/api/ui/refused", this::refused);
    }

    /** One box of the sidebar; {@code unread} counts what neither a client nor the UI has opened. */
    public record Box(String address, String kind, String displayName, String type, int messages, int unread,
                      List<ApiJson.Folder> folders) {
    }

    /** {@code GET /api/ui/mailboxes} → {@code {boxes: [Box], refused: n}}, boxes grouped by kind. */
    public Response mailboxes(Request r) {
        Directory d = directory.current();
        Map<MailboxKey, Box> boxes = new LinkedHashMap<>();
        for (MailboxSummary s : store.mailboxes()) {
            List<MailboxSummary.FolderSummary> folders = s.folders().stream().map(f -> new MailboxSummary.FolderSummary(
                    f.name(), f.messages(), Math.max(0, f.unread() - marks.openedIn(s.key(), f.name())))).toList();
            Optional<Recipient> owner = s.key() instanceof MailboxKey.Mailbox m ? d.get(m.id()) : Optional.empty();
            boxes.put(s.key(), new Box(s.key().address(d), Boxes.kind(d, s.key()).name(),
                    owner.map(Recipient::displayName).orElse(s.displayName()),
                    owner.map(o -> o.type().name()).orElse("External"),
                    folders.stream().mapToInt(MailboxSummary.FolderSummary::messages).sum(),
                    unread(folders), folders.stream().map(ApiJson.Folder::of).toList()));
        }
        // Every directory mailbox shows, even before the store has seen mail for it.
        for (Recipient rec : d.recipients()) {
            MailboxKey key = new MailboxKey.Mailbox(rec.id());
            if (rec.type().hasMailbox() && !boxes.containsKey(key)) {
                boxes.put(key, new Box(key.address(d), Boxes.kind(rec.type()).name(), rec.displayName(),
                        rec.type().name(), 0, 0, List.of(new ApiJson.Folder(Folders.INBOX, 0, 0),
                        new ApiJson.Folder(Folders.SENT_ITEMS, 0, 0))));
            }
        }
        List<Box> sorted = new ArrayList<>(boxes.values());
        sorted.sort(Comparator.comparing((Box b) -> Boxes.Kind.valueOf(b.kind()).ordinal())
                .thenComparing(b -> b.displayName().toLowerCase(java.util.Locale.ROOT)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("boxes", sorted);
        body.put("refused", refusedRecords().size());
        body.put("directoryVersion", d.version());
        return Json.ok(body);
    }

    /** A box's unread count leaves out Sent Items: those copies are the owner's own, as Outlook counts. */
    private static int unread(List<MailboxSummary.FolderSummary> folders) {
        return folders.stream().filter(f -> !f.name().equals(Folders.SENT_ITEMS))
                .mapToInt(MailboxSummary.FolderSummary::unread).sum();
    }

    /**
     * {@code GET /api/ui/messages?box=&folder=&q=} → {@code [MessageRow]}, newest first. Without
     * {@code box}, every folder of every box plus the refused submissions are searched.
     */
    public Response messages(Request r) {
        MessageSearch search = MessageSearch.parse(r.query("q").orElse(""));
        Directory d = directory.current();
        List<MessageRow> rows = new ArrayList<>();
        if (r.query("box").isPresent()) {
            MailboxKey key = ApiRoutes.mailbox(d, r.query("box").get());
            rows.addAll(rows(d, key, r.query("folder").orElse(Folders.INBOX)));
        } else {
            for (MailboxSummary s : store.mailboxes()) {
                for (MailboxSummary.FolderSummary f : s.folders()) {
                    rows.addAll(rows(d, s.key(), f.name()));
                }
            }
            refusedRecords().stream().map(MessageRow::refused).forEach(rows::add);
        }
        return Json.ok(rows.stream().filter(search::matches).sorted(Comparator.comparing(MessageRow::time).reversed()).toList());
    }

    /** {@code GET /api/ui/refused?q=} → {@code [MessageRow]} of every refused submission, newest first. */
    public Response refused(Request r) {
        MessageSearch search = MessageSearch.parse(r.query("q").orElse(""));
        return Json.ok(refusedRecords().stream().map(MessageRow::refused).filter(search::matches).toList());
    }

    /**
     * {@code GET /api/ui/messages/{id}} → {@code {row, view: MessageView, htmlUrl?}}; marks the
     * message read in the UI.
     */
    public Response message(Request r) {
        MessageId id;
        try {
            id = new MessageId(r.param("id"));
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest(e.getMessage());
        }
        Optional<StoredMessage> stored = store.fetch(id);
        if (stored.isEmpty()) {
            return Json.error(HttpResponseStatus.NOT_FOUND, "no message " + id);
        }
        MessageSummary m = stored.get().summary();
        marks.open(m);
        Optional<DecisionRecord> decision = m.submissionId().flatMap(decisions::get);
        MessageView view = MessageView.of(stored.get(), decision);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("row", MessageRow.stored(m, m.mailbox().address(directory.current()), true, decision));
        body.put("view", ApiJson.Message.of(view));
        view.html().ifPresent(h -> body.put("htmlUrl", html.url(id)));
        return Json.ok(body);
    }

    private List<MessageRow> rows(Directory d, MailboxKey key, String folder) {
        String box = key.address(d);
        List<MessageRow> out = new ArrayList<>();
        for (MessageSummary m : store.list(key, folder)) {
            out.add(MessageRow.stored(m, box, marks.seen(m), m.submissionId().flatMap(decisions::get)));
        }
        return out;
    }

    private List<DecisionRecord> refusedRecords() {
        List<DecisionRecord> out = new ArrayList<>(decisions.query(Optional.empty(), Optional.of("Denied"), REFUSED_LIMIT));
        out.addAll(decisions.query(Optional.empty(), Optional.of("Rejected"), REFUSED_LIMIT));
        out.sort(Comparator.comparing(DecisionRecord::time).reversed());
        return out;
    }
}
