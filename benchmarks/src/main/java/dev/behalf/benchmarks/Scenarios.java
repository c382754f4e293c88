package dev.behalf.benchmarks;

import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;

/** Builds the benchmark attempts and checks each decides the way its benchmark claims. */
final class Scenarios {
    private Scenarios() {
    }

    /** Mailbox {@code sender} sends From mailbox {@code from}'s primary address. */
    static SendAttempt attempt(Directory d, int sender, int from) {
        Recipient account = d.account(GeneratedDirectory.mailboxAlias(sender))
                .orElseThrow(() -> new IllegalStateException("no mailbox " + sender));
        return SendAttempt.of(account.id(), GeneratedDirectory.mailboxAddress(from));
    }

    /** A target whose Send on Behalf group a five-deep member reaches without also reaching its Send As group. */
    static SendAttempt nestedOnBehalf(GeneratedDirectory g, Directory d) {
        for (int target = 700; target < g.mailboxes(); target++) {
            int sender = g.memberFiveDeepOf(g.onBehalfGroup(target));
            int l1 = g.levelOneGroupOf(sender);
            int sendAs = g.sendAsGroup(target);
            boolean reachesSendAs = false;
            for (int k = 0; k < GeneratedDirectory.LEVELS; k++) {
                reachesSendAs |= Math.floorMod(l1 - k, g.groups() / GeneratedDirectory.LEVELS) == sendAs;
            }
            if (!reachesSendAs && Math.abs(sender - target) > 2) {
                return attempt(d, sender, target);
            }
        }
        throw new IllegalStateException("no Send on Behalf scenario in the generated directory");
    }

    /** Decides once (which also memoises the account's group closure) and checks the path taken. */
    static void expect(Directory d, SendAttempt attempt, Outcome outcome, Because.Reason reason, int viaGroups) {
        Decision decision = DelegationPolicy.decide(d, attempt);
        if (decision.outcome() != outcome || decision.because().reason() != reason
                || decision.because().viaGroups().size() != viaGroups) {
            throw new IllegalStateException("scenario decides " + decision.outcome() + " because " + decision.because()
                    + " via " + decision.because().viaGroups() + "; expected " + outcome + " " + reason + " via " + viaGroups + " groups");
        }
    }
}
