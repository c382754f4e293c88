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
 * @param headerResentFrom the Resent-From mailboxes of a resent message, as received
 * @param deliveredResentSender the Resent-Sender the stored copies carry
 * @param resentOutcome    the decision on the Resent-From mailboxes, when the message was being resent
 * @param resentGrants     its structured reasons, one per Resent-From mailbox
 * @param lookAlikes       display names (or comments) of From, Sender, Resent-From or Resent-Sender mailboxes
 *                         that read as another address; they are delivered as written, as Exchange does
 * @param surface          where the message was submitted: {@code SMTP} or {@code Graph} ({@link Surface#label()})
 */
public record DecisionRecord(String id, Instant time, String account, String accountAddress, String login,
                             String mailFrom, List<String> rcptTo,
                             List<String> headerFrom, Optional<String> headerSender, Optional<String> deliveredSender,
                             String outcome, String stage, List<String> because, List<Grant> grants, String reply,
                             Optional<String> messageId, Optional<String> subject, List<String> reached,
                             long directoryVersion, List<String> headerResentFrom, Optional<String> deliveredResentSender,
                             Optional<String> resentOutcome, List<Grant> resentGrants, List<LookAlike> lookAlikes,
                             String surface) {

    /**
     * A display name that shows readers an address the mailbox does not have: {@code "ayla@contoso.com"
     * <jimh@contoso.com>} in {@code field} From is {@code displayName} "ayla@contoso.com", {@code address}
     * jimh@contoso.com, {@code looksLike} ayla@contoso.com.
     */
    public record LookAlike(String field, String displayName, String address, String looksLike) {
    }

    /** The structured reason for one From address. */
    public record Grant(String from, String outcome, String reason, Optional<String> target, Optional<String> trustee,
                        List<String> viaGroups) {
        public Grant {
            viaGroups = List.copyOf(viaGroups);
        }

        // equals and hashCode written out: a record's are an invokedynamic through method handles, and these
        // run for every decision kept (KeptDecision's shapes compare their grants), on the JIT's busiest path.
        @Override
        public boolean equals(Object o) {
            return o instanceof Grant g && Objects.equals(from, g.from) && Objects.equals(outcome, g.outcome)
                    && Objects.equals(reason, g.reason) && target.equals(g.target) && trustee.equals(g.trustee)
                    && viaGroups.equals(g.viaGroups);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(from);
            h = h * 31 + Objects.hashCode(outcome);
            h = h * 31 + Objects.hashCode(reason);
            h = h * 31 + target.hashCode();
            h = h * 31 + trustee.hashCode();
            return h * 31 + viaGroups.hashCode();
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
        // Records written before these fields existed read back with none.
        headerResentFrom = headerResentFrom == null ? List.of() : List.copyOf(headerResentFrom);
        deliveredResentSender = deliveredResentSender == null ? Optional.empty() : deliveredResentSender;
        resentOutcome = resentOutcome == null ? Optional.empty() : resentOutcome;
        resentGrants = resentGrants == null ? List.of() : List.copyOf(resentGrants);
        lookAlikes = lookAlikes == null ? List.of() : List.copyOf(lookAlikes);
        // Records written before Graph's sendMail existed were all SMTP submissions.
        surface = surface == null ? Surface.SMTP.label() : surface;
    }

    /** A record of an SMTP submission that is not being resent and whose display names are plain. */
    public DecisionRecord(String id, Instant time, String account, String accountAddress, String login, String mailFrom,
                          List<String> rcptTo, List<String> headerFrom, Optional<String> headerSender,
                          Optional<String> deliveredSender, String outcome, String stage, List<String> because,
                          List<Grant> grants, String reply, Optional<String> messageId, Optional<String> subject,
                          List<String> reached, long directoryVersion) {
        this(id, time, account, accountAddress, login, mailFrom, rcptTo, headerFrom, headerSender, deliveredSender, outcome,
                stage, because, grants, reply, messageId, subject, reached, directoryVersion, List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), Surface.SMTP.label());
    }

    public boolean accepted() {
        return reply.startsWith("2");
    }
}
