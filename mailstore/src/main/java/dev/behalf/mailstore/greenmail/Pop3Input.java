package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.pop3.BehalfPop3Handler;

import java.io.InputStream;
import java.util.Optional;

/**
 * A POP3 client's bytes with every line bounded: {@link InputLimits#beforeSignIn()} until a sign-in
 * succeeds, {@link InputLimits#afterSignIn()} after. A longer line is refused with Dovecot's
 * {@code -ERR Input buffer full, aborting} and the connection closed; GreenMail's reader, which reads a
 * line into memory however long it is, never sees it. Counted as bytes arrive, so a reader's read-ahead
 * can't slip a long line past. One connection's; not thread-safe.
 */
final class Pop3Input implements BehalfPop3Handler.LineGuard {
    static final String TOO_LONG = "-ERR Input buffer full, aborting";

    private final InputBudget budget;

    Pop3Input(InputBudget budget) {
        this.budget = budget;
    }

    @Override
    public Optional<String> refusal() {
        return budget.refusal();
    }

    @Override
    public InputStream wrap(InputStream in) {
        return new LimitedInput(in, new LimitedInput.Meter() {
            private long line;

            @Override
            public void count(int b) throws InputLimitExceeded {
                line = b == '\n' ? 0 : line + 1;
                if (line > budget.line()) {
                    throw budget.refuse(TOO_LONG);
                }
            }

            @Override
            public Optional<String> refusal() {
                return budget.refusal();
            }
        });
    }
}
