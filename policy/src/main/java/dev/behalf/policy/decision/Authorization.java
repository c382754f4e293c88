package dev.behalf.policy.decision;

import dev.behalf.policy.directory.SmtpAddress;

import java.util.Objects;

/** The verdict on one From address of a message. */
public record Authorization(SmtpAddress from, Outcome outcome, Because because) {

    public Authorization {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(because, "because");
    }
}
