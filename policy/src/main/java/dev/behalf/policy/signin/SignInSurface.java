package dev.behalf.policy.signin;

/**
 * Where a sign-in arrives. IMAP and POP3 open a mailbox, so there a Full Access delegate may act for
 * another one ({@code delegate\mailbox}, or a SASL authorization identity, spec §8); SMTP submission
 * and Autodiscover act as the signed-in account only. The token endpoint and Graph are surfaces too, so a
 * password tried through the password grant counts in the same throttle as one tried over IMAP.
 */
public enum SignInSurface {
    SMTP(false), IMAP(true), POP3(true), AUTODISCOVER(false),
    /** The identity platform's token endpoint: the password grant proves a password there. */
    TOKEN(false),
    /** Microsoft Graph {@code sendMail}: a bearer token, acting as its user or, for an app, a mailbox it was granted. */
    GRAPH(false);

    private final boolean opensMailbox;

    SignInSurface(boolean opensMailbox) {
        this.opensMailbox = opensMailbox;
    }

    /** Whether a sign-in here opens a store mailbox (which may be another account's, with Full Access). */
    public boolean opensMailbox() {
        return opensMailbox;
    }
}
