package dev.behalf.gateway.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.message.Address;
import dev.behalf.message.MailboxList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The From the policy decides on is the From that readers show (issue 12.2). Jim Hance (Full Access on
 * Ayla Kol, no right to send as her) submits header sections on which parsers have disagreed; each is
 * either refused with its exact reply and nothing stored, or accepted, and then the From that IMAP
 * ENVELOPE shows (a raw {@code FETCH ENVELOPE}), the JSON API's summary and the web UI's message view are the
 * From in the decision record, mailbox for mailbox.
 */
class HeaderReadersIT {
    static final String BARE_CR = "550 5.6.11 Message contains bare carriage returns, which cannot be sent via DATA";
    static final String BARE_LF = "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA";
    static final String MALFORMED = "550 5.6.0 Message headers could not be parsed";
    static final String BAD_ADDRESS = "550 5.1.7 Invalid address in a From or Sender header";
    static final String DENIED = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
    static final String ACCEPTED = "250 2.6.0 ";

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    /** A header section Jim sends: the MAIL parameters, the bytes, the reply, the From readers then show. */
    record Variant(String name, String parameters, byte[] message, String reply, List<String> shownFrom) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Variant refused(String name, String head, String reply) {
        return refused(name, "", head.getBytes(StandardCharsets.UTF_8), reply);
    }

