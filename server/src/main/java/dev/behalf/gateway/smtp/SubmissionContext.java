package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.mailstore.MailStore;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.random.RandomBits;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What every submission step shares: the directory in force, the store, the fault rules, the decision log, settings, and
 * the ids: submission ids, and the InternalId Exchange's 250 carries (one counter per server).
 */
record SubmissionContext(LiveDirectory directory, MailStore store, DecisionLog decisions, SubmissionSettings settings,
                         Clock clock, Supplier<String> ids, LongSupplier internalIds, FaultRules faults) {

    SubmissionContext {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(internalIds, "internalIds");
        Objects.requireNonNull(faults, "faults");
    }

    static Supplier<String> randomIds() {
        return () -> RandomBits.shared().uuid().toString();
    }

    /** Counts up from a start that differs between runs, as Exchange's InternalIds do. */
    static LongSupplier internalIdCounter() {
        return new AtomicLong(System.nanoTime() & 0xffffffL)::incrementAndGet;
    }
}
