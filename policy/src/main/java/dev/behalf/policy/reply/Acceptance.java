package dev.behalf.policy.reply;

/**
 * The positive replies of a submission, with Exchange's texts. Together with {@link Refusal}, the
 * only place reply text is written.
 */
public final class Acceptance {
    private Acceptance() {
    }

    public static final SmtpReply SENDER_OK = SmtpReply.of(250, "2.1.0", "Sender OK");
    public static final SmtpReply RECIPIENT_OK = SmtpReply.of(250, "2.1.5", "Recipient OK");
    /** RSET (Exchange's text; SubEthaSMTP's "250 Ok" has no enhanced status code though EHLO offers them, RFC 2034). */
    public static final SmtpReply RESET = SmtpReply.of(250, "2.0.0", "Resetting");
    public static final SmtpReply NOOP = SmtpReply.of(250, "2.0.0", "OK");
    /** QUIT. */
    public static final SmtpReply CLOSING = SmtpReply.of(221, "2.0.0", "Service closing transmission channel");

    /** {@code 250 2.6.0 <message-id> [InternalId=n, Hostname=h] Queued mail for delivery}. */
    public static SmtpReply queued(String messageId, long internalId, String hostName) {
        return SmtpReply.of(250, "2.6.0", messageId + " [InternalId=" + internalId + ", Hostname=" + hostName
                + "] Queued mail for delivery");
    }
}
