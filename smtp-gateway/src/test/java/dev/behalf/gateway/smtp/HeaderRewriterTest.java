package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class HeaderRewriterTest {

    private static ParsedMessage parse(String text) throws MalformedMessageException {
        return ParsedMessage.parse(text.getBytes(StandardCharsets.UTF_8), true, ParsedMessage.Limits.DEFAULT);
    }

    private static String rewrite(String text, HeaderRewriter.Rewrite r) throws MalformedMessageException {
        return new String(HeaderRewriter.rewrite(parse(text), r), StandardCharsets.UTF_8);
    }

    @Test
    void sendOnBehalfStampsSenderRightAfterFromAndKeepsEverythingElse() throws Exception {
        String in = "From: Sean Chai <seanc@contoso.com>\r\nTo: jimh@contoso.com\r\nSubject: hi\r\n\r\nbody\r\n";
        String out = rewrite(in, new HeaderRewriter.Rewrite(false, Optional.of("Holly Holt <hollyh@contoso.com>"), List.of(), List.of()));
        assertEquals("From: Sean Chai <seanc@contoso.com>\r\nSender: Holly Holt <hollyh@contoso.com>\r\n"
                + "To: jimh@contoso.com\r\nSubject: hi\r\n\r\nbody\r\n", out);
    }

    @Test
    void stampingReplacesEveryClientSenderIncludingFoldedOnes() throws Exception {
        String in = "Sender: Mallory\r\n <mallory@evil.example>\r\nFrom: seanc@contoso.com\r\n\r\nx";
        String out = rewrite(in, new HeaderRewriter.Rewrite(false, Optional.of("Holly Holt <hollyh@contoso.com>"), List.of(), List.of()));
        assertEquals("From: seanc@contoso.com\r\nSender: Holly Holt <hollyh@contoso.com>\r\n\r\nx", out);
        assertFalse(out.contains("mallory"));
    }

    @Test
    void sendAsRemovesTheClientSenderSoNothingShowsTheDelegate() throws Exception {
        String in = "From: helpdesksupport@contoso.com\r\nSender: ayla@contoso.com\r\n\r\nbody";
        String out = rewrite(in, new HeaderRewriter.Rewrite(true, Optional.empty(), List.of(), List.of()));
        assertEquals("From: helpdesksupport@contoso.com\r\n\r\nbody", out);
    }

    @Test
    void traceFieldsGoOnTopAndAppendedFieldsEndTheHeaderSection() throws Exception {
        String in = "From: a@contoso.com\r\n\r\nbody\r\n.\r\n";
        String out = rewrite(in, new HeaderRewriter.Rewrite(false, Optional.empty(),
                List.of("Return-Path: <a@contoso.com>", "Received: from x\r\n by y"), List.of("Message-ID: <1@y>")));
        assertEquals("Return-Path: <a@contoso.com>\r\nReceived: from x\r\n by y\r\nFrom: a@contoso.com\r\nMessage-ID: <1@y>\r\n\r\nbody\r\n.\r\n", out);
    }

    @Test
    void aHeaderSectionWithoutBodyStillEndsWithTheEmptyLine() throws Exception {
        String out = rewrite("From: a@contoso.com\r\n", new HeaderRewriter.Rewrite(false, Optional.empty(), List.of(), List.of("X: y")));
        assertEquals("From: a@contoso.com\r\nX: y\r\n\r\n", out);
    }

    @Test
    void anEmptyBodyKeepsStampedFieldsInTheHeaderSection() throws Exception {
        // Found by HeaderFuzzTest: when the empty line was the last line, it was counted into the last field,
        // and Sender and the appended fields landed after it, in the body.
        String out = rewrite("From: Sean Chai <seanc@contoso.com>\r\nSubject: empty\r\n\r\n",
                new HeaderRewriter.Rewrite(false, Optional.of("Holly Holt <hollyh@contoso.com>"), List.of(), List.of("Message-ID: <1@y>")));
        assertEquals("From: Sean Chai <seanc@contoso.com>\r\nSender: Holly Holt <hollyh@contoso.com>\r\n"
                + "Subject: empty\r\nMessage-ID: <1@y>\r\n\r\n", out);
    }

    @Test
    void aDisplayNameCannotPoseAsAnEncodedWord() throws Exception {
        String v = HeaderRewriter.mailboxValue("=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?=", "hollyh@contoso.com");
        assertFalse(v.contains("=?UTF-8?B?QWRtaW5pc3RyYXRvcg"), v);
        var decoded = new jakarta.mail.internet.InternetAddress(jakarta.mail.internet.MimeUtility.unfold(v));
        assertNotEquals("Administrator", decoded.getPersonal(), "a client would show the delegate as Administrator");
        assertEquals("hollyh@contoso.com", decoded.getAddress());
    }

    @Test
    void displayNamesCannotInjectHeaders() {
        String v = HeaderRewriter.mailboxValue("Holly\r\nBcc: victim@example.com", "hollyh@contoso.com");
        assertFalse(v.contains("\r") || v.contains("\n"), v);
        assertTrue(v.startsWith("\"Holly Bcc: victim@example.com\""), v);
    }

    @Test
    void nonAsciiDisplayNamesAreEncodedPerRfc2047() {
        String v = HeaderRewriter.mailboxValue("Zoë Brontë", "zoe@contoso.com");
        assertTrue(v.startsWith("=?UTF-8?"), v);
        assertTrue(v.endsWith("<zoe@contoso.com>"), v);
    }

    @Test
    void quotesInDisplayNamesAreEscaped() {
        String v = HeaderRewriter.mailboxValue("Holt, \"Holly\"", "hollyh@contoso.com");
        assertEquals("\"Holt, \\\"Holly\\\"\" <hollyh@contoso.com>", v);
    }

    @Test
    void aFieldWithABareLineBreakIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HeaderRewriter.rewrite(parse("From: a@b.c\r\n\r\n"),
                new HeaderRewriter.Rewrite(false, Optional.empty(), List.of("X: a\r\nBcc: b"), List.of())));
    }
}
