package dev.behalf.policy.change;

import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.time.Duration;
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

    /**
     * A delay as the command line and the shell write it: {@code 0}, {@code 30s}, {@code 2m}, {@code 1h},
     * {@code 1d}, or a PowerShell TimeSpan {@code [d.]hh:mm:ss} ({@code 00:02:00}).
     *
     * @throws IllegalArgumentException quoting the text and the forms accepted
     */
    public static Duration parseDelay(String text) {
        String t = text.strip();
        try {
            if (t.equals("0")) {
                return Duration.ZERO;
            }
            java.util.regex.Matcher unit = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", java.util.regex.Pattern.CASE_INSENSITIVE)
                    .matcher(t);
            if (unit.matches()) {
                long n = Long.parseLong(unit.group(1));
                return switch (unit.group(2).toLowerCase(java.util.Locale.ROOT)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            java.util.regex.Matcher span = java.util.regex.Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})").matcher(t);
            if (span.matches()) {
                return Duration.ofDays(span.group(1) == null ? 0 : Long.parseLong(span.group(1)))
                        .plusHours(Long.parseLong(span.group(2))).plusMinutes(Long.parseLong(span.group(3)))
                        .plusSeconds(Long.parseLong(span.group(4)));
            }
        } catch (NumberFormatException e) {
            // too many digits: said below
        }
        throw new IllegalArgumentException("'" + text + "' is not a delay; write 0, 30s, 2m, 1h, 1d or a TimeSpan such as 00:02:00");
    }

    /** When the latest pending change on {@code target} is in force; empty when none is pending. */
    public static Optional<Instant> inForceAt(LiveDirectory live, SmtpAddress target) {
        return live.current().byAddress(target).flatMap(r -> live.pending().stream().filter(p -> p.target().equals(r.id()))
                .map(PendingGrant::inForceAt).max(Comparator.naturalOrder()));
    }
}
