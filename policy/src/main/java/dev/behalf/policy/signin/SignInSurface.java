package dev.behalf.policy.signin;

/**
 * Where a sign-in arrives. IMAP and POP3 open a mailbox, so there a Full Access delegate may act for
 * another one ({@code delegate\mailbox}, or a SASL authorization identity, spec §8); SMTP submission
 * and Autodiscover act as the signed-in account only.
 */
public enum SignInSurface {
    SMTP(false), IMAP(true), POP3(true), AUTODISCOVER(false);

    private final boolean opensMailbox;

    SignInSurface(boolean opensMailbox) {
        this.opensMailbox = opensMailbox;
    }

    /** Whether a sign-in here opens a store mailbox (which may be another account's, with Full Access). */
    public boolean opensMailbox() {
        return opensMailbox;
    }
}
