package dev.behalf.policy.change;

import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says when a decision would have gone the other way had the grant changes still propagating been in
 * force: "granted, not yet in force" (refused now, allowed at the time given) or "removed, still in force"
 * (allowed now, refused then). The sentence goes into the decision record, the log and Explain.
 */
public final class Propagation {
    private Propagation() {
    }

    /**
     * The note for {@code decided} (taken on {@link LiveDirectory#inForce()}), or empty when no pending
     * change would alter it.
     */
    public static Optional<String> note(LiveDirectory live, SendAttempt attempt, Decision decided) {
        List<PendingGrant> pending = live.pending();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Directory written = live.current();
        Outcome later = DelegationPolicy.decide(written, attempt).outcome();
        Outcome now = decided.outcome();
        if (later == now) {
            return Optional.empty();
        }
        Set<RecipientId> targets = attempt.from().stream().map(written::byAddress).flatMap(Optional::stream)
                .map(r -> r.id()).collect(Collectors.toSet());
        List<PendingGrant> relevant = pending.stream().filter(p -> targets.contains(p.target())).toList();
        PendingGrant last = (relevant.isEmpty() ? pending : relevant).stream()
                .max(Comparator.comparing(PendingGrant::inForceAt)).orElseThrow();
        String at = last.inForceAt().toString();
        String origin = relevant.stream().map(PendingGrant::origin).distinct().collect(Collectors.joining("; "));
        String change = origin.isEmpty() ? "" : " (" + origin + ")";
        return Optional.of(now == Outcome.Denied
                ? "granted, not yet in force: " + later + " takes effect at " + at + change
                : "removed, still in force until " + at + change + ": then " + later);
    }

    /** When the latest pending change on {@code target} is in force; empty when none is pending. */
    public static Optional<Instant> inForceAt(LiveDirectory live, SmtpAddress target) {
        return live.current().byAddress(target).flatMap(r -> live.pending().stream().filter(p -> p.target().equals(r.id()))
                .map(PendingGrant::inForceAt).max(Comparator.naturalOrder()));
    }
}
