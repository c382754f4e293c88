package dev.behalf.mailstore.greenmail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aParsedMessageGivesTheSameSummaryAsItsBytes() throws Exception {
        byte[] bytes = ("X-MS-Exchange-Organization-Network-Message-Id: abc\r\nMessage-ID: <1@x>\r\n"
                + "From: Zoë Brontë <zoe@contoso.com>\r\nSender: =?UTF-8?Q?Holly_H=C3=B6lt?= <hollyh@contoso.com>\r\n"
                + "To: a@contoso.com,\r\n b@contoso.com\r\nSubject: Grüße\r\n =?UTF-8?Q?und_mehr?=\r\n\r\nbody\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Properties p = new java.util.Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        var parsed = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(p), new java.io.ByteArrayInputStream(bytes));
        Headers fromBytes = Headers.parse(bytes);
        assertEquals(fromBytes, Headers.of(parsed));
        assertEquals("Zoë Brontë <zoe@contoso.com>", fromBytes.from());
        assertEquals(java.util.List.of("a@contoso.com", "b@contoso.com"), fromBytes.to());
    }
}
