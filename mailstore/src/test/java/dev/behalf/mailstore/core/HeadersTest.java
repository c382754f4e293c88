package dev.behalf.mailstore.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadersTest {

    @Test
    void unfoldRemovesEveryLineBreakThatIsFollowedByWhiteSpace() {
        assertEquals("Sean Chai <seanc@contoso.com>", Headers.unfold("Sean Chai\r\n <seanc@contoso.com>"));
        assertEquals("a,\tb, c", Headers.unfold("a,\r\n\tb,\n c"));
        assertEquals("a", Headers.unfold("a\r\n"));
    }

    @Test
    void aLineBreakNotFollowedByWhiteSpaceIsKept() {
        // Not a fold: a stored value never has one, but unfolding must not glue two fields together.
        assertEquals("a\r\nb", Headers.unfold("a\r\nb"));
    }

    @Test
    void aHundredThousandFoldsUnfoldToTheAddressesInOrder() {
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            folded.append(i == 0 ? "" : ",\r\n ").append("u").append(i).append("@contoso.com");
        }
        String unfolded = Headers.unfold(folded.toString());
        String[] parts = unfolded.split(", ");
        assertEquals(100_000, parts.length);
        assertEquals("u99999@contoso.com", parts[99_999]);
    }

    @Test
    void theSummaryFieldsAreReadDecodedAndUnfoldedWhateverTheirCase() {
        byte[] bytes = ("x-ms-exchange-organization-network-message-id: abc\r\nMessage-ID: <1@x>\r\n"
                + "From: Zoë Brontë <zoe@contoso.com>\r\nSENDER : =?UTF-8?Q?Holly_H=C3=B6lt?= <hollyh@contoso.com>\r\n"
                + "To: a@contoso.com,\r\n b@contoso.com\r\nSubject: Grüße\r\n =?UTF-8?Q?und_mehr?=\r\nTo: late@contoso.com\r\n"
                + "\r\nSubject: in the body\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Headers h = Headers.parse(bytes);
        assertEquals(java.util.Optional.of("abc"), h.submissionId());
        assertEquals(java.util.Optional.of("<1@x>"), h.messageId());
        assertEquals("Zoë Brontë <zoe@contoso.com>", h.from());
        assertEquals(java.util.Optional.of("Holly Hölt <hollyh@contoso.com>"), h.sender());
        assertEquals(java.util.List.of("a@contoso.com", "b@contoso.com"), h.to(), "the first To field only");
        assertEquals("Grüße und mehr", h.subject());
    }

    @Test
    void theBodyStartsAfterTheFirstEmptyLine() {
        assertEquals(8, Headers.bodyOffset("A: b\r\n\r\nbody".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(6, Headers.bodyOffset("A: b\n\nbody".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(6, Headers.bodyOffset("A: b\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "all header, no body");
    }

    @Test
    void aMessageWithoutSummaryFieldsHasAnEmptySummary() {
        Headers h = Headers.parse("X-Other: 1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("", h.subject());
        assertEquals("", h.from());
        assertEquals(java.util.List.of(), h.to());
        assertTrue(h.submissionId().isEmpty() && h.sender().isEmpty() && h.messageId().isEmpty());
    }
}
