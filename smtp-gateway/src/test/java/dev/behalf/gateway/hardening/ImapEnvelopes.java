package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.ImapValue;
import dev.behalf.fixtures.Transcript;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a mailbox's IMAP ENVELOPEs over a raw socket ({@code FETCH 1:* (ENVELOPE)}), as a mail client's
 * message list does: the From and Sender a recipient is shown, straight from the server's reply, read strictly
 * ({@link ImapValue}). A literal in an envelope is not read (the transcript splits lines): it fails the read.
 */
final class ImapEnvelopes {
    private ImapEnvelopes() {
    }

    /** One address of an ENVELOPE: the display name (RFC 2047 decoded) and {@code mailbox@host}. */
    record Mailbox(Optional<String> name, String mailbox, String host) {
        String address() {
            return (mailbox + "@" + host).toLowerCase(Locale.ROOT);
        }
    }

    record Envelope(String subject, List<Mailbox> from, List<Mailbox> sender) {
        List<String> fromAddresses() {
            return from.stream().map(Mailbox::address).toList();
        }
    }

    /** The ENVELOPE of every message in the INBOX of the mailbox {@code login} opens. */
    static List<Envelope> inbox(int port, String login, String password) throws IOException {
        try (Transcript t = new Transcript(port, Duration.ofSeconds(20))) {
            run(t, "a", "LOGIN \"" + login + "\" \"" + password + "\"");
            run(t, "b", "SELECT INBOX");
            List<Envelope> envelopes = new ArrayList<>();
            for (String line : run(t, "c", "FETCH 1:* (ENVELOPE)")) {
                int at = line.indexOf("(ENVELOPE ");
                if (line.startsWith("* ") && at > 0) {
                    envelopes.add(envelope(ImapValue.list(line, at + "(ENVELOPE ".length())));
                }
            }
            run(t, "d", "LOGOUT");
            return envelopes;
        }
    }

    /** The envelope of the one INBOX message with this subject. */
    static Envelope bySubject(int port, String login, String password, String subject) throws IOException {
        List<Envelope> found = inbox(port, login, password).stream().filter(e -> e.subject().equals(subject)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one message '" + subject + "' in " + login + "'s INBOX, found " + found.size());
        }
        return found.get(0);
    }

    /** The untagged lines of a command that must end in OK. */
    private static List<String> run(Transcript t, String tag, String command) throws IOException {
        List<String> lines = t.imap(tag, command);
        String done = lines.remove(lines.size() - 1);
        if (!done.startsWith(tag + " OK")) {
            throw new IOException(tag + " " + command + " -> " + done);
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Envelope envelope(List<Object> e) {
        return new Envelope(e.get(1) == null ? "" : decode((String) e.get(1)), mailboxes(e.get(2)), mailboxes(e.get(3)));
    }

    @SuppressWarnings("unchecked")
    private static List<Mailbox> mailboxes(Object list) {
        List<Mailbox> out = new ArrayList<>();
        if (list != null) {
            for (Object a : (List<Object>) list) {
                List<Object> f = (List<Object>) a;
                out.add(new Mailbox(Optional.ofNullable((String) f.get(0)).map(ImapEnvelopes::decode), String.valueOf(f.get(2)),
                        String.valueOf(f.get(3))));
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return MimeUtility.decodeText(s);
        } catch (UnsupportedEncodingException e) {
            return s;
        }
    }
}
