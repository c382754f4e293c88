package dev.behalf.message;

import dev.behalf.message.HeaderSyntaxException.Problem;

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

    /** The first NUL, CR without LF, or LF without CR in {@code raw[from, to)}, if any. */
    public static Optional<Breach> firstBreach(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == 0) {
                return Optional.of(new Breach(Problem.NUL, i));
            }
            if (b == '\r' && (i + 1 >= raw.length || raw[i + 1] != '\n')) {
                return Optional.of(new Breach(Problem.BARE_CR, i));
            }
            if (b == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                return Optional.of(new Breach(Problem.BARE_LF, i));
            }
        }
        return Optional.empty();
    }
}
