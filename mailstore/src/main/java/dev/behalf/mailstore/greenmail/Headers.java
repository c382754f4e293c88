package dev.behalf.mailstore.greenmail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a list view shows of a message, read once from its header block: RFC 2047 encoded words
 * decoded, addresses rendered as {@code Display Name <address>}.
 *
 * @param submissionId the {@code X-MS-Exchange-Organization-Network-Message-Id} the gateway stamps
 */
record Headers(Optional<String> submissionId, Optional<String> messageId, String subject, String from,
               Optional<String> sender, List<String> to) {

    static final String NETWORK_MESSAGE_ID = "X-MS-Exchange-Organization-Network-Message-Id";

    Headers {
        to = List.copyOf(to);
    }

    static Headers parse(byte[] message) {
        InternetHeaders h;
        try {
            // allowutf8: SMTPUTF8 messages carry raw UTF-8 in headers (RFC 6532)
            h = new InternetHeaders(new ByteArrayInputStream(message), true);
        } catch (MessagingException | RuntimeException e) {
            // A header block jakarta.mail can't parse (see the pitfalls note) still gets stored and listed.
            return new Headers(Optional.empty(), Optional.empty(), "", "", Optional.empty(), List.of());
        }
        return read(h::getHeader);
    }

    /** The same, from a message already parsed (with {@code mail.mime.allowutf8}, as {@link #parse} reads). */
    static Headers of(MimeMessage message) {
        return read(name -> {
            try {
                return message.getHeader(name);
            } catch (MessagingException e) {
                return null;
            }
        });
    }

    private static Headers read(Function<String, String[]> h) {
        return new Headers(
                raw(h, NETWORK_MESSAGE_ID),
                raw(h, "Message-ID"),
                raw(h, "Subject").map(Headers::decode).orElse(""),
                raw(h, "From").map(v -> String.join(", ", addresses(v))).orElse(""),
                raw(h, "Sender").map(v -> String.join(", ", addresses(v))),
                raw(h, "To").map(Headers::addresses).orElse(List.of()));
    }

    private static Optional<String> raw(Function<String, String[]> h, String name) {
        String[] values = h.apply(name);
        if (values == null || values.length == 0) {
            return Optional.empty();
        }
        return Optional.of(unfold(values[0]).strip());
    }

    /**
     * RFC 5322 §2.2.3: a line break followed by white space is removed. Linear, unlike
     * {@code MimeUtility.unfold}, which copies the rest of the value at every line break: a From of
     * 100,000 folded lines took it 20 s, under the store's delivery path.
     */
    static String unfold(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            int next = c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n' ? i + 2 : c == '\r' || c == '\n' ? i + 1 : -1;
            if (next >= 0 && (next == n || value.charAt(next) == ' ' || value.charAt(next) == '\t')) {
                i = next - 1;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<String> addresses(String value) {
        try {
            List<String> out = new ArrayList<>();
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                out.add(display(a));
            }
            return out;
        } catch (AddressException e) {
            return List.of(decode(value));
        }
    }

    /**
     * {@code Display Name <address>} with the display name decoded; quoted only when it holds an RFC 5322
     * special, so {@code "Adams, Terry" <...>} keeps its quotes and non-ASCII names don't gain any.
     */
    private static String display(InternetAddress a) {
        String personal = a.getPersonal();
        if (a.isGroup() || personal == null || personal.isBlank()) {
            return a.isGroup() ? a.toUnicodeString() : a.getAddress();
        }
        boolean special = personal.chars().anyMatch(c -> "()<>@,;:\\\".[]".indexOf(c) >= 0);
        String name = special ? "\"" + personal.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : personal;
        return name + " <" + a.getAddress() + ">";
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }
}
