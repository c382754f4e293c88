package dev.behalf.message;

import java.util.Objects;

/**
 * A header section that a submission may not carry, because readers would not all read it the same
 * way or because it is over a limit. Carries what is wrong ({@link Problem}) and where.
 */
public final class HeaderSyntaxException extends Exception {
    private final Problem problem;
    private final int offset;

    /** What is wrong with a header section. */
    public enum Problem {
        /** A CR not followed by LF (also the first CR of CR CR LF). */
        BARE_CR,
        /** An LF not preceded by CR. */
        BARE_LF,
        /** A NUL byte. */
        NUL,
        /** A byte over 127 in a message not sent with SMTPUTF8. */
        EIGHT_BIT,
        /** Bytes over 127 that are not UTF-8, in a message sent with SMTPUTF8. */
        INVALID_UTF8,
        /** A line over the length limit (RFC 5322 §2.1.1: 998 characters). */
        LINE_TOO_LONG,
        /** More fields than the limit. */
        TOO_MANY_FIELDS,
        /** The section starts with a continuation line. */
        CONTINUATION_FIRST,
        /** A line of nothing but white space: some readers take it for the empty line that ends the section. */
        BLANK_LINE,
        /** A line that is neither a continuation nor {@code name:} with a valid field name. */
        NOT_A_FIELD
    }

    public HeaderSyntaxException(Problem problem, int offset, String detail) {
        super(detail, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.offset = offset;
    }

    public Problem problem() {
        return problem;
    }

    /** The offset in the message of the byte or line that is wrong. */
    public int offset() {
        return offset;
    }
}
