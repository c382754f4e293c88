package dev.behalf.mailstore.greenmail;

/**
 * How much an IMAP or POP3 client may send before it is refused and disconnected. Nothing a client
 * sends grows a buffer past these: before sign-in a command is a few hundred bytes (Dovecot refuses
 * more than 8 KiB before login; Exchange's MaxCommandSize is 10 KiB), after it a command line and any
 * literal other than an APPEND's (the message) stay under {@code afterSignIn}.
 *
 * @param beforeSignIn an IMAP command with its literals, or a POP3 line, before sign-in (default 8 KiB)
 * @param afterSignIn  an IMAP command line (without literals), each non-APPEND literal, a POP3 line (default 64 KiB)
 * @param append       an IMAP APPEND literal: the message (default 35 MB, the SMTP default maximum size)
 */
public record InputLimits(int beforeSignIn, int afterSignIn, long append) {
    public static final InputLimits DEFAULTS = new InputLimits(8 * 1024, 64 * 1024, 35L * 1024 * 1024);

    public InputLimits {
        if (beforeSignIn < 256 || afterSignIn < beforeSignIn || append < 1) {
            throw new IllegalArgumentException("input limits need 256 <= beforeSignIn <= afterSignIn and append >= 1: "
                    + beforeSignIn + ", " + afterSignIn + ", " + append);
        }
    }
}
