package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Refusal;

/** A message that can't be accepted as written; carries the refusal and a precise detail for the record. */
final class MalformedMessageException extends Exception {
    private final Refusal refusal;

    MalformedMessageException(Refusal refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }
}
