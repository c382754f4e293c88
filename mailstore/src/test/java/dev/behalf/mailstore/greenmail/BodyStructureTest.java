package dev.behalf.mailstore.greenmail;

import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.behalf.mailstore.greenmail.NestedMessage.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyStructureTest {

    private static String of(String message, boolean extensions) {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        return BodyStructure.of(bytes, HeaderSection.read(bytes).bodyStart(), extensions, held -> "ENV");
    }

    @Test
    void eachPartsSizeAndLinesAreThoseOfTheOctetsItsSectionReturns() {
        assertEquals("((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 30 2)"
                + "(\"application\" \"octet-stream\" NIL NIL NIL \"base64\" 16)"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7BIT\" 238 ENV "
                + "((\"text\" \"plain\" NIL NIL NIL \"7BIT\" 11 1)(\"text\" \"html\" NIL NIL NIL \"7BIT\" 19 1) \"alternative\") 15)"
                + "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 27 1) \"mixed\")", of(MESSAGE, false));
        assertEquals(30, PART1.length());
        assertEquals(238, PART3.length());
        assertEquals(27, PART4.length());
    }

    @Test
    void bodystructureAddsTheExtensionData() {
        String m = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=\"utf-8\"; format=flowed\r\nContent-ID: <p1@x>\r\nContent-Description: the \"first\"\r\n"
                + "Content-Disposition: attachment;\r\n filename=\"a b.txt\"\r\nContent-Language: en, de\r\nContent-Location: http://x/a\r\n"
                + "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\n\r\nhello\r\n--b--\r\n";
        assertEquals("((\"text\" \"plain\" (\"charset\" \"utf-8\" \"format\" \"flowed\") \"<p1@x>\" \"the \\\"first\\\"\" \"7BIT\" 5 1 "
                + "\"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"attachment\" (\"filename\" \"a b.txt\")) (\"en\" \"de\") \"http://x/a\") "
                + "\"mixed\" (\"boundary\" \"b\") NIL NIL NIL)", of(m, true));
    }

    @Test
    void aSinglePartMessageIsDescribedByItsBodyNotTheWholeMessage() {
        assertEquals("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 14 2)", of("Subject: one\r\n\r\nhello\r\nworld\r\n", false));
        assertEquals("(\"text\" \"plain\" NIL NIL NIL \"7BIT\" 18 1)", of("Content-Type: multipart/mixed\r\n\r\nno boundary here\r\n", false));
    }

    @Test
    void nestingPastTheLimitIsDescribedAsOctetsAndNotRead() {
        String m = "Content-Type: message/rfc822\r\n\r\n".repeat(5000) + "Subject: deep\r\n\r\nbottom\r\n";
        String s = of(m, false);
        assertEquals(BodyStructure.MAX_DEPTH, s.split("\"message\" \"rfc822\"", -1).length - 1);
        assertTrue(s.contains("(\"application\" \"octet-stream\" NIL NIL NIL \"7BIT\" "), s);
    }

    @Test
    void textThatCannotBeQuotedIsALiteral() {
        String m = "Content-Type: text/plain; name*=utf-8''%C3%A9t%C3%A9.txt\r\n\r\nx\r\n";
        // RFC 2231's encoded name, decoded: its UTF-8 octets cannot go in a quoted string.
        assertEquals("(\"text\" \"plain\" (\"name\" {9}\r\n" + new String("été.txt".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                + ") NIL NIL \"7BIT\" 3 1)", of(m, false));
    }
}
