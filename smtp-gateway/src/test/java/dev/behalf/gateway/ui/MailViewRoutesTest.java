package dev.behalf.gateway.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.ui.WebUi;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailViewRoutesTest {
    private static final String HTML_MESSAGE = String.join("\r\n",
            "From: Sean Chai <seanc@contoso.com>",
            "Sender: Holly Holt <hollyh@contoso.com>",
            "To: jimh@contoso.com",
            "Subject: Board meeting",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>Moved.</p><script>parent.x=1</script>",
            "");

    private final LiveDirectory live = DemoDirectory.live();
    private final FakeMailStore store = new FakeMailStore(live);
    private final DecisionLog decisions = new DecisionLog(100);
    private final WebUi ui = new WebUi(live, store, decisions);
    private final MailboxKey jim = new MailboxKey.Mailbox(DemoDirectory.id(live.current(), "jimh"));

    private static DecisionRecord record(String id, String outcome, String from, Optional<String> sender, String subject,
                                         String because, String reply) {
        return new DecisionRecord(id, Instant.parse("2025-01-01T09:00:00Z"), "Holly Holt", "hollyh@contoso.com",
                "hollyh@contoso.com", "seanc@contoso.com", List.of("jimh@contoso.com"), List.of(from), sender,
                sender, outcome, "DATA", List.of(because), List.of(), reply, Optional.empty(), Optional.of(subject),
                List.of(), 1);
    }

    private MessageSummary onBehalf() {
        decisions.add(record("d1", "SendOnBehalf", "Sean Chai <seanc@contoso.com>", Optional.of("Holly Holt <hollyh@contoso.com>"),
                "Board meeting", "Holly Holt is in GrantSendOnBehalfTo of Sean Chai", "250 2.6.0 queued"));
        return store.put(Placement.inbox(jim), "d1", "Board meeting", "Sean Chai <seanc@contoso.com>",
                Optional.of("Holly Holt <hollyh@contoso.com>"), HTML_MESSAGE);
    }

    private static JsonNode json(Response r) throws Exception {
        return Json.mapper().readTree(Requests.body(r));
    }

    @Test
    void theListShowsTheOutlookFromLineAndTheDecisionBadge() throws Exception {
        onBehalf();
        JsonNode rows = json(ui.viewer().messages(Requests.get("box", "jimh@contoso.com")));
        assertEquals(1, rows.size());
        assertEquals("Holly Holt on behalf of Sean Chai", rows.get(0).get("fromDisplay").asText());
        assertEquals("SendOnBehalf", rows.get(0).get("outcome").asText());
        assertFalse(rows.get(0).get("seen").asBoolean());
    }

    @Test
    void searchFiltersTheList() throws Exception {
        onBehalf();
        assertEquals(1, json(ui.viewer().messages(Requests.get("box", "jimh@contoso.com", "q", "decision:onbehalf"))).size());
        assertEquals(0, json(ui.viewer().messages(Requests.get("box", "jimh@contoso.com", "q", "decision:sendas"))).size());
    }

    @Test
    void refusedSubmissionsAreListedWithTheirReason() throws Exception {
        decisions.add(record("d2", "Denied", "Ayla Kol <ayla@contoso.com>", Optional.empty(), "Expenses",
                "Jim Hance holds Full Access on Ayla Kol, which does not allow sending",
                "550 5.7.60 SMTP; Client does not have permissions to send as this sender"));
        JsonNode rows = json(ui.viewer().refused(Requests.get()));
        assertEquals("refused", rows.get(0).get("kind").asText());
        assertEquals("Jim Hance holds Full Access on Ayla Kol, which does not allow sending", rows.get(0).get("reason").asText());
        assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender", rows.get(0).get("reply").asText());
        assertEquals(1, json(ui.viewer().mailboxes(Requests.get())).get("refused").asInt());
        assertEquals(1, json(ui.viewer().messages(Requests.get("q", "decision:refused"))).size(), "all mail includes refusals");
    }

    @Test
    void everyDirectoryMailboxIsListedAndOpeningAMessageClearsItsUnreadMark() throws Exception {
        MessageSummary m = onBehalf();
        JsonNode boxes = json(ui.viewer().mailboxes(Requests.get())).get("boxes");
        List<String> kinds = new ArrayList<>();
        boxes.forEach(b -> { if (!kinds.contains(b.get("kind").asText())) kinds.add(b.get("kind").asText()); });
        assertEquals(List.of("user", "shared", "resource", "system"), kinds);
        assertEquals(1, unread(boxes, "jimh@contoso.com"));

        ui.viewer().message(Requests.get(Map.of("id", m.id().value())));
        assertEquals(0, unread(json(ui.viewer().mailboxes(Requests.get())).get("boxes"), "jimh@contoso.com"));
        assertTrue(json(ui.viewer().messages(Requests.get("box", "jimh@contoso.com"))).get(0).get("seen").asBoolean());
    }

    private static int unread(JsonNode boxes, String address) {
        for (JsonNode b : boxes) {
            if (b.get("address").asText().equals(address)) {
                return b.get("unread").asInt();
            }
        }
        throw new AssertionError("no box " + address);
    }

    @Test
    void messageHtmlIsServedSandboxedOnlyThroughItsSignedLink() throws Exception {
        MessageSummary m = onBehalf();
        JsonNode view = json(ui.viewer().message(Requests.get(Map.of("id", m.id().value()))));
        assertEquals("Holly Holt is in GrantSendOnBehalfTo of Sean Chai", view.get("view").get("decision").get("because").get(0).asText());
        String url = view.get("htmlUrl").asText();
        String sig = url.substring(url.indexOf("?sig=") + 5);

        Response.Full html = Requests.full(ui.messageHtml().html(Requests.get(Map.of("id", m.id().value()), "sig", sig)));
        assertEquals(200, html.status().code());
        assertEquals("sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
                html.headers().get("Content-Security-Policy"));
        assertTrue(Requests.body(html).contains("<p>Moved.</p>"));

        Response.Full forged = Requests.full(ui.messageHtml().html(Requests.get(Map.of("id", m.id().value()), "sig", "x" + sig)));
        assertEquals(403, forged.status().code());
    }

    @Test
    void liveEventsTellOpenStreamsAboutMailDecisionsAndGrants() throws Exception {
        List<String> events = new ArrayList<>();
        Response.EventStream stream = (Response.EventStream) ui.events().open(Requests.get());
        stream.open().accept(new Response.EventSink() {
            @Override
            public void send(String event, String data) {
                events.add(event + " " + data);
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void onClose(Runnable action) {
            }
        });
        MessageSummary m = onBehalf();
        live.apply(new dev.behalf.policy.change.ChangeSet(List.of(new dev.behalf.policy.directory.DirectoryChange.Put(
                DemoDirectory.find(live.current(), "terrya").toBuilder().hiddenFromAddressLists(true).build())), "test"));
        assertEquals(List.of(
                "hello {\"directoryVersion\":0}",
                "decision {\"id\":\"d1\",\"outcome\":\"SendOnBehalf\",\"accepted\":true}",
                "mail {\"type\":\"delivered\",\"box\":\"jimh@contoso.com\",\"folder\":\"INBOX\",\"id\":\"" + m.id() + "\"}",
                "directory {\"version\":1}"), events);
        assertEquals(1, ui.events().listeners());
    }

    @Test
    void inlineImagesReferencedByCidAreEmbeddedAsDataUris() throws Exception {
        String raw = String.join("\r\n",
                "From: Terry Adams <terrya@contoso.com>",
                "To: jimh@contoso.com",
                "Subject: Logo",
                "MIME-Version: 1.0",
                "Content-Type: multipart/related; boundary=b1",
                "",
                "--b1",
                "Content-Type: text/html; charset=utf-8",
                "",
                "<p>Logo:</p><img src=\"cid:logo@contoso\"><img src=\"cid:missing@contoso\">",
                "--b1",
                "Content-Type: image/png",
                "Content-ID: <logo@contoso>",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgo=",
                "--b1--",
                "");
        decisions.add(record("d3", "Self", "Terry Adams <terrya@contoso.com>", Optional.empty(), "Logo", "own address", "250 2.6.0 queued"));
        MessageSummary m = store.put(Placement.inbox(jim), "d3", "Logo", "Terry Adams <terrya@contoso.com>", Optional.empty(), raw);
        String url = json(ui.viewer().message(Requests.get(Map.of("id", m.id().value())))).get("htmlUrl").asText();
        String html = Requests.body(ui.messageHtml().html(Requests.get(Map.of("id", m.id().value()), "sig",
                url.substring(url.indexOf("?sig=") + 5))));
        assertTrue(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"), html);
        assertTrue(html.contains("<img src=\"cid:missing@contoso\">"), html);
    }
}
