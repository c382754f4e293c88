package dev.behalf.gateway.smtp;

import dev.behalf.message.HeaderField;
import dev.behalf.policy.reply.Refusal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ParsedMessageTest {

    private static ParsedMessage parse(String text) throws MalformedMessageException {
        return ParsedMessage.parse(text.getBytes(StandardCharsets.UTF_8), true, ParsedMessage.Limits.DEFAULT);
    }

    private static MalformedMessageException refused(String text) {
        return assertThrows(MalformedMessageException.class, () -> parse(text));
    }

    @Test
    void readsFromSenderSubjectAndMessageId() throws Exception {
        ParsedMessage m = parse("From: \"Sean Chai\" <seanc@contoso.com>, hollyh@contoso.com\r\nSender: Holly <hollyh@contoso.com>\r\n"
                + "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nMessage-ID: <x@y>\r\n\r\nbody");
        assertEquals(2, m.from().size());
        assertEquals("seanc@contoso.com", m.from().get(0).address().toString());
        assertEquals("Sean Chai", m.from().get(0).displayName().orElseThrow());
        assertEquals("hollyh@contoso.com", m.sender().orElseThrow().address().toString());
        assertEquals("Grüße", m.subject().orElseThrow());
        assertEquals("<x@y>", m.messageId().orElseThrow());
        assertFalse(m.hasDate());
    }

    @Test
    void aMessageWithoutHeadersHasNoFrom() throws Exception {
        ParsedMessage m = parse("just a body line\r\n");
        assertTrue(m.from().isEmpty());
        assertEquals(0, m.bodyStart());
    }

    @Test
    void aContinuationLineFirstIsRefusedNotCrashed() {
        // Angus InternetHeaders throws IndexOutOfBoundsException on this (pitfalls note).
        assertEquals(Refusal.MALFORMED_HEADERS, refused(" \r\n x\r\n\r\n").refusal());
        assertEquals(Refusal.MALFORMED_HEADERS, refused("\t\r\n\tx\r\n\r\n").refusal());
    }

    @Test
    void twoFromFieldsAreRefused() {
        MalformedMessageException e = refused("From: a@contoso.com\r\nFrom: b@contoso.com\r\n\r\n");
        assertEquals(Refusal.MALFORMED_HEADERS, e.refusal());
        assertTrue(e.getMessage().contains("more than one From"));
    }

    @Test
    void aGarbageLineInsideTheHeaderSectionIsRefused() {
        MalformedMessageException e = refused("From: a@contoso.com\r\nthis is not a header\r\n\r\n");
        assertTrue(e.getMessage().contains("header line 2"), e.getMessage());
    }

    @Test
    void anAddressThatDoesNotParseIsRefusedAsMalformedAddress() {
        assertEquals(Refusal.MALFORMED_ADDRESS, refused("From: <not an address>\r\n\r\n").refusal());
    }

    @Test
    void overLongHeaderLinesAreRefused() {
        MalformedMessageException e = refused("Subject: " + "x".repeat(1000) + "\r\nFrom: a@contoso.com\r\n\r\n");
        assertEquals(Refusal.LINE_TOO_LONG, e.refusal());
    }

    @Test
    void thousandsOfHeaderFieldsAreRefused() {
        MalformedMessageException e = refused("X-A: 1\r\n".repeat(5000) + "From: a@contoso.com\r\n\r\n");
        assertEquals(Refusal.TOO_COMPLEX, e.refusal());
    }

    @Test
    void fieldsKeepTheirExactByteRanges() throws Exception {
        String text = "From: a@contoso.com\r\nSubject: one\r\n two\r\n\r\nbody";
        ParsedMessage m = parse(text);
        HeaderField subject = m.fields().get(1);
        assertEquals("Subject: one\r\n two\r\n", text.substring(subject.start(), subject.end()));
        assertEquals(text.indexOf("body"), m.bodyStart());
    }

    @Test
    void aBareCrAnywhereInTheHeaderSectionIsRefused() {
        // Issue 12.2: Jakarta Mail, and so IMAP ENVELOPE, reads a lone CR as a line end.
        MalformedMessageException e = refused("Subject: x\rFrom: Ayla Kol <ayla@contoso.com>\rX-A: 1\r\nFrom: jimh@contoso.com\r\n\r\n");
        assertEquals(Refusal.BARE_CARRIAGE_RETURN, e.refusal());
        assertEquals(Refusal.BARE_CARRIAGE_RETURN, refused("From: jimh@contoso.com\r\r\n\r\n").refusal());
    }

    @Test
    void eightBitHeaderFieldsNeedSmtpUtf8() throws Exception {
        byte[] raw = "From: J\u00efm <jimh@contoso.com>\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> ParsedMessage.parse(raw, false, ParsedMessage.Limits.DEFAULT));
        assertEquals(Refusal.EIGHT_BIT_HEADERS_WITHOUT_SMTPUTF8, e.refusal());
        assertEquals("J\u00efm", ParsedMessage.parse(raw, true, ParsedMessage.Limits.DEFAULT).from().get(0).displayName().orElseThrow());
    }

    @Test
    void anEncodedWordInAnAddressIsRefusedAsGreenMailWouldDecodeIt() {
        assertEquals(Refusal.MALFORMED_ADDRESS, refused("From: =?utf-8?q?ayla?=@contoso.com\r\n\r\n").refusal());
    }

    @Test
    void aQuotedLocalPartIsTheAddressItQuotes() throws Exception {
        assertEquals("jimh@contoso.com", parse("From: \"jimh\"@contoso.com\r\n\r\n").from().get(0).address().toString());
        assertEquals(Refusal.MALFORMED_ADDRESS, refused("From: \"jimh@contoso.com\"@evil.example\r\n\r\n").refusal());
    }

    @Test
    void resentFromAndResentSenderOfEveryBlockAreRead() throws Exception {
        ParsedMessage m = parse("Resent-From: Jim <jimh@contoso.com>, ayla@contoso.com\r\nResent-Sender: jimh@contoso.com\r\n"
                + "Resent-From: terrya@contoso.com\r\nFrom: seanc@contoso.com\r\n\r\n");
        assertEquals(List.of("jimh@contoso.com", "ayla@contoso.com", "terrya@contoso.com"),
                m.resentFrom().stream().map(b -> b.address().toString()).toList());
        assertEquals(List.of("jimh@contoso.com"), m.resentSender().stream().map(b -> b.address().toString()).toList());
        assertEquals(Refusal.MALFORMED_ADDRESS, refused("Resent-Sender: a@contoso.com, b@contoso.com\r\nFrom: a@contoso.com\r\n\r\n").refusal());
    }

    @Test
    void aDisplayNameOrCommentThatReadsAsAnotherAddressIsALookAlike() throws Exception {
        ParsedMessage m = parse("From: jimh@contoso.com (Ayla Kol <ayla@contoso.com>)\r\nSender: \"terrya@contoso.com\" <jimh@contoso.com>\r\n\r\n");
        assertEquals(List.of(new ParsedMessage.LookAlike("From", "Ayla Kol <ayla@contoso.com>", "jimh@contoso.com", "ayla@contoso.com"),
                new ParsedMessage.LookAlike("Sender", "terrya@contoso.com", "jimh@contoso.com", "terrya@contoso.com")), m.lookAlikes());
        // And the record shows it as one mailbox.
        assertEquals("\"Ayla Kol <ayla@contoso.com>\" <jimh@contoso.com>", m.from().get(0).toString());
        assertEquals(List.of(), parse("From: \"jimh@contoso.com\" <jimh@contoso.com>\r\n\r\n").lookAlikes());
    }
}
