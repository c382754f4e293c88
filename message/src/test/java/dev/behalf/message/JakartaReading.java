package dev.behalf.message;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * How Jakarta Mail reads a message, the way the store does ({@code mail.mime.allowutf8}) and so the way
 * GreenMail builds IMAP ENVELOPE from it: the oracle the tests compare {@link HeaderSection} with.
 */
final class JakartaReading {
    private static final Session SESSION;

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        SESSION = Session.getInstance(p);
    }

    private JakartaReading() {
    }

    /** Name and value of each header, or empty when Jakarta Mail fails on the bytes. */
    static Optional<List<String[]>> headers(byte[] raw) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            List<String[]> out = new ArrayList<>();
            for (Header h : Collections.list(m.getAllHeaders())) {
                out.add(new String[] {h.getName(), h.getValue()});
            }
            return Optional.of(out);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Each header as Jakarta Mail holds it ({@code getAllHeaderLines}), or empty when it fails on the bytes. */
    static Optional<List<String>> headerLines(byte[] raw) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            return Optional.of(Collections.list(m.getAllHeaderLines()));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The From mailboxes as GreenMail's ENVELOPE lists them: each From value parsed, concatenated. */
    static Optional<List<String>> envelopeFrom(byte[] raw) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String[] values = m.getHeader("From");
            List<String> out = new ArrayList<>();
            for (String v : values == null ? new String[0] : values) {
                for (InternetAddress a : InternetAddress.parseHeader(v, false)) {
                    out.add(a.getAddress());
                }
            }
            return Optional.of(out);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
