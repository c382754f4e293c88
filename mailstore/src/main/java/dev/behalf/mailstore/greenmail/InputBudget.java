package dev.behalf.mailstore.greenmail;

import java.util.Optional;

/**
 * One connection's input allowance: the {@link InputLimits}, whether the client has signed in (which
 * raises them), and the refusal once one was passed. Shared by the connection's reader and its sign-in.
 */
final class InputBudget {
    private final InputLimits limits;
    private volatile boolean signedIn;
    private volatile String refusal;

    InputBudget(InputLimits limits) {
        this.limits = limits;
    }

    InputLimits limits() {
        return limits;
    }

    /** From now on the limits after sign-in apply. */
    void signedIn() {
        signedIn = true;
    }

    boolean isSignedIn() {
        return signedIn;
    }

    /** A line's limit now. */
    long line() {
        return signedIn ? limits.afterSignIn() : limits.beforeSignIn();
    }

    /** The reply to send before disconnecting, once a limit was passed. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Records the refusal and returns the exception that carries it to the connection. */
    InputLimitExceeded refuse(String reply) {
        refusal = reply;
        return new InputLimitExceeded(reply);
    }
}
