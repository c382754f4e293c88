package dev.behalf.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one submission attempt, accepted or refused (spec §7): who authenticated, the
 * envelope, From and Sender as received and as delivered, the outcome and the grant that decided it,
 * the SMTP reply, and where the message went. It is for the tester: nothing in a delivered message
 * reveals a Send As delegate.
 *
 * @param id               the submission id (Exchange's Network-Message-Id on every stored copy)
 * @param outcome          {@code Self}, {@code SendAs}, {@code SendOnBehalf}, {@code Denied}, or
 *                         {@code Rejected} for refusals that are not about delegation (malformed, too big)
 * @param stage            the SMTP step that decided: {@code MAIL} (envelope checking) or {@code DATA}
 * @param because          one sentence per From address explaining the outcome
 * @param grants           the structured reasons, one per From address
 * @param directoryVersion the version of the directory the decision saw
 */
public record DecisionRecord(String id, Instant time, String account, String accountAddress, String login,
                             String mailFrom, List<String> rcptTo,
                             List<String> headerFrom, Optional<String> headerSender, Optional<String> deliveredSender,
                             String outcome, String stage, List<String> because, List<Grant> grants, String reply,
                             Optional<String> messageId, Optional<String> subject, List<String> reached,
                             long directoryVersion) {

    /** The structured reason for one From address. */
    public record Grant(String from, String outcome, String reason, Optional<String> target, Optional<String> trustee,
                        List<String> viaGroups) {
        public Grant {
            viaGroups = List.copyOf(viaGroups);
        }
    }

    public DecisionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        rcptTo = List.copyOf(rcptTo);
        headerFrom = List.copyOf(headerFrom);
        because = List.copyOf(because);
        grants = List.copyOf(grants);
        reached = List.copyOf(reached);
    }

    public boolean accepted() {
        return reply.startsWith("2");
    }
}
