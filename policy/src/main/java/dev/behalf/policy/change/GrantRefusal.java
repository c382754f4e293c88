package dev.behalf.policy.change;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;

/** Why {@link GrantEditor} refused an edit, in the words of the surface it was made on. */
public sealed interface GrantRefusal {

    /** The refusal as the surface shows it. */
    String text();

    /**
     * The combination is outside the surface's column of the permission table (spec §3).
     *
     * @param rule {@link dev.behalf.policy.directory.PermissionTable#check}'s text: the right, the
     *             target type, the trustee type and what the surface allows
     */
    record NotOnSurface(Surface surface, Right right, GrantEditor.Named target, GrantEditor.Named trustee, String rule)
            implements GrantRefusal {
        @Override
        public String text() {
            Recipient t = target.recipient();
            Recipient d = trustee.recipient();
            return switch (surface) {
                case Shell -> "Can't grant " + right.label() + " on '" + t.name() + "' (" + t.type() + ") to '" + d.name()
                        + "' (" + d.type() + "): " + rule;
                case EAC -> rule;
            };
        }
    }

    /** The EAC doesn't offer a mailbox or group as its own delegate. */
    record OwnDelegate(GrantEditor.Named target) implements GrantRefusal {
        @Override
        public String text() {
            return target.name() + " can't be its own delegate";
        }
    }
}
