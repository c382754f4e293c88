package dev.behalf.mailstore.core;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a list view shows of a message, read once from its header block: RFC 2047 encoded words
 * decoded, addresses rendered as {@code Display Name <address>}. The store's only reader of header
 * fields (the IMAP layer hands GreenMail the bytes): when the gateway's parse is handed to the store,
 * this is the class it replaces, through {@link #of}.
 */
public final class Headers {
    static final String NETWORK_MESSAGE_ID = "X-MS-Exchange-Organization-Network-Message-Id";
    private static final String[] FIELDS = {NETWORK_MESSAGE_ID, "Message-ID", "Subject", "From", "Sender", "To"};
    private static final byte HAS_SUBMISSION_ID = 1;
    private static final byte HAS_MESSAGE_ID = 2;

    // One of these is kept per stored message, so it is small: the values seldom shared (submission id,
    // Message-ID, subject) in one string, the ones often shared (From, Sender, To) interned.
    private final String unique;
    private final int submissionIdEnd;
    private final int messageIdEnd;
    private final byte present;
    private final String from;
    private final String sender;
    private final List<String> to;

    private Headers(String submissionId, String messageId, String subject, String from, String sender, List<String> to,
                    Interner interner) {
        Objects.requireNonNull(subject, "subject");
        String s = submissionId == null ? "" : submissionId;
        String m = messageId == null ? "" : messageId;
        this.unique = s + m + subject;
        this.submissionIdEnd = s.length();
        this.messageIdEnd = s.length() + m.length();
        this.present = (byte) ((submissionId == null ? 0 : HAS_SUBMISSION_ID) | (messageId == null ? 0 : HAS_MESSAGE_ID));
        this.from = interner.intern(Objects.requireNonNull(from, "from"));
        this.sender = interner.intern(sender);
        this.to = interner.intern(List.copyOf(to));
    }

    /** A summary from values already read by someone else (raw field values, unfolded, not decoded). */
    public static Headers of(Optional<String> submissionId, Optional<String> messageId, Optional<String> subject,
                             Optional<String> from, Optional<String> sender, Optional<String> to) {
        return of(submissionId, messageId, subject, from, sender, to, new Interner());
    }

    static Headers of(Optional<String> submissionId, Optional<String> messageId, Optional<String> subject,
                      Optional<String> from, Optional<String> sender, Optional<String> to, Interner interner) {
        return new Headers(submissionId.orElse(null), messageId.orElse(null), subject.map(Headers::decode).orElse(""),
                from.map(v -> interner.derive(v, Headers::mailboxes)).orElse(""),
                sender.map(v -> interner.derive(v, Headers::mailboxes)).orElse(null),
                to.map(v -> interner.derive(v, Headers::addresses)).orElse(List.of()), interner);
    }

    private static String mailboxes(String value) {
        return String.join(", ", addresses(value));
    }

    /** Reads the summary fields of a message's header block (the first occurrence of each). */
    public static Headers parse(byte[] message) {
        return parse(message, new Interner());
    }

    /** As {@link #parse(byte[])}, sharing the often repeated values through {@code interner}. */
    static Headers parse(byte[] message, Interner interner) {
        String[] raw = new String[FIELDS.length];
        int end = bodyOffset(message);
        int i = 0;
        while (i < end) {
            int lineEnd = lineEnd(message, i, end);
            int field = field(message, i, lineEnd);
            int next = next(message, lineEnd, end);
            while (next < end && (message[next] == ' ' || message[next] == '\t')) {
                next = next(message, lineEnd(message, next, end), end);
            }
            if (field >= 0 && raw[field] == null) {
                int colon = colon(message, i + FIELDS[field].length(), lineEnd);
                raw[field] = unfold(new String(message, colon + 1, next - colon - 1, StandardCharsets.UTF_8)).strip();
            }
            i = next;
        }
        return of(Optional.ofNullable(raw[0]), Optional.ofNullable(raw[1]), Optional.ofNullable(raw[2]),
                Optional.ofNullable(raw[3]), Optional.ofNullable(raw[4]), Optional.ofNullable(raw[5]), interner);
    }

    /**
     * Where the body starts: just after the first empty line (CRLF CRLF, or a bare LF pair as an IMAP
     * APPEND may carry), or the end of a message that is all header.
     */
    public static int bodyOffset(byte[] m) {
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '\n') {
                if (i + 1 < m.length && m[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < m.length && m[i + 1] == '\r' && m[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return m.length;
    }

    /** The index of the line's LF (or {@code end}). */
    private static int lineEnd(byte[] m, int from, int end) {
        int i = from;
        while (i < end && m[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int next(byte[] m, int lineEnd, int end) {
        return Math.min(lineEnd + 1, end);
    }

    /** Where the colon after a field name is; white space before it is RFC 5322's obsolete syntax (§4.5.3). */
    private static int colon(byte[] m, int afterName, int lineEnd) {
        int j = afterName;
        while (j < lineEnd && (m[j] == ' ' || m[j] == '\t')) {
            j++;
        }
        return j < lineEnd && m[j] == ':' ? j : -1;
    }

    /** Which of {@link #FIELDS} the line at {@code start} begins, or -1. */
    private static int field(byte[] m, int start, int lineEnd) {
        for (int f = 0; f < FIELDS.length; f++) {
            String name = FIELDS[f];
            if (start + name.length() >= lineEnd || colon(m, start + name.length(), lineEnd) < 0) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < name.length() && same; k++) {
                int c = m[start + k];
                same = Character.toLowerCase(c) == Character.toLowerCase(name.charAt(k));
            }
            if (same) {
                return f;
            }
        }
        return -1;
    }

    public Optional<String> submissionId() {
        return (present & HAS_SUBMISSION_ID) == 0 ? Optional.empty() : Optional.of(unique.substring(0, submissionIdEnd));
    }

    public Optional<String> messageId() {
        return (present & HAS_MESSAGE_ID) == 0 ? Optional.empty() : Optional.of(unique.substring(submissionIdEnd, messageIdEnd));
    }

    public String subject() {
        return unique.substring(messageIdEnd);
    }

    public String from() {
        return from;
    }

    public Optional<String> sender() {
        return Optional.ofNullable(sender);
    }

    public List<String> to() {
        return to;
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
        if (value.indexOf("=?") < 0) {
            return value; // no RFC 2047 encoded word
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && unique.equals(h.unique) && submissionIdEnd == h.submissionIdEnd
                && messageIdEnd == h.messageIdEnd && present == h.present && from.equals(h.from)
                && Objects.equals(sender, h.sender) && to.equals(h.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unique, submissionIdEnd, messageIdEnd, present, from, sender, to);
    }

    @Override
    public String toString() {
        return "Headers[from=" + from + ", to=" + to + ", subject=" + subject() + "]";
    }
}
