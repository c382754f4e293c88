package dev.behalf.message;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxListTest {

    private static Address one(String value) throws MailboxList.AddressSyntaxException {
        List<Address> list = MailboxList.parse(value);
        assertEquals(1, list.size(), value);
        return list.get(0);
    }

    @Test
    void aCommentOrADisplayNameThatLooksLikeAnotherAddressIsALookAlike() throws Exception {
        assertEquals(Optional.of("ayla@contoso.com"), one("jimh@contoso.com (Ayla Kol <ayla@contoso.com>)").lookAlike());
        assertEquals(Optional.of("ayla@contoso.com"), one("\"ayla@contoso.com\" <jimh@contoso.com>").lookAlike());
        assertEquals(Optional.of("ayla@contoso.com"), one("=?utf-8?b?YXlsYUBjb250b3NvLmNvbQ==?= <jimh@contoso.com>").lookAlike());
        assertEquals(Optional.of("AYLA@contoso.com"), one("(AYLA@contoso.com) jimh@contoso.com").lookAlike());
    }

    @Test
    void aDisplayNameThatIsTheOwnAddressOrNoAddressIsNot() throws Exception {
        assertEquals(Optional.empty(), one("\"jimh@contoso.com\" <jimh@contoso.com>").lookAlike());
        assertEquals(Optional.empty(), one("\"JIMH@Contoso.com\" <\"jimh\"@contoso.com>").lookAlike());
        assertEquals(Optional.empty(), one("Jim Hance <jimh@contoso.com>").lookAlike());
        assertEquals(Optional.empty(), one("\"Jim @ home\" <jimh@contoso.com>").lookAlike());
        assertEquals(Optional.empty(), one("jimh@contoso.com").lookAlike());
    }

    @Test
    void displayQuotesOnlyWhenTheNameNeedsIt() throws Exception {
        assertEquals("\"Adams, Terry\" <terrya@contoso.com>", one("\"Adams, Terry\" <terrya@contoso.com>").display());
        assertEquals("Jürgen <j@contoso.com>", one("=?UTF-8?Q?J=C3=BCrgen?= <j@contoso.com>").display());
        assertEquals("j@contoso.com", one("<j@contoso.com>").display());
    }

    @Test
    void aGroupIsOneAddress() throws Exception {
        Address g = one("Team: ayla@contoso.com, jimh@contoso.com;");
        assertTrue(g.group());
        assertEquals(Optional.empty(), g.displayName());
    }

    @Test
    void jakartaMailReadsBrokenAddressesAsTheirTextWhichIsNoAddress() throws Exception {
        // Not strict (as ENVELOPE parses): the text comes back as the address, for the caller to refuse.
        assertEquals("<a@b.c", one("<a@b.c").address());
        assertEquals("g: a@b.c", one("g: a@b.c").address());
        assertEquals(MailboxList.parse("a <b@c.d> <e@f.g>"), MailboxList.read("a <b@c.d> <e@f.g>"));
    }

    @Test
    void aStampedMailboxCanNotStartAFieldNorReadAsAnEncodedWord() {
        assertEquals("\"Holly Holt Bcc: x@y\" <hollyh@contoso.com>",
                MailboxList.headerValue("Sender", "Holly Holt\r\nBcc: x@y", "hollyh@contoso.com"));
        assertEquals("= ?UTF-8?B?QWRtaW5pc3RyYXRvcg== ?= <hollyh@contoso.com>",
                MailboxList.headerValue("Sender", "=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?=", "hollyh@contoso.com"));
        assertEquals("hollyh@contoso.com", MailboxList.headerValue("Sender", " \t", "hollyh@contoso.com"));
    }

    @Test
    void unfoldingIsLinearAndRemovesOnlyFoldingBreaks() {
        assertEquals("a b", HeaderText.unfold("a\r\n b"));
        assertEquals("a\tb", HeaderText.unfold("a\n\tb"));
        assertEquals("a", HeaderText.unfold("a\r\n"));
        assertEquals("a\r\nb", HeaderText.unfold("a\r\nb"));
        String folded = "x\r\n y".repeat(100_000);
        assertEquals(" y".length() * 100_000 + 100_000, HeaderText.unfold(folded).length());
    }
}
