package dev.behalf.mailstore.greenmail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An IMAP client's bytes (through a {@link LimitedInput}), counted as the parsers consume them, so that no command can grow a buffer past
 * {@link InputLimits}. It follows IMAP's framing (RFC 3501 §4.3, RFC 7888): a line that ends in
 * {@code {n}} or {@code {n+}} announces an n-octet literal, which is checked against the limit when it is
 * announced, before the server sends {@code +} or reads a byte of it (as Dovecot does).
 *
 * <ul>
 * <li>Before sign-in: a command with its literals at most {@link InputLimits#beforeSignIn()}; more is
 *     {@code * BYE Input buffer full, aborting}, a literal that can't fit {@code * BYE Literal size too large}.</li>
 * <li>After: a command line at most {@link InputLimits#afterSignIn()} ({@code * BYE Too long argument.}), a
 *     literal as much, an APPEND's {@link InputLimits#append()} ({@code * BYE [TOOBIG] Literal size too large}).</li>
 * </ul>
 *
 * <p>When a parser disagrees with this framing (a literal header this reads as text, or the reverse),
 * what it reads is still counted under one of the two limits, so the bound holds either way. Once a limit
 * is exceeded every read fails, and the {@link InputBudget} holds the reply. Follows mark/reset (for
 * {@link CommandLine#peek}). One connection's; not thread-safe.
 */
final class ImapInput implements LimitedInput.Meter {
    private static final int HEAD = 160;

    private final InputBudget budget;
    private Frame frame = new Frame();
    private Frame marked;

    /** Where the reader is in the current command. */
    private static final class Frame {
        long lineBytes;
        long literalLeft;
        int brace;          // 0 none, 1 after '{' (digits), 2 after '+', 3 after '}', 4 after '}' CR
        long announced;
        int digits;
        final byte[] head = new byte[HEAD];
        int headLength;

        Frame copy() {
            Frame f = new Frame();
            f.lineBytes = lineBytes;
            f.literalLeft = literalLeft;
            f.brace = brace;
            f.announced = announced;
            f.digits = digits;
            System.arraycopy(head, 0, f.head, 0, headLength);
            f.headLength = headLength;
            return f;
        }
    }

    ImapInput(InputBudget budget) {
        this.budget = budget;
    }

    @Override
    public Optional<String> refusal() {
        return budget.refusal();
    }

    @Override
    public void mark() {
        marked = frame.copy();
    }

    @Override
    public void reset() {
        if (marked != null) {
            frame = marked.copy();
        }
    }

    @Override
    public void count(int b) throws InputLimitExceeded {
        Frame f = frame;
        if (f.literalLeft > 0) {
            f.literalLeft--;
            return;
        }
        f.lineBytes++;
        if (f.headLength < HEAD) {
            f.head[f.headLength++] = (byte) b;
        }
        if (f.lineBytes > budget.line()) {
            throw budget.refuse(budget.isSignedIn() ? "Too long argument." : "Input buffer full, aborting");
        }
        if (b == '{') {
            f.brace = 1;
            f.announced = 0;
            f.digits = 0;
        } else if (b >= '0' && b <= '9' && f.brace == 1) {
            f.announced = f.announced > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : f.announced * 10 + (b - '0');
            f.digits++;
        } else if (b == '+' && f.brace == 1 && f.digits > 0) {
            f.brace = 2;
        } else if (b == '}' && (f.brace == 2 || f.brace == 1 && f.digits > 0)) {
            f.brace = 3;
        } else if (b == '\r' && f.brace == 3) {
            f.brace = 4;
        } else if (b == '\n') {
            if (f.brace >= 3) {
                literal(f);
            } else {
                frame = new Frame();
            }
        } else {
            f.brace = 0;
        }
    }

    private void literal(Frame f) throws InputLimitExceeded {
        f.brace = 0;
        long n = f.announced;
        InputLimits limits = budget.limits();
        if (!budget.isSignedIn()) {
            if (n > limits.beforeSignIn() - f.lineBytes) {
                throw budget.refuse("Literal size too large");
            }
            f.lineBytes += n;
        } else if (append(f)) {
            if (n > limits.append()) {
                throw budget.refuse("[TOOBIG] Literal size too large");
            }
        } else if (n > limits.afterSignIn()) {
            throw budget.refuse("Literal size too large");
        }
        f.literalLeft = n;
    }

    /** Whether the command is APPEND: {@code tag SP APPEND SP ...} (RFC 3501 §6.3.11). */
    private static boolean append(Frame f) {
        String head = new String(f.head, 0, f.headLength, StandardCharsets.ISO_8859_1);
        String[] words = head.split(" ", 3);
        return words.length >= 2 && words[1].toUpperCase(Locale.ROOT).equals("APPEND");
    }
}
