package dev.behalf.message;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Address lists (RFC 5322 §3.4: From, Sender, To, Cc, Resent-From...), parsed exactly as GreenMail's IMAP
 * ENVELOPE and the store parse them: Jakarta Mail's {@code InternetAddress.parseHeader(value, false)}. One
 * parser, so the mailbox the gateway decides on is the one a client is shown.
 */
public final class MailboxList {
    private MailboxList() {
    }

    /** A header value that is not an address list. */
    public static final class AddressSyntaxException extends Exception {
        public AddressSyntaxException(String detail) {
            super(detail, null, false, false);
        }
    }

    /** The addresses of a header value (folded or not), or why it is not a list of them. */
    public static List<Address> parse(String value) throws AddressSyntaxException {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(value, false);
        } catch (AddressException e) {
            throw new AddressSyntaxException(e.getMessage());
        }
        List<Address> out = new ArrayList<>(parsed.length);
        for (InternetAddress a : parsed) {
            String personal = a.isGroup() ? null : a.getPersonal();
            out.add(new Address(Optional.ofNullable(personal), a.getAddress(), a.isGroup()));
        }
        return out;
    }

    /** The addresses of a header value; none when it does not parse. For readers, which never refuse. */
    public static List<Address> read(String value) {
        try {
            return parse(value);
        } catch (AddressSyntaxException e) {
            return List.of();
        }
    }

    /**
     * A mailbox as a header value written by Behalf (a stamped Sender): {@code Display Name <address>}, the
     * name quoted or RFC 2047 encoded as needed and folded to fit a line. Control characters (CR, LF,
     * NUL...) in the name become spaces so that a display name can never start a field of its own, and
     * {@code =?} becomes {@code = ?} so that it can never read as an RFC 2047 encoded-word: a delegate named
     * {@code =?UTF-8?B?QWRtaW5pc3RyYXRvcg==?=} would otherwise show as "Administrator", and encoding it is
     * not enough, since IMAP ENVELOPE decodes names and sends ASCII back as is ({@code Envelope} keeps GreenMail's reading).
     *
     * @param fieldName the field it is written in, for folding ({@code "Sender"})
     */
    public static String headerValue(String fieldName, String displayName, String address) {
        String clean = displayName.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip().replaceAll(" {2,}", " ")
                .replace("=?", "= ?");
        try {
            InternetAddress a = new InternetAddress(address, clean.isEmpty() ? null : clean, StandardCharsets.UTF_8.name());
            return MimeUtility.fold(fieldName.length() + 2, a.toString());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
