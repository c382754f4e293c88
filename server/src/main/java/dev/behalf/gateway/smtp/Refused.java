package dev.behalf.gateway.smtp;

import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.reply.Refusal;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a check refused (or a fault rule answered, {@code fault}): the reply (the same in every place it is sent), a precise detail for the decision
 * record and the log (never sent), and, when rights decided, the denied decision the record shows
 * ({@code resent}: the decision on a resent message's Resent-From, not on its From).
 */
record Refused(Refusal refusal, String detail, Optional<Decision.Denied> denied, boolean resent,
               Optional<FaultRules.Fired> fault) {

    Refused {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(denied, "denied");
        Objects.requireNonNull(fault, "fault");
    }

    Refused(Refusal refusal, String detail, Optional<Decision.Denied> denied, boolean resent) {
        this(refusal, detail, denied, resent, Optional.empty());
    }

    /** A fault rule answered the command (issue 14.5): recorded with outcome {@code Fault}. */
    static Refused fault(FaultRules.Fired fired) {
        return new Refused(fired.refusal(), fired.detail(), Optional.empty(), false, Optional.of(fired));
    }

    static Optional<Refused> of(Refusal refusal, String detail) {
        return Optional.of(new Refused(refusal, detail, Optional.empty(), false));
    }
}
