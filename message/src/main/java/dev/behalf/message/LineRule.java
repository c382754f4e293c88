package dev.behalf.message;

import dev.behalf.message.HeaderSyntaxException.Problem;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The one line rule: in a message Behalf accepts, CR LF ends a line and nothing else does, and there is
 * no NUL. Readers disagree about everything else: Jakarta Mail's line reader (which the store, GreenMail's
 * IMAP ENVELOPE and the web UI use) ends a line at LF, at CR, at CR LF and at CR CR LF, while the submission
 * parser used to end one at LF only; a lone CR then hid a second From from the delegation check (issue 12).
 * RFC 5321 §2.3.8: "SMTP client implementations MUST NOT transmit these characters except when they are
 * intended as line terminators and then MUST ... transmit them only as a &lt;CRLF&gt; sequence."
 */
public final class LineRule {
    private LineRule() {
    }

    /** A place where bytes break the rule. */
    public record Breach(Problem problem, int offset) {
        public String detail() {
            return switch (problem) {
                case NUL -> "NUL byte at offset " + offset;
                case BARE_CR -> "bare CR at offset " + offset;
                case BARE_LF -> "bare LF at offset " + offset;
                default -> problem + " at offset " + offset;
            };
        }
    }

    /** The Latin-1 copies are made of this much at a time, so a message of tens of MB costs no second copy of its size. */
    static final int WINDOW = 64 * 1024;

    /**
     * The first NUL, CR without LF, or LF without CR in {@code raw[from, to)}, if any (a CR's LF and an LF's CR
     * may lie outside the range).
     *
     * <p>The bytes are searched with {@link String#indexOf(int, int)} on Latin-1 copies of {@link #WINDOW} bytes, not
     * in a loop of our own: under load a busy C2 compiler queue left that loop in the interpreter for tens of
     * thousands of messages (11% of the server's CPU in a {@code perf} profile, see docs/benchmarks.md), while
     * {@code indexOf} is compiled long before the first message, and vectorised. Every byte's neighbours are read
     * from {@code raw} itself, so a pair split between two windows is a pair. {@code LineRuleTest} checks it against
     * the byte loop.
     */
    public static Optional<Breach> firstBreach(byte[] raw, int from, int to) {
        Objects.checkFromToIndex(from, to, raw.length);
        for (int w = from; w < to; w += WINDOW) {
            Optional<Breach> b = firstBreachIn(raw, w, Math.min(to, w + WINDOW));
            if (b.isPresent()) {
                return b;
            }
        }
        return Optional.empty();
    }

    private static Optional<Breach> firstBreachIn(byte[] raw, int from, int to) {
        String s = new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        int nul = s.indexOf(0);
        int end = nul < 0 ? s.length() : nul;
        int pos = 0;
        while (pos < end) {
            int cr = s.indexOf('\r', pos);
            int lf = s.indexOf('\n', pos);
            int i = Math.min(cr < 0 ? end : cr, lf < 0 ? end : lf);
            if (i >= end) {
                break;
            }
            int at = from + i;
            if (i == cr) {
                if (at + 1 >= raw.length || raw[at + 1] != '\n') {
                    return Optional.of(new Breach(Problem.BARE_CR, at));
                }
                pos = i + 2;
            } else {
                // A CR right before it at or after pos would have been found first; before pos is the last pair's LF,
                // or, at a window's start, the previous window's last byte.
                if (at == 0 || raw[at - 1] != '\r') {
                    return Optional.of(new Breach(Problem.BARE_LF, at));
                }
                pos = i + 1;
            }
        }
        return nul < 0 ? Optional.empty() : Optional.of(new Breach(Problem.NUL, from + nul));
    }
}
