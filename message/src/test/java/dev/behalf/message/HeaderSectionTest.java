package dev.behalf.message;

import dev.behalf.message.HeaderSyntaxException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderSectionTest {
    private static final HeaderSection.Rules ASCII = HeaderSection.Rules.SUBMISSION;
    private static final HeaderSection.Rules UTF8 = HeaderSection.Rules.SUBMISSION.withUtf8(true);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static HeaderSyntaxException refused(String text, HeaderSection.Rules rules) {
        return assertThrows(HeaderSyntaxException.class, () -> HeaderSection.parse(bytes(text), rules), text);
    }

    /** A header section that one reader or another reads differently, and the problem it is refused for. */
    record Variant(String name, String text, Problem problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> disagreements() {
        return Stream.of(
                new Variant("a lone CR hides a From (issue 12.2)",
                        "Subject: x\rFrom: Ayla Kol <ayla@contoso.com>\rX-A: 1\r\nFrom: jimh@contoso.com\r\n\r\nhi\r\n", Problem.BARE_CR),
                new Variant("a lone CR after a real From",
                        "From: jimh@contoso.com\r\nX-A: 1\rFrom: Ayla Kol <ayla@contoso.com>\r\n\r\n", Problem.BARE_CR),
                new Variant("CR CR LF, which Jakarta reads as one line end", "From: jimh@contoso.com\r\r\nSubject: x\r\n\r\n", Problem.BARE_CR),
                new Variant("CR CR before a non-LF: a line end and an empty line to Jakarta",
                        "Subject: x\r\rFrom: ayla@contoso.com\r\n\r\n", Problem.BARE_CR),
                new Variant("a CR at the end of the section", "From: jimh@contoso.com\r\n\r", Problem.BARE_CR),
                new Variant("a bare LF", "From: jimh@contoso.com\nSubject: x\r\n\r\n", Problem.BARE_LF),
                new Variant("an LF CR pair", "From: jimh@contoso.com\n\rSubject: x\r\n\r\n", Problem.BARE_LF),
                new Variant("a NUL in a value", "From: jimh@contoso.com\0ayla@contoso.com\r\n\r\n", Problem.NUL),
                new Variant("a NUL in a name", "Fr\0om: ayla@contoso.com\r\nFrom: jimh@contoso.com\r\n\r\n", Problem.NUL),
                new Variant("a fold before the colon", "Subject: x\r\nFrom\r\n : ayla@contoso.com\r\n\r\n", Problem.NOT_A_FIELD),
                new Variant("a fold of only white space", "Subject: x\r\n \r\nFrom: jimh@contoso.com\r\n\r\n", Problem.BLANK_LINE),
                new Variant("a tab-only line before a second block",
                        "From: jimh@contoso.com\r\n\t\r\nFrom: ayla@contoso.com\r\n\r\n", Problem.BLANK_LINE),
                new Variant("a field name with a space before the colon", "Subject: x\r\nFrom : ayla@contoso.com\r\n\r\n", Problem.NOT_A_FIELD),
                new Variant("a field name with a space inside", "Subject: x\r\nFr om: ayla@contoso.com\r\n\r\n", Problem.NOT_A_FIELD),
                new Variant("a line without a colon", "From: jimh@contoso.com\r\nthis is not a header\r\n\r\n", Problem.NOT_A_FIELD),
                new Variant("a continuation line first", " \r\n x\r\nFrom: jimh@contoso.com\r\n\r\n", Problem.CONTINUATION_FIRST),
                new Variant("a tab continuation first", "\tFrom: ayla@contoso.com\r\nSubject: x\r\n\r\n", Problem.CONTINUATION_FIRST),
                new Variant("a line over 998", "From: jimh@contoso.com\r\nSubject: " + "x".repeat(990) + "\r\n\r\n", Problem.LINE_TOO_LONG),
                new Variant("8-bit bytes without SMTPUTF8", "From: J\u00fcrgen <jimh@contoso.com>\r\n\r\n", Problem.EIGHT_BIT),
                new Variant("an 8-bit field name without SMTPUTF8", "Fr\u043em: ayla@contoso.com\r\nFrom: jimh@contoso.com\r\n\r\n",
                        Problem.EIGHT_BIT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disagreements")
    void everyDisagreementIsRefused(Variant v) {
        assertEquals(v.problem(), refused(v.text(), ASCII).problem(), v.name());
    }

    @Test
    void theBareCrBypassReadsAsAylaToJakartaMailAndIsRefusedHere() {
        byte[] raw = bytes("Subject: x\rFrom: Ayla Kol <ayla@contoso.com>\rX-A: 1\r\nFrom: jimh@contoso.com\r\n\r\nhi\r\n");
        // The proof of the bug: Jakarta Mail (and so IMAP ENVELOPE) sees Ayla first.
        assertEquals(List.of("ayla@contoso.com", "jimh@contoso.com"), JakartaReading.envelopeFrom(raw).orElseThrow());
        // read() reads as Jakarta Mail does; parse() refuses.
        assertEquals(List.of("ayla@contoso.com", "jimh@contoso.com"),
                HeaderSection.read(raw).from().stream().map(Address::address).toList());
        HeaderSyntaxException e = assertThrows(HeaderSyntaxException.class, () -> HeaderSection.parse(raw, ASCII));
        assertEquals(Problem.BARE_CR, e.problem());
        assertEquals("bare CR at offset 10", e.getMessage());
    }

    @Test
    void anInvalidUtf8LineIsRefusedEvenWithSmtpUtf8() {
        byte[] raw = {'F', 'r', 'o', 'm', ':', ' ', (byte) 0xc3, '(', '@', 'x', '.', 'y', '\r', '\n', '\r', '\n'};
        assertEquals(Problem.INVALID_UTF8, assertThrows(HeaderSyntaxException.class, () -> HeaderSection.parse(raw, UTF8)).problem());
    }

    @Test
    void utf8IsAcceptedWithSmtpUtf8() throws Exception {
        HeaderSection h = HeaderSection.parse(bytes("From: J\u00fcrgen <j\u00fcrgen@contoso.com>\r\n\r\nbody"), UTF8);
        assertEquals("j\u00fcrgen@contoso.com", h.from().get(0).address());
        assertEquals("J\u00fcrgen", h.from().get(0).displayName().orElseThrow());
    }

    @Test
    void aLineOf998IsAcceptedAndOf999Refused() throws Exception {
        String name = "Subject: ";
        HeaderSection.parse(bytes(name + "x".repeat(998 - name.length()) + "\r\n\r\n"), ASCII);
        assertEquals(Problem.LINE_TOO_LONG, refused(name + "x".repeat(999 - name.length()) + "\r\n\r\n", ASCII).problem());
    }

    @Test
    void tooManyFieldsAreRefused() {
        assertEquals(Problem.TOO_MANY_FIELDS, refused("X-A: 1\r\n".repeat(1001) + "\r\n", ASCII).problem());
    }

    @Test
    void aMessageWithoutAHeaderSectionIsAllBody() throws Exception {
        HeaderSection h = HeaderSection.parse(bytes("just a body line\r\n"), ASCII);
        assertTrue(h.fields().isEmpty());
        assertEquals(0, h.bodyStart());
    }

    @Test
    void fieldsKeepTheirBytesAndValues() throws Exception {
        String text = "From: \"Sean Chai\" <seanc@contoso.com>,\r\n hollyh@contoso.com\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
                + "Message-ID:  <x@y>\r\n\r\nbody";
        HeaderSection h = HeaderSection.parse(bytes(text), ASCII);
        HeaderField from = h.fields().get(0);
        assertEquals("From: \"Sean Chai\" <seanc@contoso.com>,\r\n hollyh@contoso.com\r\n", text.substring(from.start(), from.end()));
        assertEquals("\"Sean Chai\" <seanc@contoso.com>,\r\n hollyh@contoso.com", from.value());
        assertEquals("\"Sean Chai\" <seanc@contoso.com>, hollyh@contoso.com", from.unfolded());
        assertEquals(List.of("Sean Chai <seanc@contoso.com>", "hollyh@contoso.com"), h.from().stream().map(Address::display).toList());
        assertEquals("Grüße", h.subject().orElseThrow());
        assertEquals("<x@y>", h.messageId().orElseThrow());
        assertEquals(text.indexOf("body"), h.bodyStart());
    }

    @Test
    void anEmptyBodyIsNotPartOfTheLastField() throws Exception {
        HeaderSection h = HeaderSection.parse(bytes("From: a@contoso.com\r\n\r\n"), ASCII);
        assertEquals(21, h.fields().get(0).end());
        assertEquals(23, h.bodyStart());
    }

    /** Inputs where the readers of old disagreed, and where Jakarta Mail has quirks: read() must agree with it. */
    static Stream<String> oddSections() {
        return Stream.concat(disagreements().map(Variant::text), Stream.of(
                "Subject: x\n\rFrom: a@b.c\r\n\r\n", "From: a@b.c\r\r\r\nX: y\r\n\r\n", "\r\nFrom: a@b.c\r\n", "From:a@b.c",
                "  From: a@b.c\r\n  more\r\nTo: c@d.e\r\n\r\n", "no colon here\r\nFrom: a@b.c\r\n\r\n", ": empty name\r\n\r\n",
                "From: a@b.c\r\n\tfolded\r\n \r\n\r\nbody", "X: \r\n\r\n", "From:\r\n a@b.c\r\n\r\n"));
    }

    @ParameterizedTest
    @MethodSource("oddSections")
    void readingAgreesWithJakartaMailFieldForField(String text) {
        byte[] raw = bytes(text);
        // Where Jakarta Mail throws (a blank continuation line first), readers get no fields.
        List<String[]> jakarta = JakartaReading.headers(raw).orElse(List.of());
        List<HeaderField> ours = HeaderSection.read(raw).fields();
        assertEquals(jakarta.stream().map(h -> h[0] + ": " + h[1]).toList(), ours.stream().map(f -> f.name() + ": " + f.value()).toList(),
                text.replace("\r", "\\r").replace("\n", "\\n"));
    }

    @Test
    void aSectionJakartaMailCanNotReadHasNoFields() {
        byte[] raw = bytes(" \r\n x\r\nFrom: a@b.c\r\n\r\n");
        assertTrue(JakartaReading.headers(raw).isEmpty(), "Jakarta Mail throws on a blank continuation line first");
        assertTrue(HeaderSection.read(raw).fields().isEmpty());
    }

    @Test
    void anEditKeepsEveryOtherByteAndItsParseIsTheParseOfItsBytes() throws Exception {
        String text = "From: Sean Chai <seanc@contoso.com>\r\nSender: evil@contoso.com\r\nSubject: one\r\n two\r\n\r\nbody\r\n";
        HeaderSection h = HeaderSection.parse(bytes(text), ASCII);
        HeaderSection edited = h.edit().prepend("Return-Path: <hollyh@contoso.com>")
                .prepend("Received: from x\r\n by y; Mon, 1 Jan 2024 00:00:00 +0000")
                .remove("Sender").insertAfter("From", "Sender: Holly Holt <hollyh@contoso.com>").append("X-Id: 1").apply();
        String expected = "Return-Path: <hollyh@contoso.com>\r\nReceived: from x\r\n by y; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                + "From: Sean Chai <seanc@contoso.com>\r\nSender: Holly Holt <hollyh@contoso.com>\r\nSubject: one\r\n two\r\nX-Id: 1\r\n"
                + "\r\nbody\r\n";
        assertArrayEquals(bytes(expected), edited.raw());
        assertEquals(HeaderSection.parse(edited.raw(), ASCII), edited);
    }

    @Test
    void anEditOfAMessageWithAnEmptyBodyPutsEveryFieldBeforeTheEmptyLine() throws Exception {
        HeaderSection h = HeaderSection.parse(bytes("From: a@contoso.com\r\n\r\n"), ASCII);
        HeaderSection edited = h.edit().insertAfter("From", "Sender: b@contoso.com").append("X-Id: 1").apply();
        assertEquals("From: a@contoso.com\r\nSender: b@contoso.com\r\nX-Id: 1\r\n\r\n", new String(edited.raw(), StandardCharsets.UTF_8));
        assertEquals(HeaderSection.parse(edited.raw(), ASCII), edited);
    }

    @Test
    void anEditRemovesANamespaceInAnyCaseFoldedFieldsWholeAndKeepsWhatItAppends() throws Exception {
        HeaderSection h = HeaderSection.parse(bytes("X-Org-A: 1\r\nFrom: a@contoso.com\r\nx-org-b:\r\n 2\r\nX-Orgs: 3\r\n\r\nbody"), ASCII);
        HeaderSection edited = h.edit().removeNamesStartingWith("X-Org-").append("X-Org-Id: ours").apply();
        assertEquals("From: a@contoso.com\r\nX-Orgs: 3\r\nX-Org-Id: ours\r\n\r\nbody", new String(edited.raw(), StandardCharsets.UTF_8));
        assertEquals(HeaderSection.parse(edited.raw(), ASCII), edited);
    }

    @Test
    void anEditRefusesAFieldThatWouldStartAnother() {
        HeaderSection h = HeaderSection.read(bytes("From: a@contoso.com\r\n\r\n"));
        for (String bad : List.of("Sender: x\r\nBcc: y@z", "Sender: x\ny", "Sender: x\ry", "Sender: x\r\n", "no colon", "Bad name: x", "X: a\0b")) {
            assertThrows(IllegalArgumentException.class, () -> h.edit().append(bad), bad);
        }
    }

    @Test
    void eachFieldReadsAsJakartaMailHoldsItWhateverItsLineEnds() {
        byte[] raw = "Subject:x\r\n y\rFrom:  a@b.c\n\tz\r\r\nTo: t@u.v\r\n\r\nbody".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HeaderSection h = HeaderSection.read(raw);
        List<String> lines = h.fields().stream().map(h::line).toList();
        assertEquals(List.of("Subject:x\r\n y", "From:  a@b.c\r\n\tz", "To: t@u.v"), lines);
        assertEquals(JakartaReading.headerLines(raw).orElseThrow(), lines);
    }
}
