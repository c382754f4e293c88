package dev.behalf.gateway.smtp;

import dev.behalf.policy.directory.RecipientId;

/**
 * Who authenticated on an SMTP session: the directory account and the login it typed. The
 * identity {@link org.subethamail.smtp.AuthenticationHandler#getIdentity()} returns.
 */
record AccountIdentity(RecipientId account, String login) {
}
