package dev.behalf.gateway.junit;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.reply.Refusal;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The checks behind {@link BehalfExtension}'s assertions, with failure messages that say what the
 * message shows instead and why (the decision record).
 */
final class BehalfAssertions {
    private BehalfAssertions() {
    }

    /**
     * The message was sent by {@code delegate} on behalf of {@code mailbox}: From is the mailbox,
     * Sender the delegate (identities: alias, address, name...).
     */
    static void assertSentOnBehalf(MimeMessage message, String delegate, String mailbox, BehalfExtension behalf) {
        Recipient d = behalf.recipient(delegate);
        Recipient m = behalf.recipient(mailbox);
        List<String> from = addresses(message, "From");
        Optional<String> sender = addresses(message, "Sender").stream().findFirst();
        if (!from.contains(address(m))) {
            throw new AssertionError("expected From " + m.mailbox() + " (" + d.displayName() + " on behalf of " + m.displayName()
                    + "), but From is " + from);
        }
        if (sender.isEmpty()) {
            throw new AssertionError("expected Sender " + d.mailbox() + " (" + d.displayName() + " on behalf of " + m.displayName()
                    + "), but the message has no Sender header, so it reads as sent by " + m.displayName() + " itself (Send As or Self)");
        }
        if (!sender.get().equals(address(d))) {
            throw new AssertionError("expected Sender " + d.mailbox() + ", but Sender is " + sender.get());
        }
    }

    /**
     * The message was sent as {@code mailbox} with nothing showing a delegate: From is the mailbox and
     * there is no Sender header (or it is the mailbox itself).
     */
    static void assertSentAs(MimeMessage message, String mailbox, BehalfExtension behalf) {
        Recipient m = behalf.recipient(mailbox);
        List<String> from = addresses(message, "From");
        if (!from.contains(address(m))) {
            throw new AssertionError("expected From " + m.mailbox() + ", but From is " + from);
        }
        Optional<String> sender = addresses(message, "Sender").stream().findFirst();
        if (sender.isPresent() && !sender.get().equals(address(m))) {
            throw new AssertionError("expected no trace of a delegate (Send As), but Sender is " + sender.get()
                    + ": recipients see '" + sender.get() + " on behalf of " + m.displayName() + "' (Send on Behalf)");
        }
    }

    /**
     * {@code send} is refused with the dialect's "no permission to send as this sender" reply
     * (550 5.7.60 on Exchange Online) and Behalf recorded the refusal; returns that record.
     */
    static DecisionRecord assertRefused(BehalfExtension.Send send, BehalfExtension behalf) {
        String expected = Refusal.DENIED_FROM.reply(behalf.dialect()).toString();
        return assertRefused(send, expected, behalf).orElseThrow(() ->
                new AssertionError("the send was refused with '" + expected + "' but Behalf recorded no decision for it"));
    }

    /** {@code send} is refused with a reply starting with {@code expected} (a code, or a whole line); returns the record. */
    static Optional<DecisionRecord> assertRefused(BehalfExtension.Send send, String expected, BehalfExtension behalf) {
        long before = behalf.server().decisions().total();
        Exception failure = null;
        try {
            send.run();
        } catch (Exception e) {
            failure = e;
        }
        if (failure == null) {
            throw new AssertionError("expected the send to be refused with '" + expected + "', but it was accepted"
                    + behalf.lastDecision().map(d -> " (" + d.outcome() + ": " + String.join("; ", d.because()) + ")").orElse(""));
        }
        String reply = replyLine(failure);
        if (!reply.contains(expected)) {
            throw new AssertionError("expected the refusal '" + expected + "', but the client saw: " + reply, failure);
        }
        // Refusals before a transaction (530 at MAIL, 535 at AUTH) have no decision record.
        return behalf.server().decisions().total() == before ? Optional.empty() : behalf.lastDecision();
    }

    /** Every reply line a client exception carries (Angus puts the server's reply in the messages). */
    private static String replyLine(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
            if (c instanceof MessagingException me && me.getNextException() != null && me.getNextException() != c.getCause()) {
                sb.append(me.getNextException().getMessage()).append(" | ");
            }
        }
        return sb.toString().replace("\r", "").replace("\n", " ");
    }

    private static List<String> addresses(MimeMessage message, String header) {
        try {
            String[] values = message.getHeader(header);
            if (values == null) {
                return List.of();
            }
            return Arrays.stream(values).flatMap(v -> {
                try {
                    return Arrays.stream(InternetAddress.parseHeader(v, false));
                } catch (MessagingException e) {
                    throw new AssertionError(header + " header does not parse: " + v, e);
                }
            }).map(Address::toString).map(a -> ((String) a)).map(BehalfAssertions::bare).toList();
        } catch (MessagingException e) {
            throw new AssertionError("can't read the " + header + " header: " + e.getMessage(), e);
        }
    }

    private static String bare(String address) {
        try {
            return new InternetAddress(address).getAddress().toLowerCase(java.util.Locale.ROOT);
        } catch (MessagingException e) {
            return address;
        }
    }

    private static String address(Recipient r) {
        return r.primarySmtpAddress().map(Object::toString).orElse(r.name());
    }
}
