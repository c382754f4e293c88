package dev.behalf.mailstore.core;

import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.durable.Segments;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.Optional;

/**
 * The one name a box has both in IMAP's namespace ({@code #mail.<token>.INBOX}) and on disk
 * ({@code boxes/<token>}): {@code m-<guid>} for a directory mailbox, {@code x-<address>} for an external
 * capture box, the address written with {@link Segments}. IMAP uses {@code .} as its hierarchy
 * delimiter, and a token never contains one.
 */
public final class Tokens {
    private static final String MAILBOX = "m-";
    private static final String EXTERNAL = "x-";

    private Tokens() {
    }

    public static String of(MailboxKey key) {
        if (key instanceof MailboxKey.Mailbox m) {
            return MAILBOX + m.id();
        }
        return EXTERNAL + Segments.encode(((MailboxKey.External) key).address().toString());
    }

    public static Optional<MailboxKey> parse(String token) {
        try {
            if (token.startsWith(MAILBOX)) {
                return Optional.of(new MailboxKey.Mailbox(RecipientId.parse(token.substring(MAILBOX.length()))));
            }
            if (token.startsWith(EXTERNAL)) {
                return SmtpAddress.tryParse(Segments.decode(token.substring(EXTERNAL.length()))).map(MailboxKey.External::new);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
