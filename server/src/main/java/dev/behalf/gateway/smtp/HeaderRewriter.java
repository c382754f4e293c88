package dev.behalf.gateway.smtp;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Applies a decision to the raw message without re-serialising it: trace fields go on top, every
 * client {@code Sender:} is removed when asked, a stamped {@code Sender:} goes right after
 * {@code From:}, missing {@code Message-ID:} / {@code Date:} and Exchange's network message id are
 * appended to the header section. Every other byte (other fields, folding, body) is kept as sent.
 * Pure: no I/O, no clock.
 */
final class HeaderRewriter {
    private HeaderRewriter() {
    }

    /**
     * What to change.
     *
     * @param removeSender remove every client Sender field
     * @param stampSender  a Sender field value to write after From (implies removal of the client's)
     * @param prepend      complete fields ("Name: value") to put first, in order (Return-Path, Received)
     * @param append       complete fields to put last in the header section
     */
    record Rewrite(boolean removeSender, Optional<String> stampSender, List<String> prepend, List<String> append) {
        Rewrite {
            prepend = List.copyOf(prepend);
            append = List.copyOf(append);
        }
    }

    static byte[] rewrite(ParsedMessage message, Rewrite rewrite) {
        byte[] raw = message.raw();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 512);
        for (String field : rewrite.prepend()) {
            writeField(out, field);
        }
        boolean dropSender = rewrite.removeSender() || rewrite.stampSender().isPresent();
        boolean stamped = false;
        int headerEnd = 0;
        for (HeaderField f : message.fields()) {
            headerEnd = f.end();
            if (dropSender && f.is("Sender")) {
                continue;
            }
            out.write(raw, f.start(), f.end() - f.start());
            if (!endsWithNewline(raw, f.end())) {
                out.writeBytes(new byte[] {'\r', '\n'});
            }
            if (f.is("From") && rewrite.stampSender().isPresent() && !stamped) {
                writeField(out, "Sender: " + rewrite.stampSender().get());
                stamped = true;
            }
        }
        if (rewrite.stampSender().isPresent() && !stamped) {
            writeField(out, "Sender: " + rewrite.stampSender().get());
        }
        for (String field : rewrite.append()) {
            writeField(out, field);
        }
        // The empty line, then the body exactly as received.
        out.writeBytes(new byte[] {'\r', '\n'});
        int bodyStart = message.fields().isEmpty() ? 0 : message.bodyStart();
        if (message.fields().isEmpty() || bodyStart > headerEnd) {
            out.write(raw, bodyStart, raw.length - bodyStart);
        }
        return out.toByteArray();
    }

    /**
     * A mailbox as a header value: {@code Display Name <address>}, the name quoted or RFC 2047
     * encoded as needed. Control characters (CR, LF, NUL...) in the name become spaces so that a
     * display name can never start a new header field, and {@code =?} becomes {@code = ?} so that it can
     * never read as an RFC 2047 encoded-word.
     */
    static String mailboxValue(String displayName, String address) {
        String clean = displayName.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip().replaceAll(" {2,}", " ")
                // RFC 2047: "=?" starts an encoded-word, which every client decodes, so a delegate named
                // "=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?=" would show as "Administrator". Encoding it is not enough:
                // GreenMail's IMAP ENVELOPE decodes names and sends ASCII back as is. Break the marker instead.
                .replace("=?", "= ?");
        try {
            InternetAddress a = new InternetAddress(address, clean.isEmpty() ? null : clean, StandardCharsets.UTF_8.name());
            return MimeUtility.fold("Sender: ".length(), a.toString());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static void writeField(ByteArrayOutputStream out, String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if ((c == '\r' || c == '\n') && !(c == '\r' && i + 2 < field.length() && field.charAt(i + 1) == '\n'
                    && (field.charAt(i + 2) == ' ' || field.charAt(i + 2) == '\t'))
                    && !(c == '\n' && i > 0 && field.charAt(i - 1) == '\r' && i + 1 < field.length()
                    && (field.charAt(i + 1) == ' ' || field.charAt(i + 1) == '\t'))) {
                throw new IllegalArgumentException("a header field may only contain folding line breaks: "
                        + field.replace("\r", "\\r").replace("\n", "\\n"));
            }
        }
        out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    private static boolean endsWithNewline(byte[] raw, int end) {
        return end > 0 && raw[end - 1] == '\n';
    }
}