    /** Refused: the header section exactly as given (no Subject is added, so line 1 is the row's). */
    static Variant refused(String name, String parameters, byte[] head, String reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes("\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
        return new Variant(name, parameters, out.toByteArray(), reply, List.of());
    }

    static Variant accepted(String name, String parameters, String head, String... shownFrom) {
        return new Variant(name, parameters, body(head.getBytes(StandardCharsets.UTF_8), name), ACCEPTED, List.of(shownFrom));
    }

    /** The header section given, a Subject naming the case, the empty line and a body. */
    static byte[] body(byte[] head, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Subject: " + name + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(head);
        out.writeBytes("\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static Stream<Variant> variants() {
        return Stream.of(
                refused("a bare CR hides Ayla's From (issue 12.2)",
                        "X-A: 1\rFrom: Ayla Kol <ayla@contoso.com>\rX-B: 2\r\nFrom: jimh@contoso.com\r\n", BARE_CR),
                refused("a bare CR after Jim's From", "From: jimh@contoso.com\r\nX-A: 1\rFrom: Ayla Kol <ayla@contoso.com>\r\n", BARE_CR),
                refused("CR CR LF", "From: jimh@contoso.com\r\r\nX-A: 1\r\n", BARE_CR),
                refused("a CR at the end of the header section", "From: jimh@contoso.com\r\nX-A: 1\r\r\n", BARE_CR),
                refused("a bare CR in the body", "From: jimh@contoso.com\r\n\r\nline\rFrom: ayla@contoso.com\r\n", BARE_CR),
                refused("a bare LF hides Ayla's From", "From: jimh@contoso.com\r\nX-A: 1\nFrom: ayla@contoso.com\r\n", BARE_LF),
                refused("a NUL before a second From", "", "From: jimh@contoso.com\r\nX-A: a\0b\r\nFrom: ayla@contoso.com\r\n"
                        .getBytes(StandardCharsets.US_ASCII), "550 5.6.0 Message contains NUL characters"),
                refused("a fold before the colon", "X-A: 1\r\nFrom\r\n : ayla@contoso.com\r\n", MALFORMED),
                // Line 1 is not a field, so there is no header section at all (Jakarta Mail reads From: ayla).
                refused("a fold before the colon on line 1", "From\r\n : ayla@contoso.com\r\n",
                        "550 5.6.0 Message has no From header; RFC 5322 requires one"),
                refused("a fold of only white space", "From: jimh@contoso.com\r\n \r\n", MALFORMED),
                refused("a second header block after a white-space line", "From: jimh@contoso.com\r\n\t \r\nFrom: ayla@contoso.com\r\n", MALFORMED),
                refused("From with a space before the colon", "X-A: 1\r\nFrom : ayla@contoso.com\r\nFrom: jimh@contoso.com\r\n", MALFORMED),
                refused("From with a space before the colon on line 1", "From : ayla@contoso.com\r\nFrom: jimh@contoso.com\r\n",
                        "550 5.6.0 Message has no From header; RFC 5322 requires one"),
                refused("From twice in different case", "from: ayla@contoso.com\r\nFROM: jimh@contoso.com\r\n", MALFORMED),
                refused("a header line over 998", "From: jimh@contoso.com\r\nX-Long: " + "x".repeat(1000) + "\r\n", "500 5.5.2 Line too long"),
                refused("8-bit bytes in a field name without SMTPUTF8", " BODY=8BITMIME",
                        "Fr\u00f6m: ayla@contoso.com\r\nFrom: jimh@contoso.com\r\n".getBytes(StandardCharsets.UTF_8),
                        "550 5.6.7 Non-ASCII header fields require SMTPUTF8"),
                refused("8-bit bytes in a display name without SMTPUTF8", " BODY=8BITMIME",
                        "From: J\u00efm <jimh@contoso.com>\r\n".getBytes(StandardCharsets.UTF_8), "550 5.6.7 Non-ASCII header fields require SMTPUTF8"),
                refused("bytes that are not UTF-8 with SMTPUTF8", " SMTPUTF8",
                        new byte[] {'F', 'r', 'o', 'm', ':', ' ', (byte) 0xff, ' ', '<', 'j', 'i', 'm', 'h', '@', 'c', 'o', 'n', 't', 'o', 's', 'o',
                                '.', 'c', 'o', 'm', '>', '\r', '\n'}, MALFORMED),
                refused("a continuation line first", " From: ayla@contoso.com\r\n", MALFORMED),
                refused("a group as From", "From: Team: ayla@contoso.com, jimh@contoso.com;\r\n", BAD_ADDRESS),
                refused("an address quoted around another address", "From: \"jimh@contoso.com\"@evil.example\r\n", BAD_ADDRESS),
                // GreenMail's ENVELOPE decodes RFC 2047 in addresses: it would show ayla@contoso.com.
                refused("an encoded-word as the local part", "From: =?utf-8?q?ayla?=@contoso.com\r\n", BAD_ADDRESS),
                refused("an encoded-word as the whole address", "From: <=?utf-8?q?ayla=40contoso.com?=>\r\n", BAD_ADDRESS),
                refused("a comment inside the address (Jakarta Mail reads Ayla's)", "From: jimh(ayla@contoso.com)@contoso.com\r\n", DENIED),
                refused("an address as the display name of Ayla's", "From: jimh@contoso.com <ayla@contoso.com>\r\n", DENIED),
                accepted("Jim's own From (the control)", "", "From: Jim Hance <jimh@contoso.com>\r\n", "jimh@contoso.com"),
                accepted("a comment that looks like Ayla", "", "From: jimh@contoso.com (Ayla Kol <ayla@contoso.com>)\r\n", "jimh@contoso.com"),
                accepted("a quoted display name that is Ayla's address", "", "From: \"ayla@contoso.com\" <jimh@contoso.com>\r\n",
                        "jimh@contoso.com"),
                accepted("an encoded-word display name that is Ayla's address", "",
                        "From: =?utf-8?b?YXlsYUBjb250b3NvLmNvbQ==?= <jimh@contoso.com>\r\n", "jimh@contoso.com"),
                accepted("a quoted local part", "", "From: \"jimh\"@contoso.com\r\n", "jimh@contoso.com"),
                accepted("a folded From", "", "From:\r\n Jim\r\n\tHance\r\n <jimh@contoso.com>\r\n", "jimh@contoso.com"),
                accepted("a line of exactly 998", "", "From: jimh@contoso.com\r\nX-Long: " + "x".repeat(990) + "\r\n", "jimh@contoso.com"),
                accepted("a UTF-8 display name with SMTPUTF8", " SMTPUTF8", "From: J\u00efm H\u00e4nce <jimh@contoso.com>\r\n",
                        "jimh@contoso.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theFromThePolicySawIsTheFromEveryReaderShows(Variant v) throws Exception {
        String reply;
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertEquals("235 Authentication successful.", s.login("jimh", "P@ssw0rd"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<jimh@contoso.com>" + v.parameters()));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<terrya@contoso.com>"));
            assertTrue(s.send("DATA").startsWith("354 "));
            s.write(v.message());
            s.write(".\r\n");
            reply = s.lastLine();
        }
        DecisionRecord record = behalf.lastDecision().orElseThrow();
        assertEquals(reply, record.reply(), "the record holds the reply the client heard");
        if (!v.reply().equals(ACCEPTED)) {
            assertEquals(v.reply(), reply, "Error upon step DATA for " + v.name());
            assertEquals(List.of(), ImapEnvelopes.inbox(behalf.imapPort(), "terrya@contoso.com", "P@ssw0rd"), "nothing was stored");
            return;
        }
        assertTrue(reply.startsWith(ACCEPTED), "Error upon step DATA for " + v.name() + ": " + reply);
        assertEquals("Self", record.outcome());
        List<String> decided = record.headerFrom().stream().map(HeaderReadersIT::address).toList();
        assertEquals(v.shownFrom(), decided, "the From the policy decided on");

        behalf.awaitMessage("terrya", v.name());
        ImapEnvelopes.Envelope envelope = ImapEnvelopes.bySubject(behalf.imapPort(), "terrya@contoso.com", "P@ssw0rd", v.name());
        assertEquals(decided, envelope.fromAddresses(), "IMAP ENVELOPE From");
        assertEquals(decided, envelope.sender().stream().map(ImapEnvelopes.Mailbox::address).toList(), "IMAP ENVELOPE Sender (From, as none was sent)");

        JsonNode list = get("/api/mailboxes/terrya@contoso.com/messages");
        assertEquals(1, list.size());
        assertEquals(decided, addresses(list.get(0).get("from").asText()), "the JSON API's From");
        JsonNode id = list.get(0).get("id");
        JsonNode view = get("/api/messages/" + URLEncoder.encode((id.isObject() ? id.get("value") : id).asText(), StandardCharsets.UTF_8));
        List<String> viewFroms = new ArrayList<>();
        for (JsonNode h : view.get("headers")) {
            if (h.get("name").asText().equalsIgnoreCase("From")) {
                viewFroms.addAll(addresses(h.get("value").asText()));
            }
        }
        assertEquals(decided, viewFroms, "the From header the web UI's message view shows");
    }

    private static String address(String mailbox) {
        List<Address> parsed = MailboxList.read(mailbox);
        assertEquals(1, parsed.size(), mailbox);
        return parsed.get(0).address().replace("\"", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> addresses(String header) {
        return MailboxList.read(header).stream().map(a -> a.address().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + behalf.httpPort() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.mapper().readTree(r.body());
    }
}
