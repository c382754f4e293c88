package dev.behalf.gateway.smtp;

import java.util.List;
import java.util.Optional;

/**
 * One refusal rule of an SMTP stage, as Apache James's protocol hooks are: looks at what the stage knows
 * and says why the command is refused, or nothing. A stage ({@link MailStage}, {@link RcptStage},
 * {@link DataStage}, {@link AuthStage}) runs its checks in order and the first refusal ends the command.
 * Adding a refusal rule is one check, its {@code Refusal} (with its row in {@code replies.yaml}), and a test.
 */
@FunctionalInterface
interface Check<T> {

    Optional<Refused> check(T subject);

    /** The first refusal of {@code checks}, in order. */
    static <T> Optional<Refused> first(List<? extends Check<T>> checks, T subject) {
        for (Check<T> c : checks) {
            Optional<Refused> r = c.check(subject);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
