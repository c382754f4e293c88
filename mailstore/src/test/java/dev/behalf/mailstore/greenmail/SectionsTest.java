package dev.behalf.mailstore.greenmail;

import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.behalf.mailstore.greenmail.NestedMessage.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SectionsTest {

    private static String read(String message, String spec) {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Sections.read(bytes, HeaderSection.read(bytes).bodyStart(), spec(spec));
        return out == null ? null : new String(out, StandardCharsets.ISO_8859_1);
    }

    /** A section as the FETCH parser makes it, from its text ("1.2.MIME", "HEADER.FIELDS Subject From"). */
    private static Sections.Spec spec(String text) {
        String[] words = text.split(" ");
        String[] dotted = words[0].split("\\.");
        int n = 0;
        while (n < dotted.length && !dotted[n].isEmpty() && Character.isDigit(dotted[n].charAt(0))) {
            n++;
        }
        int[] parts = new int[n];
        for (int i = 0; i < n; i++) {
            parts[i] = Integer.parseInt(dotted[i]);
        }
        String keyword = String.join(".", java.util.Arrays.copyOfRange(dotted, n, dotted.length));
        Sections.Text kind = switch (keyword) {
            case "" -> Sections.Text.NONE;
            case "HEADER" -> Sections.Text.HEADER;
            case "TEXT" -> Sections.Text.TEXT;
            case "MIME" -> Sections.Text.MIME;
            case "HEADER.FIELDS" -> Sections.Text.FIELDS;
            case "HEADER.FIELDS.NOT" -> Sections.Text.FIELDS_NOT;
            default -> throw new IllegalArgumentException(keyword);
        };
        return new Sections.Spec(parts, kind, List.of(words).subList(1, words.length));
    }

    @Test
    void theHeaderAndTheTextOfAMessageAreItsOctetsCutInTwo() {
        assertEquals(MESSAGE, read(MESSAGE, ""));
        assertEquals(HEADER, read(MESSAGE, "HEADER"));
        assertEquals(TEXT, read(MESSAGE, "TEXT"));
    }

    @Test
    void eachPartIsItsContentAndItsMimeHeaderIsItsHeaderWithTheBlankLine() {
        assertEquals(PART1, read(MESSAGE, "1"));
        assertEquals(PART1_MIME, read(MESSAGE, "1.MIME"));
        assertEquals(PART2, read(MESSAGE, "2"));
        assertEquals(PART2_MIME, read(MESSAGE, "2.MIME"));
        assertEquals(PART3_MIME, read(MESSAGE, "3.MIME"));
        assertEquals("\r\n", read(MESSAGE, "4.MIME"));
        assertEquals(PART4, read(MESSAGE, "4"));
    }

    @Test
    void aMessagePartIsTheMessageItHoldsWithItsOwnHeaderTextAndParts() {
        assertEquals(PART3, read(MESSAGE, "3"));
        assertEquals(INNER_HEADER, read(MESSAGE, "3.HEADER"));
        assertEquals(INNER_TEXT, read(MESSAGE, "3.TEXT"));
        assertEquals(INNER1, read(MESSAGE, "3.1"));
        assertEquals(INNER2, read(MESSAGE, "3.2"));
        assertEquals(INNER2_MIME, read(MESSAGE, "3.2.MIME"));
        assertEquals("Subject: inner\r\n\r\n", read(MESSAGE, "3.HEADER.FIELDS SUBJECT"));
    }

    @Test
    void headerFieldsAreTheFieldsAsStoredFoldingIncludedThenTheBlankLine() {
        assertEquals("Subject: sections\r\nX-Folded: one\r\n two\r\n\r\n", read(MESSAGE, "HEADER.FIELDS x-folded subject"));
        assertEquals("To: ayla@contoso.com\r\nSubject: sections\r\n\r\n",
                read("To: ayla@contoso.com\r\nSubject: sections\r\n\r\nhi\r\n", "HEADER.FIELDS.NOT From"));
        assertEquals("\r\n", read(MESSAGE, "HEADER.FIELDS X-Absent"));
    }

    @Test
    void sectionsThatDoNotExistAreNil() {
        assertNull(read(MESSAGE, "5"));
        assertNull(read(MESSAGE, "1.1"));
        assertNull(read(MESSAGE, "1.HEADER"));
        assertNull(read(MESSAGE, "3.3"));
        assertNull(read(MESSAGE, "3.2.1"));
    }

    @Test
    void aMessageThatIsNotMultipartHasOnePartItsBody() {
        String m = "Subject: one\r\nContent-Type: text/plain\r\n\r\nbody  \r\n\r\n";
        assertEquals("body  \r\n\r\n", read(m, "1"));
        assertEquals("Subject: one\r\nContent-Type: text/plain\r\n\r\n", read(m, "1.MIME"));
        assertNull(read(m, "2"));
        assertNull(read(m, "1.1"));
    }

    @Test
    void aMessageWithoutABodyOrWithoutAHeaderStillSplitsIntoWhatItHas() {
        assertEquals("Subject: only\r\n", read("Subject: only\r\n", "HEADER"));
        assertEquals("", read("Subject: only\r\n", "TEXT"));
        assertEquals("\r\n", read("\r\nno header\r\n", "HEADER"));
        assertEquals("no header\r\n", read("\r\nno header\r\n", "TEXT"));
    }

    @Test
    void aMessageWhoseOwnTypeIsMessageHoldsItsPartOne() {
        String m = "Subject: outer\r\nContent-Type: message/rfc822\r\n\r\nSubject: held\r\n\r\nheld text\r\n";
        assertEquals("Subject: held\r\n\r\nheld text\r\n", read(m, "1"));
        assertEquals("Subject: held\r\n\r\n", read(m, "1.HEADER"));
        assertEquals("held text\r\n", read(m, "1.TEXT"));
        assertEquals("held text\r\n", read(m, "1.1"));
    }

    @Test
    void aMultipartThatDoesNotParseIsOnePartItsBody() {
        String m = "Content-Type: multipart/mixed\r\n\r\nno boundary here\r\n";
        assertEquals("no boundary here\r\n", read(m, "1"));
        assertNull(read(m, "2"));
        assertEquals("no boundary here\r\n", read(m, "TEXT"));
    }

    @Test
    void theEnclosedHeaderEndsWhereTheStoresParserEndsItWhereverTheBlankLineFallsInTheReadPrefix() {
        for (int pad = 4080; pad < 4110; pad++) {
            for (String end : List.of("\r\n\r\n", "\r\r\n\r\r\n", "\n\n", "\r\n\r\r\n")) {
                byte[] m = ("X: " + "a".repeat(pad) + end + "body\r\n").getBytes(StandardCharsets.ISO_8859_1);
                assertEquals(HeaderSection.read(m).bodyStart(), Sections.headerLength(m, 0, m.length), pad + " " + end);
            }
        }
        byte[] none = ("X: " + "a".repeat(9000)).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(none.length, Sections.headerLength(none, 0, none.length));
    }

    @Test
    void aMessageNestedManyTimesIsReadToTheBottom() {
        int depth = 2000;
        String m = "Content-Type: message/rfc822\r\n\r\n".repeat(depth) + "Subject: deep\r\n\r\nbottom\r\n";
        String path = "1.".repeat(depth);
        assertEquals("Subject: deep\r\n\r\n", read(m, path + "HEADER"));
        assertEquals("bottom\r\n", read(m, path + "TEXT"));
    }
}
