package dev.behalf.policy.signin;

/** How the client named who it is, for metrics and logs: which identity form, or which way of acting for a mailbox. */
public enum LoginForm {
    USER_PRINCIPAL_NAME,
    SMTP_ADDRESS,
    ALIAS,
    /** {@code CONTOSO\sam} or {@code contoso.com\sam}. */
    DOMAIN_ACCOUNT,
    /** A linked mailbox's master account, <code>FABRIKAM&#92;user</code>. */
    LINKED_ACCOUNT,
    /** {@code delegate\mailbox} (spec §8). */
    DELEGATE_MAILBOX,
    /** SASL PLAIN with an authorization identity other than the login. */
    AUTHORIZATION_IDENTITY,
    /** A login that names no account. */
    UNRESOLVED,
    /** A response that could not be read. */
    UNREADABLE
}
