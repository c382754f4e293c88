package dev.behalf.policy.signin;

import java.util.Locale;

/**
 * Where Exchange Online's retirement of Basic authentication for SMTP client submission stands
 * ({@code --basic-auth}): {@code enabled} (the directory's switches decide), {@code disabled} (off for every
 * mailbox, as after the default change at the end of 2026), {@code retired} (gone, as in the second half of
 * 2027). PLAIN and LOGIN on SMTP only; IMAP, POP3 and XOAUTH2 are not affected.
 */
public enum BasicAuth {
    ENABLED, DISABLED, RETIRED;

    /** {@code enabled}, {@code disabled}, {@code retired}, any case. */
    public static BasicAuth parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--basic-auth is enabled, disabled or retired, not '" + text + "'");
        }
    }
}
