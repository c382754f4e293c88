package dev.behalf.policy.reply;

import java.util.Objects;

/**
 * An SMTP reply as a value: basic code, enhanced status and text. {@link #toString()} is the wire
 * line, e.g. {@code 550 5.7.60 SMTP; Client does not have permissions to send as this sender}.
 */
public record SmtpReply(int code, EnhancedStatus status, String text) {

    public SmtpReply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("SMTP reply code must be 200..599: " + code);
        }
        if (code / 100 != status.klass()) {
            throw new IllegalArgumentException("reply code " + code + " doesn't match enhanced status " + status);
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reply text must be one line: " + text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    public static SmtpReply of(int code, String status, String text) {
        return new SmtpReply(code, EnhancedStatus.parse(status), text);
    }

    public boolean isPositive() {
        return code < 400;
    }

    /** {@code 5.7.60 SMTP; Client ...}: the line without its basic code, as RejectException wants it. */
    public String statusAndText() {
        return status + " " + text;
    }

    @Override
    public String toString() {
        return code + " " + status + " " + text;
    }
}
