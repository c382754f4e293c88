package dev.behalf.mailstore.core;

import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    private static Summary read(String message) {
        return Summary.of(HeaderSection.read(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSummaryFieldsAreReadDecodedAndUnfoldedWhateverTheirCase() {
        Summary h = read("x-ms-exchange-organization-network-message-id: abc\r\nMessage-ID: <1@x>\r\n"
                + "From: Zoë Brontë <zoe@contoso.com>\r\nSENDER : =?UTF-8?Q?Holly_H=C3=B6lt?= <hollyh@contoso.com>\r\n"
                + "To: a@contoso.com,\r\n b@contoso.com\r\nSubject: Grüße\r\n =?UTF-8?Q?und_mehr?=\r\nTo: late@contoso.com\r\n"
                + "\r\nSubject: in the body\r\n");
        assertEquals(Optional.of("abc"), h.submissionId());
        assertEquals(Optional.of("<1@x>"), h.messageId());
        assertEquals("Zoë Brontë <zoe@contoso.com>", h.from());
        assertEquals(Optional.of("Holly Hölt <hollyh@contoso.com>"), h.sender());
        assertEquals(List.of("a@contoso.com", "b@contoso.com"), h.to(), "the first To field only");
        assertEquals("Grüße und mehr", h.subject());
    }

    @Test
    void aSubmissionIdComesBackAsWrittenWhetherOrNotItIsAUuidKeptAsNumbers() {
        for (String id : List.of("aeb261d1-6586-4e42-ab80-6e333c0a5a10", "00000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff", "8000abcd-0001-7fff-8000-00000000ffff", "AEB261D1-6586-4E42-AB80-6E333C0A5A10",
                "aeb261d1-6586-4e42-ab80-6e333c0a5a1", "aeb261d1-6586-4e42-ab80-6e333c0a5a10x", "aeb261d1+6586-4e42-ab80-6e333c0a5a10",
                "aeb261d1-6586-4e42-ab80-6e333c0a5a1g")) {
            Summary h = read("X-MS-Exchange-Organization-Network-Message-Id: " + id + "\r\nSubject: s\r\n\r\nbody\r\n");
            assertEquals(Optional.of(id), h.submissionId(), id);
            assertEquals(read("X-MS-Exchange-Organization-Network-Message-Id: " + id + "\r\nSubject: s\r\n\r\n"), h);
        }
        assertEquals(UuidText.canonical("aeb261d1-6586-4e42-ab80-6e333c0a5a10"), true);
        assertEquals(UuidText.canonical("AEB261D1-6586-4E42-AB80-6E333C0A5A10"), false);
    }

    @Test
    void aBareCarriageReturnEndsALineAsJakartaMailReadsIt() {
        // The store reads as GreenMail's IMAP ENVELOPE does (HeaderSection.read): the second line is a field of its own.
        Summary h = read("From: ayla@contoso.com\rFrom: jimh@contoso.com\r\nSubject: s\r\n\r\nbody");
        assertEquals("ayla@contoso.com", h.from());
        assertEquals("s", h.subject());
    }

    @Test
    void aValueThatIsNoAddressListIsShownAsText() {
        assertEquals("not an <address", read("From: not an <address\r\n\r\n").from());
    }

    @Test
    void theBodyStartsWhereTheHeaderSectionEnds() {
        assertEquals(8, bodyOffset("A: b\r\n\r\nbody"));
        assertEquals(6, bodyOffset("A: b\n\nbody"));
        assertEquals(6, bodyOffset("A: b\r\n"), "all header, no body");
    }

    private static int bodyOffset(String message) {
        HeaderSection s = HeaderSection.read(message.getBytes(StandardCharsets.US_ASCII));
        return new Message(s, 0, new Interner()).bodyOffset();
    }

    @Test
    void aMessageWithoutSummaryFieldsHasAnEmptySummary() {
        Summary h = read("X-Other: 1\r\n\r\n");
        assertEquals("", h.subject());
        assertEquals("", h.from());
        assertEquals(List.of(), h.to());
        assertTrue(h.submissionId().isEmpty() && h.sender().isEmpty() && h.messageId().isEmpty());
    }
}
