package dev.behalf.gateway.smtp;

import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.reply.Refusal;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a check refused: the reply (the same in every place it is sent), a precise detail for the decision
 * record and the log (never sent), and, when rights decided, the denied decision the record shows
 * ({@code resent}: the decision on a resent message's Resent-From, not on its From).
 */
record Refused(Refusal refusal, String detail, Optional<Decision.Denied> denied, boolean resent) {

    Refused {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(denied, "denied");
    }

    static Optional<Refused> of(Refusal refusal, String detail) {
        return Optional.of(new Refused(refusal, detail, Optional.empty(), false));
    }
}
