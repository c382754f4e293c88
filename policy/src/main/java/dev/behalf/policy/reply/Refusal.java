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
    /** PLAIN or LOGIN while the organization's SmtpClientAuthenticationDisabled is on (Exchange Online's text). */
    SMTP_AUTH_DISABLED_TENANT(SmtpReply.of(535, "5.7.139", "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
            + "Visit https://aka.ms/smtp_auth_disabled for more information.")),
    /** PLAIN or LOGIN while the mailbox's SmtpClientAuthenticationDisabled is on, or with --basic-auth disabled. */
    BASIC_AUTH_DISABLED(SmtpReply.of(535, "5.7.139", "Authentication unsuccessful, basic authentication is disabled.")),
    /** PLAIN or LOGIN after Basic authentication for client submission is retired (--basic-auth retired). */
    BASIC_AUTH_RETIRED(SmtpReply.of(550, "5.7.30", "Basic authentication is not supported for Client Submission")),
    /** A recipient in an accepted domain that no object owns. */
    RECIPIENT_NOT_FOUND(SmtpReply.of(550, "5.1.10", "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")),
    /** A message over the size limit. */
    TOO_BIG(SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size")),
    /** More recipients than a message may have (RFC 5321 §4.5.3.1.8). */
    TOO_MANY_RECIPIENTS(SmtpReply.of(452, "4.5.3", "Too many recipients")),
    /** AUTH over an unencrypted connection where that is not allowed. */
    ENCRYPTION_REQUIRED(SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism")),
    /** A message without a From header (RFC 5322 §3.6). */
    NO_FROM(SmtpReply.of(550, "5.6.0", "Message has no From header; RFC 5322 requires one")),
    /** Several From mailboxes without a Sender header (RFC 5322 §3.6.2). */
    SEVERAL_FROM_WITHOUT_SENDER(SmtpReply.of(550, "5.6.0", "Several From addresses need a Sender header (RFC 5322 3.6.2)")),
    /** Several Resent-From mailboxes without a Resent-Sender header (RFC 5322 §3.6.6 applies §3.6.2 to resent fields). */
    SEVERAL_RESENT_FROM_WITHOUT_RESENT_SENDER(SmtpReply.of(550, "5.6.0",
            "Several Resent-From addresses need a Resent-Sender header (RFC 5322 3.6.6)")),
    /** A header block that does not parse. */
    MALFORMED_HEADERS(SmtpReply.of(550, "5.6.0", "Message headers could not be parsed")),
    /** An address in From or Sender that does not parse. */
    MALFORMED_ADDRESS(SmtpReply.of(550, "5.1.7", "Invalid address in a From or Sender header")),
    /** 8-bit data in a message not declared BODY=8BITMIME. */
    EIGHT_BIT_NOT_DECLARED(SmtpReply.of(554, "5.6.1", "8-bit data requires BODY=8BITMIME")),
    /** A non-ASCII address without SMTPUTF8 (MAIL FROM, RCPT TO). */
    SMTPUTF8_REQUIRED(SmtpReply.of(553, "5.6.7", "Non-ASCII addresses or headers require SMTPUTF8")),
    /**
     * 8-bit bytes in the header section of a message whose MAIL FROM declared BODY=8BITMIME but not
     * SMTPUTF8 (RFC 6531 §3.5, RFC 6532): 8BITMIME is for the body only. Exchange has no text of its own for
     * this (Exchange Online accepts such headers and re-encodes them), so the text says what RFC 6531's
     * X.6.7 means.
     */
    EIGHT_BIT_HEADERS_WITHOUT_SMTPUTF8(SmtpReply.of(550, "5.6.7", "Non-ASCII header fields require SMTPUTF8")),
    /** A line longer than RFC 5322 allows. */
    LINE_TOO_LONG(SmtpReply.of(500, "5.5.2", "Line too long")),
    /** Too many header fields or nesting levels. */
    TOO_COMPLEX(SmtpReply.of(552, "5.3.4", "Message too complex: too many header fields, MIME levels or MIME parts")),
    /**
     * Bare LF line endings: Exchange Online's text (Microsoft's KB 2998901, "SMTPSEND.BareLineFeedsAreIllegal
     * NDR received by Exchange Online or EOP users"), RFC 5321 §2.3.8.
     */
    BARE_LINEFEED(SmtpReply.of(550, "5.6.11", "SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA")),
    /**
     * A CR not followed by LF, anywhere in the message (RFC 5321 §2.3.8). Exchange documents no text for
     * bare CRs, so this follows its bare-LF reply; readers take a lone CR for a line end (issue 12.2).
     */
    BARE_CARRIAGE_RETURN(SmtpReply.of(550, "5.6.11", "Message contains bare carriage returns, which cannot be sent via DATA")),
    /** NUL characters in a message sent with DATA (RFC 5321 §4.1.1.4 allows none). */
    NUL_CHARACTERS(SmtpReply.of(550, "5.6.0", "Message contains NUL characters")),
    /** A transient failure storing the message; nothing was kept. */
    STORE_FAILED(SmtpReply.of(451, "4.3.0", "Temporary failure storing the message; try again")),
    /**
     * Fault rules (issue 14.5): Exchange Online's transient and throttling replies, sent only when a fault
     * rule chooses a submission. Server busy: Exchange Online Protection's throttling text as wire logs show
     * it, without the "from [ip]. (S77714) [host]" tail that varies per reply.
     */
    SERVER_BUSY(SmtpReply.of(451, "4.7.500", "Server busy. Please try again later.")),
    /** Fault rule: the service is going away; the connection is closed after the reply (RFC 5321 §3.8). */
    SERVICE_UNAVAILABLE(SmtpReply.of(421, "4.3.2", "Service not available, closing transmission channel")),
    /** Fault rule: too many concurrent submissions by one sender (Exchange Online's sender thread limit). */
    SENDER_THREAD_LIMIT(SmtpReply.of(432, "4.3.2", "STOREDRV.ClientSubmit; sender thread limit exceeded")),
    /**
     * Fault rule: the sender's daily recipient quota (10,000 recipients a day for SMTP AUTH submission;
     * Microsoft's "Fix sender's submission quota exceeded errors"); permanent for the day.
     */
    SUBMISSION_QUOTA_EXCEEDED(SmtpReply.of(554, "5.2.0", "STOREDRV.Submission.Exception:SubmissionQuotaExceededException;"
            + " Failed to process message due to a permanent exception with message Cannot submit message.")),
    /** MAIL FROM without a parsable reverse path. */
    BAD_MAIL_SYNTAX(SmtpReply.of(501, "5.5.4", "Syntax: MAIL FROM:<address> [parameters]")),
    /** RCPT TO without a parsable forward path. */
    BAD_RCPT_SYNTAX(SmtpReply.of(501, "5.5.4", "Syntax: RCPT TO:<address> [parameters]")),
    /** A reverse path that is not an address. */
    BAD_SENDER_ADDRESS(SmtpReply.of(501, "5.1.7", "Invalid address")),
    /** A forward path that is not an address. */
    BAD_RECIPIENT_ADDRESS(SmtpReply.of(501, "5.1.3", "Invalid address")),
    /** A second MAIL FROM inside a transaction. */
    SENDER_ALREADY_GIVEN(SmtpReply.of(503, "5.5.1", "Sender already specified")),
    /** RCPT or DATA before MAIL FROM. */
    NEED_MAIL(SmtpReply.of(503, "5.5.1", "Need MAIL command")),
    /** DATA before any accepted RCPT TO. */
    NEED_RCPT(SmtpReply.of(503, "5.5.1", "Need RCPT command")),
    /** An AUTH response that is not valid base64 or lacks the PLAIN separators. */
    BAD_AUTH_RESPONSE(SmtpReply.of(501, "5.5.2", "Invalid AUTH response")),
    /** More simultaneous connections than the listener takes (Exchange's MaxInboundConnection). */
    TOO_MANY_CONNECTIONS(SmtpReply.of(421, "4.3.2", "The maximum number of concurrent connections has exceeded a limit, closing transmission channel")),
    /** More simultaneous connections from one address than it takes (Exchange's MaxInboundConnectionPerSource). */
    TOO_MANY_CONNECTIONS_FROM_SOURCE(SmtpReply.of(421, "4.3.2",
            "The maximum number of concurrent server connections has exceeded a per-source limit, closing transmission channel")),
    /** A session open longer than the server allows in all (Exchange's receive connector ConnectionTimeout). */
    SESSION_TOO_LONG(SmtpReply.of(421, "4.4.1", "Connection timed out")),
    /** BDAT (CHUNKING) is not offered. */
    BDAT_UNSUPPORTED(SmtpReply.of(502, "5.5.1", "BDAT is not supported; use DATA")),
    /** MAIL, RCPT, DATA or BDAT before STARTTLS where TLS is required (Exchange's reply, with its enhanced status). */
    STARTTLS_FIRST(SmtpReply.of(530, "5.7.0", "Must issue a STARTTLS command first")),
    /** EHLO without a domain. */
    BAD_EHLO_SYNTAX(SmtpReply.of(501, "5.5.4", "Syntax: EHLO hostname"));

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
