package dev.behalf.policy.decision;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;

import java.util.List;

/**
 * The answer to "may this account send this message?" (spec §4), consumed by an exhaustive
 * {@code switch}. Each variant carries the per-address {@link Authorization}s that explain it.
 *
 * <p>A message with several From mailboxes is {@link Denied} if any one is; otherwise it is
 * {@link SendOnBehalf} if any needed Send on Behalf, else {@link SendAs} if any needed Send As,
 * else {@link Self}.
 */
public sealed interface Decision {

    /** One verdict per From address, in header order. */
    List<Authorization> authorizations();

    Outcome outcome();

    /** The first authorization, for one-line summaries. */
    default Because because() {
        return authorizations().get(0).because();
    }

    /** From is the account's own address (what becomes of a client {@code Sender:} is {@link SenderRule}'s). */
    record Self(Recipient account, List<Authorization> authorizations) implements Decision {
        public Self {
            authorizations = List.copyOf(authorizations);
        }

        public Outcome outcome() {
            return Outcome.Self;
        }
    }

    /** Send As: From unchanged and, as a rule ({@link SenderRule}), no {@code Sender:}, so nothing shows the delegate. */
    record SendAs(Recipient account, List<Authorization> authorizations) implements Decision {
        public SendAs {
            authorizations = List.copyOf(authorizations);
        }

        public Outcome outcome() {
            return Outcome.SendAs;
        }
    }

    /** Send on Behalf: From unchanged, {@code Sender:} set to the account (the delegate). */
    record SendOnBehalf(Recipient account, List<Authorization> authorizations) implements Decision {
        public SendOnBehalf {
            authorizations = List.copyOf(authorizations);
        }

        public Outcome outcome() {
            return Outcome.SendOnBehalf;
        }
    }

    /** Refused as a whole; {@code refused} is the first From address that failed. */
    record Denied(String account, Authorization refused, List<Authorization> authorizations) implements Decision {
        public Denied {
            authorizations = List.copyOf(authorizations);
        }

        public Outcome outcome() {
            return Outcome.Denied;
        }

        @Override
        public Because because() {
            return refused.because();
        }

        /** The reply a real server sends for this refusal (spec §5). */
        public SmtpReply reply(Dialect dialect) {
            return Refusal.DENIED_FROM.reply(dialect);
        }
    }
}
