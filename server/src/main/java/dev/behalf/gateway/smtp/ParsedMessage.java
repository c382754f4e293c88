package dev.behalf.gateway.smtp;

import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header section of a submitted message, parsed once (RFC 5322 §2.2, §3.6): the fields with
 * their byte ranges, and the From, Sender, Message-ID and Subject the gateway needs. The body is
 * never parsed. Parsing refuses rather than guesses: a continuation line first, a line without a
 * colon, a second From or Sender, or an address that does not parse.
 *
 * @param bodyStart offset of the first body byte (after the empty line), or the length when none
 */
record ParsedMessage(byte[] raw, List<HeaderField> fields, int bodyStart, List<Mailbox> from, Optional<Mailbox> sender,
                     Optional<String> messageId, Optional<String> subject, boolean hasDate) {
    /** RFC 5322 §2.2.3 unfolding, and the line break that ends the field. */
    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\r?\n(?=[ \t])|\r?\n$");

    /**
     * Limits that keep a hostile message from costing more than a normal one.
     *
     * @param maxMimeDepth how deeply MIME parts may nest (see {@link MimeNesting})
     */
    record Limits(int maxHeaderFields, int maxHeaderLineLength, int maxMimeDepth, int maxMimeParts) {
        static final Limits DEFAULT = new Limits(1000, 998, 50, 250);
    }

    static ParsedMessage parse(byte[] raw, boolean utf8Headers, Limits limits) throws MalformedMessageException {
        Charset charset = utf8Headers ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        List<HeaderField> fields = new ArrayList<>();
        int pos = 0;
        int lineNo = 0;
        int bodyStart = raw.length;
        int headerEnd = raw.length;
        String currentName = null;
        int currentStart = 0;
        while (pos < raw.length) {
            int eol = indexOfLf(raw, pos);
            int next = eol < 0 ? raw.length : eol + 1;
            int contentEnd = eol < 0 ? raw.length : (eol > pos && raw[eol - 1] == '\r' ? eol - 1 : eol);
            lineNo++;
            if (contentEnd - pos > limits.maxHeaderLineLength()) {
                throw new MalformedMessageException(Refusal.LINE_TOO_LONG, "header line " + lineNo + " is "
                        + (contentEnd - pos) + " characters; RFC 5322 allows " + limits.maxHeaderLineLength());
            }
            if (contentEnd == pos) {
                headerEnd = pos;
                bodyStart = next;
                break;
            }
            byte first = raw[pos];
            if (first == ' ' || first == '\t') {
                if (currentName == null) {
                    throw new MalformedMessageException(Refusal.MALFORMED_HEADERS,
                            "line 1 is a continuation line; the header section must start with a field name");
                }
                pos = next;
                continue;
            }
            if (currentName != null) {
                fields.add(new HeaderField(currentName, currentStart, pos));
            }
            int colon = indexOf(raw, (byte) ':', pos, contentEnd);
            if (colon <= pos || !validName(raw, pos, colon)) {
                if (fields.isEmpty() && currentName == null) {
                    // No header section at all: the whole text is body (and so has no From).
                    bodyStart = 0;
                    currentName = null;
                    break;
                }
                throw new MalformedMessageException(Refusal.MALFORMED_HEADERS,
                        "header line " + lineNo + " is not a 'Name: value' field and no empty line separates the body");
            }
            currentName = new String(raw, pos, colon - pos, StandardCharsets.US_ASCII).strip();
            currentStart = pos;
            if (fields.size() >= limits.maxHeaderFields()) {
                throw new MalformedMessageException(Refusal.TOO_COMPLEX, "more than " + limits.maxHeaderFields() + " header fields");
            }
            pos = next;
        }
        if (currentName != null) {
            // The empty line that ended the headers is not part of the last field, even when nothing follows it.
            fields.add(new HeaderField(currentName, currentStart, headerEnd));
        }
        List<Mailbox> from = List.of();
        Optional<Mailbox> sender = Optional.empty();
        Optional<String> messageId = Optional.empty();
        Optional<String> subject = Optional.empty();
        boolean hasDate = false;
        boolean seenFrom = false;
        for (HeaderField f : fields) {
            String value = value(raw, f, charset);
            if (f.is("From")) {
                if (seenFrom) {
                    throw new MalformedMessageException(Refusal.MALFORMED_HEADERS, "more than one From field (RFC 5322 3.6 allows one)");
                }
                seenFrom = true;
                from = mailboxes(value, "From");
            } else if (f.is("Sender")) {
                if (sender.isPresent()) {
                    throw new MalformedMessageException(Refusal.MALFORMED_HEADERS, "more than one Sender field (RFC 5322 3.6 allows one)");
                }
                List<Mailbox> s = mailboxes(value, "Sender");
                if (s.size() != 1) {
                    throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, "Sender must hold exactly one mailbox");
                }
                sender = Optional.of(s.get(0));
            } else if (f.is("Message-ID")) {
                messageId = Optional.of(value.strip());
            } else if (f.is("Subject")) {
                subject = Optional.of(decodeText(value.strip()));
            } else if (f.is("Date")) {
                hasDate = true;
            }
        }
        return new ParsedMessage(raw, List.copyOf(fields), bodyStart, from, sender, messageId, subject, hasDate);
    }

    /** The unfolded value of a field, after the colon. */
    static String value(byte[] raw, HeaderField f, Charset charset) {
        String text = new String(raw, f.start(), f.end() - f.start(), charset);
        int colon = text.indexOf(':');
        return LINE_BREAKS.matcher(text.substring(colon + 1)).replaceAll("");
    }

    private static List<Mailbox> mailboxes(String value, String field) throws MalformedMessageException {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(value, false);
        } catch (AddressException e) {
            throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " does not parse: " + e.getMessage());
        }
        List<Mailbox> out = new ArrayList<>(parsed.length);
        for (InternetAddress a : parsed) {
            if (a.isGroup()) {
                throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " may not contain a group");
            }
            Optional<SmtpAddress> address = SmtpAddress.tryParse(a.getAddress());
            if (address.isEmpty()) {
                throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " address '" + a.getAddress() + "' is not local@domain");
            }
            String personal = a.getPersonal();
            out.add(new Mailbox(personal == null || personal.isBlank() ? Optional.empty() : Optional.of(personal), address.get()));
        }
        return out;
    }

    private static String decodeText(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    private static boolean validName(byte[] raw, int from, int to) {
        // RFC 5322 3.6.8: field-name = 1*ftext, printable US-ASCII except colon.
        for (int i = from; i < to; i++) {
            if (raw[i] < 33 || raw[i] > 126) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfLf(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] raw, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
