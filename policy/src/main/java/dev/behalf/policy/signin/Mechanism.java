package dev.behalf.policy.signin;

/** How a credential came over the wire: the command or SASL mechanism, for logs and metrics. */
public enum Mechanism {
    /** IMAP {@code LOGIN userid password} (RFC 3501 §6.2.3). */
    LOGIN_COMMAND("LOGIN"),
    /** POP3 {@code USER} then {@code PASS} (RFC 1939 §7). */
    USER_PASS("USER/PASS"),
    /** SASL PLAIN (RFC 4616), in SMTP AUTH, IMAP AUTHENTICATE or POP3 AUTH. */
    PLAIN("PLAIN"),
    /** SASL LOGIN (draft-murchison-sasl-login): base64 user name, then base64 password. */
    LOGIN("LOGIN"),
    /** HTTP Basic (RFC 7617), as Outlook's Autodiscover sends it. */
    BASIC("Basic"),
    /** SASL XOAUTH2 (Google's and Microsoft's): {@code user=...^Aauth=Bearer token^A^A}, in SMTP AUTH, IMAP AUTHENTICATE, POP3 AUTH. */
    XOAUTH2("XOAUTH2"),
    /** An HTTP {@code Authorization: Bearer} token (RFC 6750), as Graph takes it. */
    BEARER("Bearer"),
    /** The OAuth2 resource-owner password grant at the token endpoint ({@code grant_type=password}). */
    PASSWORD_GRANT("password grant");

    private final String label;

    Mechanism(String label) {
        this.label = label;
    }

    /** The name a protocol log shows: {@code PLAIN}, {@code USER/PASS}. */
    public String label() {
        return label;
    }
}
