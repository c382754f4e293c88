package dev.behalf.policy.reply;

/**
 * Every SMTP refusal Behalf sends, named after the event, with its text in each dialect. This is
 * the only place reply text is written (spec §5; texts are byte-exact copies of real servers').
 */
public enum Refusal {
    /** The authenticated account may not send as a From address (spec §4 step 2 and 5). */
    DENIED_FROM(
            SmtpReply.of(550, "5.7.60", "SMTP; Client does not have permissions to send as this sender"),
            SmtpReply.of(550, "5.7.1", "Client does not have permissions to send as this sender")),
    /** MAIL FROM before AUTH. */
    NOT_AUTHENTICATED(
            SmtpReply.of(530, "5.7.57", "Client not authenticated to send mail."),
            SmtpReply.of(530, "5.7.1", "Client was not authenticated")),
    /** Bad credentials, or an account that can't sign in. */
    AUTH_FAILED(SmtpReply.of(535, "5.7.3", "Authentication unsuccessful")),
    /** A recipient in an accepted domain that no object owns. */
    RECIPIENT_NOT_FOUND(SmtpReply.of(550, "5.1.10", "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")),
    /** A message over the size limit. */
    TOO_BIG(SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size")),
    /** More recipients than a message may have (RFC 5321 §4.5.3.1.8). */
    TOO_MANY_RECIPIENTS(SmtpReply.of(452, "4.5.3", "Too many recipients")),
    /** AUTH attempts after too many failures on this connection or from this address. */
    AUTH_THROTTLED(SmtpReply.of(454, "4.7.0", "Too many failed authentication attempts; try again later")),
    /** AUTH over an unencrypted connection where that is not allowed. */
    ENCRYPTION_REQUIRED(SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism")),
    /** A message without a From header (RFC 5322 §3.6). */
    NO_FROM(SmtpReply.of(550, "5.6.0", "Message has no From header; RFC 5322 requires one")),
    /** Several From mailboxes without a Sender header (RFC 5322 §3.6.2). */
    SEVERAL_FROM_WITHOUT_SENDER(SmtpReply.of(550, "5.6.0", "Several From addresses need a Sender header (RFC 5322 3.6.2)")),
    /** A header block that does not parse. */
    MALFORMED_HEADERS(SmtpReply.of(550, "5.6.0", "Message headers could not be parsed")),
    /** An address in From or Sender that does not parse. */
    MALFORMED_ADDRESS(SmtpReply.of(550, "5.1.7", "Invalid address in a From or Sender header")),
    /** 8-bit data in a message not declared BODY=8BITMIME. */
    EIGHT_BIT_NOT_DECLARED(SmtpReply.of(554, "5.6.1", "8-bit data requires BODY=8BITMIME")),
    /** A non-ASCII address or header without SMTPUTF8. */
    SMTPUTF8_REQUIRED(SmtpReply.of(553, "5.6.7", "Non-ASCII addresses or headers require SMTPUTF8")),
    /** A line longer than RFC 5322 allows. */
    LINE_TOO_LONG(SmtpReply.of(500, "5.5.2", "Line too long")),
    /** Too many header fields or nesting levels. */
    TOO_COMPLEX(SmtpReply.of(552, "5.3.4", "Message too complex: too many header fields or MIME levels")),
    /** A transient failure storing the message; nothing was kept. */
    STORE_FAILED(SmtpReply.of(451, "4.3.0", "Temporary failure storing the message; try again"));

    private final SmtpReply online;
    private final SmtpReply server;

    Refusal(SmtpReply both) {
        this(both, both);
    }

    Refusal(SmtpReply online, SmtpReply server) {
        this.online = online;
        this.server = server;
    }

    public SmtpReply reply(Dialect dialect) {
        return switch (dialect) {
            case EXCHANGE_ONLINE -> online;
            case EXCHANGE_SERVER -> server;
        };
    }
}
