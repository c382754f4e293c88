package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MailboxKey;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The one name a box has both in GreenMail's store ({@code #mail.<token>.INBOX}) and on disk
 * ({@code boxes/<token>}): {@code m-<guid>} for a directory mailbox, {@code x-<address>} for an external
 * capture box with every byte outside {@code [A-Za-z0-9_-]} written {@code %XX}. GreenMail uses
 * {@code .} as its hierarchy delimiter, so a token must not contain one.
 */
final class Tokens {
    private static final String MAILBOX = "m-";
    private static final String EXTERNAL = "x-";

    private Tokens() {
    }

    static String of(MailboxKey key) {
        if (key instanceof MailboxKey.Mailbox m) {
            return MAILBOX + m.id();
        }
        return EXTERNAL + encode(((MailboxKey.External) key).address().toString());
    }

    static Optional<MailboxKey> parse(String token) {
        try {
            if (token.startsWith(MAILBOX)) {
                return Optional.of(new MailboxKey.Mailbox(RecipientId.parse(token.substring(MAILBOX.length()))));
            }
            if (token.startsWith(EXTERNAL)) {
                return SmtpAddress.tryParse(decode(token.substring(EXTERNAL.length()))).map(MailboxKey.External::new);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append((char) c);
            } else {
                sb.append(String.format("%%%02X", c));
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
