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

    /** {@code 250 2.6.0 <message-id> [InternalId=n, Hostname=h] Queued mail for delivery}. */
    public static SmtpReply queued(String messageId, long internalId, String hostName) {
        return SmtpReply.of(250, "2.6.0", messageId + " [InternalId=" + internalId + ", Hostname=" + hostName
                + "] Queued mail for delivery");
    }
}
