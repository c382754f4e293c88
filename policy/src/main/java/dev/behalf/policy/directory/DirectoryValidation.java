package dev.behalf.policy.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Invariants that span objects: every reference names an existing object, every grant fits the
 * Shell column of the seed table (spec §3), at most 500 Full Access entries per mailbox.
 */
final class DirectoryValidation {
    static final int MAX_FULL_ACCESS_ENTRIES = 500;

    private DirectoryValidation() {
    }

    static void checkReferences(Map<RecipientId, Recipient> byId, List<DirectoryProblem> problems) {
        for (Recipient r : byId.values()) {
            check(byId, r, problems);
        }
    }

    /**
     * Whether the recipients {@code touched} (those of them still there) pass every check. Enough after
     * a change that keeps every type: a recipient's checks read only its own fields and the types of
     * the recipients it names.
     */
    static boolean checkRecipients(Map<RecipientId, Recipient> byId, Collection<RecipientId> touched) {
        List<DirectoryProblem> problems = new ArrayList<>();
        for (RecipientId id : touched) {
            Recipient r = byId.get(id);
            if (r != null) {
                check(byId, r, problems);
            }
        }
        return problems.isEmpty();
    }

    private static void check(Map<RecipientId, Recipient> byId, Recipient r, List<DirectoryProblem> problems) {
        Optional<RecipientId> at = Optional.of(r.id());
        for (int i = 0; i < r.members().size(); i++) {
            if (!byId.containsKey(r.members().get(i))) {
                problems.add(new DirectoryProblem(at, "members[" + i + "]", "member " + r.members().get(i) + " of '" + r.name() + "' does not exist"));
            }
        }
        for (int i = 0; i < r.grantSendOnBehalfTo().size(); i++) {
            checkGrant(byId, problems, r, Right.SendOnBehalf, r.grantSendOnBehalfTo().get(i), "grantSendOnBehalfTo[", i, "]");
        }
        Set<FullAccessKey> seen = new HashSet<>();
        for (int i = 0; i < r.fullAccess().size(); i++) {
            FullAccessEntry e = r.fullAccess().get(i);
            checkGrant(byId, problems, r, Right.FullAccess, e.trustee(), "fullAccess[", i, "].trustee");
            if (!seen.add(new FullAccessKey(e.trustee(), e.control(), e.inheritance()))) {
                problems.add(new DirectoryProblem(at, "fullAccess[" + i + "]", "duplicate Full Access entry on '" + r.name() + "'"));
            }
        }
        if (r.fullAccess().size() > MAX_FULL_ACCESS_ENTRIES) {
            problems.add(new DirectoryProblem(at, "fullAccess", "'" + r.name() + "' has " + r.fullAccess().size()
                    + " Full Access entries; a mailbox holds at most " + MAX_FULL_ACCESS_ENTRIES));
        }
        for (int i = 0; i < r.sendAs().size(); i++) {
            checkGrant(byId, problems, r, Right.SendAs, r.sendAs().get(i).trustee(), "sendAs[", i, "].trustee");
        }
    }

    private record FullAccessKey(RecipientId trustee, AccessControl control, InheritanceType inheritance) {
    }

    private static void checkGrant(Map<RecipientId, Recipient> byId, List<DirectoryProblem> problems, Recipient target,
                                   Right right, RecipientId trusteeId, String fieldStart, int index, String fieldEnd) {
        // The field name is built only for a problem: this runs for every grant of the directory.
        Recipient trustee = byId.get(trusteeId);
        if (trustee == null) {
            problems.add(new DirectoryProblem(Optional.of(target.id()), fieldStart + index + fieldEnd,
                    right.label() + " delegate " + trusteeId + " on '" + target.name() + "' does not exist"));
            return;
        }
        Optional<String> refusal = PermissionTable.check(right, Surface.Shell, target.type(), trustee.type());
        if (refusal.isPresent()) {
            problems.add(new DirectoryProblem(Optional.of(target.id()), fieldStart + index + fieldEnd,
                    "'" + trustee.name() + "' on '" + target.name() + "': " + refusal.get()));
        }
    }
}
