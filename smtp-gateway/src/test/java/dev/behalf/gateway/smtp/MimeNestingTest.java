package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MimeNestingTest {

    static String nested(int depth) {
        StringBuilder m = new StringBuilder("From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < depth - 1; i++) {
            m.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i + 1).append("\r\n\r\n");
        }
        m.append("--b").append(depth - 1).append("\r\nContent-Type: text/plain\r\n\r\ninnermost\r\n--b").append(depth - 1).append("--\r\n");
        for (int i = depth - 2; i >= 0; i--) {
            m.append("--b").append(i).append("--\r\n");
        }
        return m.toString();
    }

    private static void check(String message, int max) throws MalformedMessageException {
        check(message, max, Integer.MAX_VALUE);
    }

    private static void check(String message, int max, int maxParts) throws MalformedMessageException {
        MimeNesting.check(ParsedMessage.parse(message.getBytes(StandardCharsets.ISO_8859_1), false, ParsedMessage.Limits.DEFAULT),
                max, maxParts);
    }

    static String flat(int parts) {
        return "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
                + "--x\r\nContent-Type: text/plain\r\n\r\npart\r\n".repeat(parts) + "--x--\r\n";
    }

    @Test
    void bodyPartsUpToTheLimitPassAndOneMoreIsRefusedAsTooComplex() throws Exception {
        check(flat(250), 50, 250);
        var e = assertThrows(MalformedMessageException.class, () -> check(flat(251), 50, 250));
        assertEquals("more than 250 MIME body parts", e.getMessage());
        assertEquals(dev.behalf.policy.reply.Refusal.TOO_COMPLEX, e.refusal());
    }

    @Test
    void partsAtEveryLevelCountTogether() {
        // 100 outer parts, each a multipart of 2: 300 parts in all, though no level has more than 100.
        String message = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
                + ("--x\r\nContent-Type: multipart/alternative; boundary=y\r\n\r\n--y\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
                + "--y\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--y--\r\n").repeat(100) + "--x--\r\n";
        assertDoesNotThrow(() -> check(message, 50, 300));
        assertThrows(MalformedMessageException.class, () -> check(message, 50, 299));
    }

    @Test
    void nestingUpToTheLimitPassesAndOneMoreLevelIsRefusedAsTooComplex() throws Exception {
        check(nested(50), 50);
        var e = assertThrows(MalformedMessageException.class, () -> check(nested(51), 50));
        assertEquals("MIME parts nest more than 50 levels deep", e.getMessage());
        assertEquals(dev.behalf.policy.reply.Refusal.TOO_COMPLEX, e.refusal());
    }

    @Test
    void siblingsDoNotAddUpAndClosedLevelsAreLeft() {
        String wide = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
                + ("--x\r\nContent-Type: multipart/alternative; boundary=y\r\n\r\n--y\r\nContent-Type: text/plain\r\n\r\nhi\r\n--y--\r\n").repeat(200)
                + "--x--\r\n";
        assertDoesNotThrow(() -> check(wide, 2));
    }

    @Test
    void encapsulatedMessagesCountAsLevels() {
        String inner = "--x\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.com\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n"
                + "--z\r\nContent-Type: text/plain\r\n\r\nhi\r\n--z--\r\n--x--\r\n";
        String message = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n" + inner;
        assertDoesNotThrow(() -> check(message, 3));
        assertThrows(MalformedMessageException.class, () -> check(message, 2));
    }

    @Test
    void aBoundaryThatNeverClosesStillCountsAndPlainTextIsLevelZero() {
        assertThrows(MalformedMessageException.class, () -> check(nested(10).replaceAll("--b\\d+--\r\n", ""), 9));
        assertDoesNotThrow(() -> check("From: a@example.com\r\n\r\n--b0\r\nContent-Type: multipart/mixed; boundary=b1\r\n", 0));
    }
}
