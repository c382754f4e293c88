package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.mailstore.MailStore;
import dev.behalf.policy.change.LiveDirectory;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** What every submission step shares: the directory in force, the store, the decision log, settings. */
record SubmissionContext(LiveDirectory directory, MailStore store, DecisionLog decisions, SubmissionSettings settings,
                         Clock clock, Supplier<String> ids) {

    SubmissionContext {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
    }

    static Supplier<String> randomIds() {
        return () -> UUID.randomUUID().toString();
    }
}
