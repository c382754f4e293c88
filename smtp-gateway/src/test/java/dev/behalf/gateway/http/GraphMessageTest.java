package dev.behalf.gateway.http;

import dev.behalf.message.Address;
import dev.behalf.message.HeaderField;
import dev.behalf.message.HeaderSection;
import dev.behalf.message.LineRule;
import dev.behalf.policy.directory.SmtpAddress;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graph's JSON message to MIME: the fields it maps, and that no text from the request makes a header of its own. */
class GraphMessageTest {
    private static final GraphMessage.Mailbox TERRY = new GraphMessage.Mailbox(Optional.of("Terry Adams"), SmtpAddress.parse("terrya@contoso.com"));

    private static GraphMessage read(String json) throws GraphMessage.Invalid {
        return GraphMessage.read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parsed as the submission pipeline parses it: 7-bit headers, no bare CR or LF anywhere. */
    private static HeaderSection parse(byte[] mime) throws Exception {
        assertTrue(LineRule.firstBreach(mime, 0, mime.length).isEmpty(), new String(mime, StandardCharsets.US_ASCII));
        for (byte b : mime) {
            assertTrue(b >= 0, "8-bit byte in a message the pipeline takes as 7-bit");
        }
        return HeaderSection.parse(mime, HeaderSection.Rules.SUBMISSION);
    }

    private static List<String> names(HeaderSection h) {
        return h.fields().stream().map(HeaderField::name).toList();
    }

    @Test
    void mapsEveryFieldAndKeepsBccInTheEnvelopeOnly() throws Exception {
        GraphMessage m = read("""
                {"message":{"subject":"Quarterly","body":{"contentType":"HTML","content":"<p>Hi</p>"},
                 "from":{"emailAddress":{"address":"jamesa@contoso.com","name":"James Alvord"}},
                 "sender":{"emailAddress":{"address":"pilarp@contoso.com"}},
                 "toRecipients":[{"emailAddress":{"address":"terrya@contoso.com","name":"Terry Adams"}}],
                 "ccRecipients":[{"emailAddress":{"address":"raymonds@contoso.com"}}],
                 "bccRecipients":[{"emailAddress":{"address":"holly@contoso.com"}},{"emailAddress":{"address":"terrya@contoso.com"}}],
                 "replyTo":[{"emailAddress":{"address":"ops@contoso.com","name":"Ops"}}]}}""");
        assertTrue(m.saveToSentItems(), "saveToSentItems defaults to true");
        assertEquals(List.of("terrya@contoso.com", "raymonds@contoso.com", "holly@contoso.com"),
                m.envelope().stream().map(Object::toString).toList());
        HeaderSection h = parse(m.mime(m.from().orElseThrow()));
        assertEquals(List.of(new Address(Optional.of("James Alvord"), "jamesa@contoso.com", false)), h.from());
        assertEquals("pilarp@contoso.com", h.sender().get(0).address());
        assertEquals("terrya@contoso.com", h.to().get(0).address());
        assertEquals("raymonds@contoso.com", h.cc().get(0).address());
        assertEquals("ops@contoso.com", h.addresses("Reply-To").get(0).address());
        assertEquals(Optional.of("Quarterly"), h.subject());
        assertFalse(names(h).contains("Bcc"), names(h).toString());
        assertFalse(names(h).contains("Message-ID"), "the pipeline adds the Message-ID: " + names(h));
        assertTrue(h.text("Content-Type").orElseThrow().startsWith("text/html; charset=UTF-8"), h.text("Content-Type").toString());
    }

    @Test
    void aLineBreakInTheSubjectOrANameMakesNoHeader() throws Exception {
        GraphMessage m = read("""
                {"message":{"subject":"Hi\\r\\nBcc: evil@fabrikam.com\\r\\n\\r\\nbody",
                 "toRecipients":[{"emailAddress":{"address":"terrya@contoso.com","name":"T\\r\\nX-Injected: 1"}}],
                 "attachments":[{"@odata.type":"#microsoft.graph.fileAttachment","name":"a.txt\\"\\r\\nX-Evil: 2",
                                 "contentType":"text/plain","contentBytes":"aGVsbG8="}]},
                 "saveToSentItems":false}""");
        assertFalse(m.saveToSentItems());
        GraphMessage.Mailbox from = new GraphMessage.Mailbox(Optional.of("Terry\nReply-To: x@fabrikam.com"), TERRY.address());
        byte[] mime = m.mime(from);
        HeaderSection h = parse(mime);
        assertEquals(List.of("From", "To", "Subject", "MIME-Version", "Content-Type"), names(h));
        assertEquals(Optional.of("Hi\r\nBcc: evil@fabrikam.com\r\n\r\nbody"), h.subject(), "kept, as encoded-words");
        String text = new String(mime, StandardCharsets.US_ASCII);
        assertFalse(text.contains("\r\nX-Evil"), text);
        assertFalse(text.contains("\r\nX-Injected"), text);
        assertTrue(text.contains("filename*=UTF-8''a.txt%22%0D%0AX-Evil%3A%202"), text);
    }

    @Test
    void aNameThatIsAnEncodedWordCantPoseAsSomeoneElse() throws Exception {
        // "=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?=" is "Administrator"; GreenMail's ENVELOPE decodes names even in quotes.
        GraphMessage m = read("""
                {"message":{"toRecipients":[{"emailAddress":{"address":"terrya@contoso.com","name":"=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?="}}]}}""");
        HeaderSection h = parse(m.mime(new GraphMessage.Mailbox(Optional.of("=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?="), TERRY.address())));
        assertFalse(h.from().get(0).displayName().map(dev.behalf.message.HeaderText::decode).orElse("").contains("Administrator"));
        assertFalse(h.to().get(0).displayName().map(dev.behalf.message.HeaderText::decode).orElse("").contains("Administrator"));
    }

    @Test
    void nonAsciiTextIsEncodedWords() throws Exception {
        GraphMessage m = read("""
                {"message":{"subject":"Grüße","body":{"contentType":"Text","content":"Grüße"},
                 "toRecipients":[{"emailAddress":{"address":"terrya@contoso.com","name":"Zoë"}}]}}""");
        HeaderSection h = parse(m.mime(TERRY));
        assertEquals(Optional.of("Grüße"), h.subject());
        assertEquals(Optional.of("Zoë"), h.to().get(0).displayName().map(dev.behalf.message.HeaderText::decode));
    }

    @Test
    void badRequestsAreGraphsErrors() {
        assertEquals("RequestBodyRead", assertThrows(GraphMessage.Invalid.class, () -> read("{\"message\":")).code());
        assertEquals("ErrorInvalidRequest", assertThrows(GraphMessage.Invalid.class, () -> read("{}")).code());
        assertEquals("ErrorInvalidRecipients", assertThrows(GraphMessage.Invalid.class, () -> read("{\"message\":{\"subject\":\"x\"}}")).code());
        assertEquals("ErrorInvalidRecipients", assertThrows(GraphMessage.Invalid.class,
                () -> read("{\"message\":{\"toRecipients\":[{\"emailAddress\":{\"address\":\"not an address\"}}]}}")).code());
        assertEquals("ErrorInvalidRecipients", assertThrows(GraphMessage.Invalid.class,
                () -> read("{\"message\":{\"toRecipients\":[{\"emailAddress\":{\"address\":\"a@b.com\\r\\nBcc: c@d.com\"}}]}}")).code());
        assertEquals("RequestBodyRead", assertThrows(GraphMessage.Invalid.class,
                () -> read("{\"message\":{\"toRecipients\":[{\"emailAddress\":{\"address\":\"a@b.com\"}}]},\"saveToSentItems\":\"yes\"}")).code());
        GraphMessage.Invalid type = assertThrows(GraphMessage.Invalid.class, () -> read("""
                {"message":{"toRecipients":[{"emailAddress":{"address":"a@b.com"}}],
                 "attachments":[{"@odata.type":"#microsoft.graph.fileAttachment","name":"x","contentType":"text/plain\\r\\nX: 1","contentBytes":""}]}}""")
                .mime(TERRY));
        assertEquals("ErrorInvalidRequest", type.code());
    }
}
