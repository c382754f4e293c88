package dev.behalf.mailstore.greenmail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A message with every kind of IMAP body section (RFC 3501 §6.4.5's example, smaller), and each section's
 * octets written out by hand, so the tests hold the server's cuts to the text rather than to another cut.
 * Its last part and its outer body end in white space and blank lines, which a trimmed reading loses;
 * part 4 has no header at all.
 */
final class NestedMessage {
    private NestedMessage() {
    }

    static final byte[] ATTACHMENT = {0, 1, 2, 3, (byte) 0xFE, (byte) 0xFF, 13, 10, 32, 32};

    static final String HEADER = "From: terrya@contoso.com\r\n"
            + "To: ayla@contoso.com\r\n"
            + "Subject: sections\r\n"
            + "X-Folded: one\r\n two\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
            + "\r\n";

    static final String PART1_MIME = "Content-Type: text/plain; charset=utf-8\r\n\r\n";
    static final String PART1 = "part one ends in spaces   \r\n\r\n";
    static final String PART2_MIME = "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    static final String PART2 = Base64.getEncoder().encodeToString(ATTACHMENT);
    static final String INNER_HEADER = "From: raymonds@contoso.com\r\n"
            + "Subject: inner\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
            + "\r\n";
    static final String INNER1 = "inner plain";
    static final String INNER2_MIME = "Content-Type: text/html\r\n\r\n";
    static final String INNER2 = "<p>inner html</p>\r\n";
    static final String INNER_TEXT = "--inner\r\nContent-Type: text/plain\r\n\r\n" + INNER1 + "\r\n"
            + "--inner\r\n" + INNER2_MIME + INNER2 + "\r\n"
            + "--inner--\r\n";
    static final String PART3_MIME = "Content-Type: message/rfc822\r\n\r\n";
    static final String PART3 = INNER_HEADER + INNER_TEXT;
    static final String PART4 = "part four has no header \t\r\n";

    static final String TEXT = "preamble\r\n"
            + "--outer\r\n" + PART1_MIME + PART1 + "\r\n"
            + "--outer\r\n" + PART2_MIME + PART2 + "\r\n"
            + "--outer\r\n" + PART3_MIME + PART3 + "\r\n"
            + "--outer\r\n" + "\r\n" + PART4 + "\r\n"
            + "--outer--\r\n"
            + "epilogue  \r\n\r\n";

    static final String MESSAGE = HEADER + TEXT;

    static byte[] bytes() {
        return MESSAGE.getBytes(StandardCharsets.ISO_8859_1);
    }
}
