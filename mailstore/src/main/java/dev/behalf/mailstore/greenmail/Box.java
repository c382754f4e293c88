package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MailboxKey;

/** A place mail is kept, with its GreenMail user; see {@link Tokens} for the token. */
record Box(MailboxKey key, String token, MailboxUser user) {
}
