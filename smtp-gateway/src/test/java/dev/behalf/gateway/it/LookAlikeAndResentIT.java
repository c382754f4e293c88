package dev.behalf.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, lower items, end to end: a display name that reads as someone else's address is delivered as
 * written (Exchange leaves names alone) but flagged in the decision record and shown with the real address
 * in the viewer's API; Resent-From is authorised like From, and Resent-Sender is stamped or removed.
 */
class LookAlikeAndResentIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private static String send(String login, String message) throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertEquals("235 Authentication successful.", s.login(login, "P@ssw0rd"));
            return s.transaction(login + "@contoso.com", "terrya@contoso.com", message);
        }
    }

    private static JsonNode get(String path) {
        Http.Reply r = Http.get(behalf.httpPort(), path);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.json();
    }

    /** The one stored copy in Terry's Inbox: its viewer row and its raw bytes. */
    private static JsonNode inboxRow() {
        JsonNode rows = get("/api/ui/messages?box=terrya%40contoso.com&folder=INBOX");
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static byte[] raw(JsonNode row) {
        Http.Reply r = Http.get(behalf.httpPort(), "/api/messages/" + URLEncoder.encode(row.get("id").asText(), StandardCharsets.UTF_8) + "/raw");
        assertEquals(200, r.status());
        return r.body().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDisplayNameThatIsAylasAddressIsKeptFlaggedAndShownWithTheRealAddress() throws Exception {
        assertTrue(send("jimh", "From: \"ayla@contoso.com\" <jimh@contoso.com>\r\nSubject: look-alike\r\n\r\nhi\r\n").startsWith("250 2.6.0 "));
        DecisionRecord record = behalf.lastDecision().orElseThrow();
        assertEquals("Self", record.outcome());
        assertEquals(List.of(new DecisionRecord.LookAlike("From", "ayla@contoso.com", "jimh@contoso.com", "ayla@contoso.com")),
                record.lookAlikes());
        JsonNode apiRecord = get("/api/decisions?limit=1").get(0);
        assertEquals("ayla@contoso.com", apiRecord.get("lookAlikes").get(0).get("looksLike").asText());

        behalf.awaitMessage("terrya", "look-alike");
        JsonNode row = inboxRow();
        assertEquals("\"ayla@contoso.com\" <jimh@contoso.com>", row.get("fromDisplay").asText(), "the viewer shows the real address");
        assertEquals("\"ayla@contoso.com\" <jimh@contoso.com>", row.get("lookAlikes").get(0).asText());
        assertEquals(List.of("\"ayla@contoso.com\" <jimh@contoso.com>"),
                HeaderSection.read(raw(row)).fields().stream().filter(f -> f.is("From")).map(f -> f.value()).toList(),
                "delivered as written");
    }

    @Test
    void anOrdinaryNameIsNoLookAlike() throws Exception {
        assertTrue(send("jimh", "From: Jim Hance <jimh@contoso.com>\r\nSubject: plain\r\n\r\nhi\r\n").startsWith("250 2.6.0 "));
        assertEquals(List.of(), behalf.lastDecision().orElseThrow().lookAlikes());
        behalf.awaitMessage("terrya", "plain");
        JsonNode row = inboxRow();
        assertEquals("Jim Hance", row.get("fromDisplay").asText());
        assertEquals(0, row.get("lookAlikes").size());
    }

    @Test
    void aDelegateCanNotResendAsAyla() throws Exception {
        assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender",
                send("jimh", "Resent-From: Ayla Kol <ayla@contoso.com>\r\nResent-Date: Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                        + "From: jimh@contoso.com\r\nSubject: resent as ayla\r\n\r\nhi\r\n"));
        DecisionRecord record = behalf.lastDecision().orElseThrow();
        assertEquals("Denied", record.outcome());
        assertEquals(java.util.Optional.of("Denied"), record.resentOutcome());
        assertEquals(List.of("Ayla Kol <ayla@contoso.com>"), record.headerResentFrom());
        assertEquals("FULL_ACCESS_ONLY", record.resentGrants().get(0).reason());
        assertEquals(0, get("/api/ui/messages?box=terrya%40contoso.com&folder=INBOX").size(), "nothing is delivered");
    }

    @Test
    void aResendOnBehalfCarriesTheDelegateAsResentSenderAndNoClientOne() throws Exception {
        behalf.shell("Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh");
        assertTrue(send("hollyh", "Resent-From: Sean Chai <seanc@contoso.com>\r\nResent-Sender: ayla@contoso.com\r\n"
                + "From: Ayla Kol <hollyh@contoso.com>\r\nSubject: resent on behalf\r\n\r\nhi\r\n").startsWith("250 2.6.0 "));
        DecisionRecord record = behalf.lastDecision().orElseThrow();
        assertEquals(java.util.Optional.of("SendOnBehalf"), record.resentOutcome());
        behalf.awaitMessage("terrya", "resent on behalf");
        HeaderSection stored = HeaderSection.read(raw(inboxRow()));
        assertEquals(List.of("Holly Holt <hollyh@contoso.com>"), stored.all("Resent-Sender").stream().map(f -> f.unfolded()).toList());
        int resentFrom = stored.fields().indexOf(stored.first("Resent-From").orElseThrow());
        assertTrue(stored.fields().get(resentFrom + 1).is("Resent-Sender"), "stamped right after Resent-From");
        // The look-alike: "Ayla Kol" is a plain name, so it is no look-alike, though it is not Holly's.
        assertEquals(List.of(), record.lookAlikes());
    }
}
