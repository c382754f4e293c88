package dev.behalf.mailstore.greenmail;

import dev.behalf.message.Address;
import dev.behalf.message.HeaderSection;
import dev.behalf.message.MailboxList;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * IMAP's {@code ENVELOPE} (RFC 3501 §7.4.2) of a header section: its fields as the store's header parser read
 * them, its addresses as the policy's address parser ({@link MailboxList}) reads them, so a client is shown the
 * From and Sender the delegation check decided on.
 *
 * <p>Why not GreenMail's: 2.1.13's {@code SimpleMessageAttributes} gives a message without a Date the time it
 * was received (RFC 3501: NIL) and one with a Date that date reformatted, not the field; reads a group
 * ({@code undisclosed-recipients:;}) as one mailbox whose name is the whole group; replaces a Sender whose address
 * has no {@code @} by the From; sends 8-bit text in quoted strings, which IMAP's quoted strings cannot carry;
 * and parses every MIME part of the message to get there. Here: each string is the field unfolded (quoted when
 * it can be, else a literal), a missing field is NIL, an empty Sender or Reply-To is the From (RFC 3501), a
 * group is its start and end markers around its members, and only the header section is read.
 */
final class Envelope {
    private Envelope() {
    }

    static String of(HeaderSection headers) {
        StringBuilder out = new StringBuilder(256).append('(');
        ImapFetch.nstring(headers.value("Date"), out);
        out.append(' ');
        ImapFetch.nstring(headers.value("Subject"), out);
        List<Address> from = headers.from();
        out.append(' ');
        addresses(from, out);
        out.append(' ');
        addresses(orFrom(headers.sender(), from), out);
        out.append(' ');
        addresses(orFrom(headers.addresses("Reply-To"), from), out);
        for (String name : new String[]{"To", "Cc", "Bcc"}) {
            out.append(' ');
            addresses(headers.addresses(name), out);
        }
        out.append(' ');
        ImapFetch.nstring(headers.value("In-Reply-To"), out);
        out.append(' ');
        ImapFetch.nstring(headers.value("Message-ID"), out);
        return out.append(')').toString();
    }

    private static List<Address> orFrom(List<Address> addresses, List<Address> from) {
        return addresses.isEmpty() ? from : addresses;
    }

    private static void addresses(List<Address> list, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        for (Address a : list) {
            if (a.group()) {
                group(a, out);
            } else {
                mailbox(a.displayName(), a.address(), out);
            }
        }
        out.append(')');
    }

    /**
     * A group as RFC 3501 marks one: {@code (NIL NIL "name" NIL)}, its members, {@code (NIL NIL NIL NIL)}. Its
     * members are read from the group's text as Jakarta Mail's {@code InternetAddress.getGroup} reads them.
     */
    private static void group(Address a, StringBuilder out) {
        String text = a.address();
        int colon = text.indexOf(':');
        if (colon < 0 || !text.endsWith(";")) {
            mailbox(Optional.empty(), text, out);
            return;
        }
        out.append("(NIL NIL ");
        ImapFetch.string(text.substring(0, colon).strip(), out);
        out.append(" NIL)");
        for (Address member : MailboxList.read(text.substring(colon + 1, text.length() - 1))) {
            if (!member.group()) {
                mailbox(member.displayName(), member.address(), out);
            }
        }
        out.append("(NIL NIL NIL NIL)");
    }

    /** {@code (name NIL mailbox host)}: the local part unquoted, the host after the last {@code @} ("" without one). */
    private static void mailbox(Optional<String> displayName, String address, StringBuilder out) {
        out.append('(');
        ImapFetch.nstring(displayName.map(Envelope::name).filter(n -> !n.isEmpty()), out);
        out.append(" NIL ");
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        ImapFetch.string(local, out);
        out.append(' ');
        ImapFetch.string(at < 0 ? "" : address.substring(at + 1), out);
        out.append(')');
    }

    /**
     * A display name as GreenMail's ENVELOPE gives it, which clients have shown until now: decoded, line breaks
     * (which an encoded-word can carry) removed, and encoded again as UTF-8 when it is not ASCII.
     */
    private static String name(String decoded) {
        String flat = decoded.replace("\r", "").replace("\n", "");
        try {
            return MimeUtility.encodeWord(flat, StandardCharsets.UTF_8.name(), null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
