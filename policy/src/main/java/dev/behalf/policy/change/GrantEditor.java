package dev.behalf.policy.change;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.PermissionTable;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.Surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place a delegation grant is added to or removed from a mailbox or group, for every surface:
 * the cmdlet shell ({@link Surface#Shell}) and the web admin ({@link Surface#EAC}) call it, so they
 * can't disagree on what a grant is, when one is already there, or what the permission table allows.
 * Pure: it computes the target as it is to be, and the caller applies it (through
 * {@link LiveDirectory#apply}) after its own confirmation, if any.
 *
 * <p>The surface decides the rules that differ (spec §3): the permission table's column; in the EAC,
 * a recipient can't be its own delegate, removing needs a target type the EAC offers the right on,
 * and adding an Allow entry next to a Deny entry warns (the EAC can't show Deny entries).
 *
 * <pre>{@code
 * GrantEdit edit = GrantEditor.add(Surface.EAC, Named.byDisplayName(terry), Grant.allow(Right.SendAs), Named.byDisplayName(raymond));
 * if (edit instanceof GrantEdit.Accepted a) a.change().ifPresent(...);
 * }</pre>
 */
public final class GrantEditor {
    private GrantEditor() {
    }

    /**
     * A recipient and the name the surface calls it by in its warnings: in the Shell, the identity as
     * the command gave it ({@code "James Alvord"}, {@code pilarp}), as Exchange echoes it; in the EAC,
     * the display name.
     */
    public record Named(Recipient recipient, String name) {
        public Named {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(name, "name");
        }

        public static Named byDisplayName(Recipient recipient) {
            return new Named(recipient, recipient.displayName());
        }
    }

    /** Adds {@code grant} for {@code trustee} on {@code target}; an entry already there is a warning, not a change. */
    public static GrantEdit add(Surface surface, Named target, Grant grant, Named trustee) {
        Recipient on = target.recipient();
        RecipientId who = trustee.recipient().id();
        Optional<String> rule = PermissionTable.check(grant.right(), surface, on.type(), trustee.recipient().type());
        if (rule.isPresent()) {
            return new GrantEdit.Refused(new GrantRefusal.NotOnSurface(surface, grant.right(), target, trustee, rule.get()));
        }
        if (surface == Surface.EAC && who.equals(on.id())) {
            return new GrantEdit.Refused(new GrantRefusal.OwnDelegate(target));
        }
        Recipient after = switch (grant.right()) {
            case SendAs -> {
                SendAsEntry entry = grant.sendAsEntry(who);
                yield on.sendAs().contains(entry) ? on : on.toBuilder().sendAs(appended(on.sendAs(), entry)).build();
            }
            case SendOnBehalf -> on.grantSendOnBehalfTo().contains(who) ? on
                    : on.toBuilder().grantSendOnBehalfTo(appended(on.grantSendOnBehalfTo(), who)).build();
            case FullAccess -> withFullAccess(on, grant, grant.fullAccessEntry(who));
        };
        List<GrantWarning> warnings = new ArrayList<>();
        if (after == on) {
            warnings.add(new GrantWarning.AlreadyPresent(surface, grant.right(), target, trustee));
        } else if (surface == Surface.EAC && grant.control() == AccessControl.Allow && denied(on, grant, who)) {
            warnings.add(new GrantWarning.DenyStillRefuses(grant.right(), target, trustee));
        }
        return new GrantEdit.Accepted(on, after, warnings);
    }

    /**
     * Removes the entries {@code grant} names for {@code trustee} from {@code target} (for Full Access
     * without an inheritance: entries of any inheritance); none there is a warning, not a change.
     */
    public static GrantEdit remove(Surface surface, Named target, Grant grant, Named trustee) {
        Recipient on = target.recipient();
        RecipientId who = trustee.recipient().id();
        if (surface == Surface.EAC && !PermissionTable.targets(grant.right(), surface).contains(on.type())) {
            String rule = PermissionTable.check(grant.right(), surface, on.type(), trustee.recipient().type()).orElseThrow();
            return new GrantEdit.Refused(new GrantRefusal.NotOnSurface(surface, grant.right(), target, trustee, rule));
        }
        Recipient after = switch (grant.right()) {
            case SendAs -> {
                SendAsEntry entry = grant.sendAsEntry(who);
                List<SendAsEntry> keep = on.sendAs().stream().filter(e -> !e.equals(entry)).toList();
                yield keep.size() == on.sendAs().size() ? on : on.toBuilder().sendAs(keep).build();
            }
            case SendOnBehalf -> {
                List<RecipientId> keep = on.grantSendOnBehalfTo().stream().filter(d -> !d.equals(who)).toList();
                yield keep.size() == on.grantSendOnBehalfTo().size() ? on : on.toBuilder().grantSendOnBehalfTo(keep).build();
            }
            case FullAccess -> {
                List<FullAccessEntry> keep = on.fullAccess().stream().filter(e -> !e.trustee().equals(who)
                        || e.control() != grant.control() || grant.inheritance().map(i -> i != e.inheritance()).orElse(false)).toList();
                yield keep.size() == on.fullAccess().size() ? on : on.toBuilder().fullAccess(keep).build();
            }
        };
        List<GrantWarning> warnings = after == on ? List.of(new GrantWarning.NotPresent(surface, grant.right(), target, trustee)) : List.of();
        return new GrantEdit.Accepted(on, after, warnings);
    }

    /** Exchange: re-adding a Full Access entry is a no-op with a warning; only its AutoMapping can change. */
    private static Recipient withFullAccess(Recipient on, Grant grant, FullAccessEntry entry) {
        List<FullAccessEntry> entries = new ArrayList<>(on.fullAccess());
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sameAce(entry)) {
                if (grant.autoMapping().isEmpty() || entries.get(i).autoMapping() == entry.autoMapping()) {
                    return on;
                }
                entries.set(i, entry);
                return on.toBuilder().fullAccess(entries).build();
            }
        }
        entries.add(entry);
        return on.toBuilder().fullAccess(entries).build();
    }

    private static boolean denied(Recipient on, Grant grant, RecipientId who) {
        return switch (grant.right()) {
            case SendAs -> on.sendAs().stream().anyMatch(e -> e.trustee().equals(who) && e.control() == AccessControl.Deny);
            case SendOnBehalf -> false;
            case FullAccess -> on.fullAccess().stream().anyMatch(e -> e.trustee().equals(who) && e.control() == AccessControl.Deny);
        };
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return out;
    }
}
