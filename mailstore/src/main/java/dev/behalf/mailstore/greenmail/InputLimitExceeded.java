package dev.behalf.mailstore.greenmail;

import java.io.IOException;

/**
 * A client sent more than {@link InputLimits} allow; the message is the text the server answers with
 * before it disconnects (Dovecot's wording: "Input buffer full, aborting", "Literal size too large").
 */
final class InputLimitExceeded extends IOException {
    InputLimitExceeded(String reply) {
        super(reply, null);
    }
}
