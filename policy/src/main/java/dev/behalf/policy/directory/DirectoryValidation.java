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
            Recipient member = byId.get(r.members().get(i));
            if (member == null) {
                problems.add(new DirectoryProblem(at, "members[" + i + "]", "member " + r.members().get(i) + " of '" + r.name() + "' does not exist"));
            } else {
                String field = "members[" + i + "]";
                Optional<String> wrongKind = memberKind(r, member);
                if (wrongKind.isPresent()) {
                    problems.add(new DirectoryProblem(at, field, wrongKind.get()));
                }
            }
        }
        for (int i = 0; i < r.owners().size(); i++) {
            Recipient owner = byId.get(r.owners().get(i));
            if (owner != null && !UNIFIED_GROUP_OWNERS.contains(owner.type())) {
                problems.add(new DirectoryProblem(at, "owners[" + i + "]", "'" + owner.name() + "' (" + owner.type() + ") can't own '"
                        + r.name() + "': owners of a Microsoft 365 Group are mailbox users (" + UNIFIED_GROUP_OWNERS + "); guests never own one"));
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

    /** Microsoft 365 Groups hold people: mailbox users and guests (mail users); owners are mailbox users only. */
    static final Set<RecipientTypeDetails> UNIFIED_GROUP_MEMBERS = java.util.EnumSet.of(RecipientTypeDetails.UserMailbox,
            RecipientTypeDetails.LinkedMailbox, RecipientTypeDetails.MailUser);
    static final Set<RecipientTypeDetails> UNIFIED_GROUP_OWNERS = java.util.EnumSet.of(RecipientTypeDetails.UserMailbox,
            RecipientTypeDetails.LinkedMailbox);

    /**
     * Exchange Online: a Microsoft 365 Group's members are users, never groups, and a Microsoft 365 Group is
     * a member of no other group (it can't be nested, nor added to a distribution group).
     */
    private static Optional<String> memberKind(Recipient group, Recipient member) {
        if (group.type() == RecipientTypeDetails.GroupMailbox && !UNIFIED_GROUP_MEMBERS.contains(member.type())) {
            return Optional.of("'" + member.name() + "' (" + member.type() + ") can't be a member of the Microsoft 365 Group '"
                    + group.name() + "': its members are users (" + UNIFIED_GROUP_MEMBERS + ")");
        }
        if (member.type() == RecipientTypeDetails.GroupMailbox && group.type() != RecipientTypeDetails.GroupMailbox) {
            return Optional.of("the Microsoft 365 Group '" + member.name() + "' can't be a member of '" + group.name()
                    + "': Microsoft 365 Groups can't be nested in other groups");
        }
        return Optional.empty();
    }

    /**
     * Written out, not a record: a record's hashCode is an invokedynamic, and this is the first one a
     * start links, which took about 10 ms of it (docs/benchmarks.md).
     */
    private static final class FullAccessKey {
        private final RecipientId trustee;
        private final AccessControl control;
        private final InheritanceType inheritance;

        FullAccessKey(RecipientId trustee, AccessControl control, InheritanceType inheritance) {
            this.trustee = trustee;
            this.control = control;
            this.inheritance = inheritance;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FullAccessKey k && trustee.equals(k.trustee) && control == k.control && inheritance == k.inheritance;
        }

        @Override
        public int hashCode() {
            return (trustee.hashCode() * 31 + control.hashCode()) * 31 + inheritance.hashCode();
        }
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
