package dev.behalf.gateway.smtp;

import dev.behalf.message.HeaderSection;
import dev.behalf.policy.decision.SenderRule.Action;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class HeaderRewriterTest {
    private static final String HOLLY = "Holly Holt";
    private static final String HOLLY_ADDRESS = "hollyh@contoso.com";

    private static ParsedMessage parse(String text) throws MalformedMessageException {
        return ParsedMessage.parse(text.getBytes(StandardCharsets.UTF_8), true, ParsedMessage.Limits.DEFAULT);
    }

    private static HeaderRewriter.Rewrite rewrite(Action sender, Action resentSender, List<String> prepend, List<String> append) {
        return new HeaderRewriter.Rewrite(sender, resentSender, HOLLY, HOLLY_ADDRESS, prepend, append);
    }

    private static String rewrite(String text, HeaderRewriter.Rewrite r) throws MalformedMessageException {
        HeaderSection out = HeaderRewriter.rewrite(parse(text), r);
        // The section the rewrite hands on is the section of its bytes: no second parse is needed.
        assertEquals(HeaderSection.read(out.raw()), out);
        return new String(out.raw(), StandardCharsets.UTF_8);
    }

    @Test
    void sendOnBehalfStampsSenderRightAfterFromAndKeepsEverythingElse() throws Exception {
        String in = "From: Sean Chai <seanc@contoso.com>\r\nTo: jimh@contoso.com\r\nSubject: hi\r\n\r\nbody\r\n";
        String out = rewrite(in, rewrite(Action.STAMP_ACCOUNT, Action.NONE, List.of(), List.of()));
        assertEquals("From: Sean Chai <seanc@contoso.com>\r\nSender: Holly Holt <hollyh@contoso.com>\r\n"
                + "To: jimh@contoso.com\r\nSubject: hi\r\n\r\nbody\r\n", out);
    }

    @Test
    void stampingReplacesEveryClientSenderIncludingFoldedOnes() throws Exception {
        String in = "Sender: Mallory\r\n <mallory@evil.example>\r\nFrom: seanc@contoso.com\r\n\r\nx";
        String out = rewrite(in, rewrite(Action.STAMP_ACCOUNT, Action.NONE, List.of(), List.of()));
        assertEquals("From: seanc@contoso.com\r\nSender: Holly Holt <hollyh@contoso.com>\r\n\r\nx", out);
        assertFalse(out.contains("mallory"));
    }

    @Test
    void sendAsRemovesTheClientSenderSoNothingShowsTheDelegate() throws Exception {
        String in = "From: helpdesksupport@contoso.com\r\nSender: ayla@contoso.com\r\n\r\nbody";
        String out = rewrite(in, rewrite(Action.NONE, Action.NONE, List.of(), List.of()));
        assertEquals("From: helpdesksupport@contoso.com\r\n\r\nbody", out);
    }

    @Test
    void aClientsOwnOrganizationFieldsAreRemovedInAnyCaseAndFoldingAndOursAreKept() throws Exception {
        String in = "From: nina@contoso.com\r\nx-ms-exchange-organization-network-message-id:\r\n forged\r\n"
                + "X-MS-Exchange-Organization-AuthAs: Internal\r\nX-MS-Exchange-Organizational: kept\r\nX-MS-Exchange-Org: kept\r\n\r\nbody";
        String out = rewrite(in, rewrite(Action.KEEP_CLIENT, Action.NONE, List.of(),
                List.of(TraceFields.NETWORK_MESSAGE_ID + ": ours")));
        assertEquals("From: nina@contoso.com\r\nX-MS-Exchange-Organizational: kept\r\nX-MS-Exchange-Org: kept\r\n"
                + "X-MS-Exchange-Organization-Network-Message-Id: ours\r\n\r\nbody", out);
    }

    @Test
    void anOwnClientSenderIsKept() throws Exception {
        String in = "From: nina@contoso.com\r\nSender: Nina <nina.p@contoso.com>\r\n\r\nbody";
        assertEquals(in, rewrite(in, rewrite(Action.KEEP_CLIENT, Action.NONE, List.of(), List.of())));
    }

    @Test
    void aResentSenderIsStampedAfterTheFirstResentFromAndForeignOnesRemoved() throws Exception {
        String in = "Resent-From: seanc@contoso.com\r\nResent-Sender: mallory@contoso.com\r\nResent-From: old@contoso.com\r\n"
                + "Resent-Sender: older@contoso.com\r\nFrom: ayla@contoso.com\r\n\r\nbody";
        String out = rewrite(in, rewrite(Action.NONE, Action.STAMP_ACCOUNT, List.of(), List.of()));
        assertEquals("Resent-From: seanc@contoso.com\r\nResent-Sender: Holly Holt <hollyh@contoso.com>\r\n"
                + "Resent-From: old@contoso.com\r\nFrom: ayla@contoso.com\r\n\r\nbody", out);
        assertEquals("Resent-From: seanc@contoso.com\r\nResent-From: old@contoso.com\r\nFrom: ayla@contoso.com\r\n\r\nbody",
                rewrite(in, rewrite(Action.NONE, Action.NONE, List.of(), List.of())));
    }

    @Test
    void traceFieldsGoOnTopAndAppendedFieldsEndTheHeaderSection() throws Exception {
        String in = "From: a@contoso.com\r\n\r\nbody\r\n.\r\n";
        String out = rewrite(in, rewrite(Action.NONE, Action.NONE,
                List.of("Return-Path: <a@contoso.com>", "Received: from x\r\n by y"), List.of("Message-ID: <1@y>")));
        assertEquals("Return-Path: <a@contoso.com>\r\nReceived: from x\r\n by y\r\nFrom: a@contoso.com\r\nMessage-ID: <1@y>\r\n\r\nbody\r\n.\r\n", out);
    }

    @Test
    void aHeaderSectionWithoutBodyStillEndsWithTheEmptyLine() throws Exception {
        String out = rewrite("From: a@contoso.com\r\n", rewrite(Action.NONE, Action.NONE, List.of(), List.of("X: y")));
        assertEquals("From: a@contoso.com\r\nX: y\r\n\r\n", out);
    }

    @Test
    void anEmptyBodyKeepsStampedFieldsInTheHeaderSection() throws Exception {
        // Found by HeaderFuzzTest: when the empty line was the last line, it was counted into the last field,
        // and Sender and the appended fields landed after it, in the body.
        String out = rewrite("From: Sean Chai <seanc@contoso.com>\r\nSubject: empty\r\n\r\n",
                rewrite(Action.STAMP_ACCOUNT, Action.NONE, List.of(), List.of("Message-ID: <1@y>")));
        assertEquals("From: Sean Chai <seanc@contoso.com>\r\nSender: Holly Holt <hollyh@contoso.com>\r\n"
                + "Subject: empty\r\nMessage-ID: <1@y>\r\n\r\n", out);
    }

    @Test
    void aDisplayNameCanNotPoseAsAnEncodedWordNorInjectAField() throws Exception {
        String out = rewrite("From: seanc@contoso.com\r\n\r\n", new HeaderRewriter.Rewrite(Action.STAMP_ACCOUNT, Action.NONE,
                "=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?=\r\nBcc: victim@example.com", HOLLY_ADDRESS, List.of(), List.of()));
        assertFalse(out.contains("=?UTF-8?B?QWRtaW5pc3RyYXRvcg"), out);
        assertFalse(out.contains("\r\nBcc:"), out);
        var sender = HeaderSection.read(out.getBytes(StandardCharsets.UTF_8)).sender().get(0);
        assertNotEquals("Administrator", sender.displayName().orElseThrow(), "a client would show the delegate as Administrator");
        assertEquals(HOLLY_ADDRESS, sender.address());
    }

    @Test
    void nonAsciiAndQuotedDisplayNamesAreWrittenAsRfc5322AndRfc2047Want() throws Exception {
        String zoe = rewrite("From: seanc@contoso.com\r\n\r\n", new HeaderRewriter.Rewrite(Action.STAMP_ACCOUNT, Action.NONE,
                "Zoë Brontë", "zoe@contoso.com", List.of(), List.of()));
        assertTrue(zoe.contains("Sender: =?UTF-8?"), zoe);
        String holt = rewrite("From: seanc@contoso.com\r\n\r\n", new HeaderRewriter.Rewrite(Action.STAMP_ACCOUNT, Action.NONE,
                "Holt, \"Holly\"", HOLLY_ADDRESS, List.of(), List.of()));
        assertTrue(holt.contains("Sender: \"Holt, \\\"Holly\\\"\" <hollyh@contoso.com>\r\n"), holt);
    }

    @Test
    void aFieldWithABareLineBreakIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HeaderRewriter.rewrite(parse("From: a@b.c\r\n\r\n"),
                rewrite(Action.NONE, Action.NONE, List.of("X: a\r\nBcc: b"), List.of())));
    }
}
