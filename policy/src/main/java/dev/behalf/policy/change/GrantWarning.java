package dev.behalf.policy.change;

import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;

/**
 * An edit that was accepted but did not do all it asked, in the words of the surface it was made on:
 * the Shell's are Exchange Management Shell warnings (spec §9, without the {@code WARNING: } prefix
 * the shell prints), the EAC's are the web admin's sentences.
 */
public sealed interface GrantWarning {

    /** The warning as the surface shows it. */
    String text();

    /** Adding an entry that is already there: nothing changes. */
    record AlreadyPresent(Surface surface, Right right, GrantEditor.Named target, GrantEditor.Named trustee) implements GrantWarning {
        @Override
        public String text() {
            return switch (surface) {
                case Shell -> "The appropriate access control entry is already present on the object \"" + target.name()
                        + "\" for account \"" + trustee.name() + "\".";
                case EAC -> trustee.name() + " already has " + right.label() + " on " + target.name()
                        + ": the appropriate access control entry is already present on the object.";
            };
        }
    }

    /** Removing an entry that isn't there: nothing changes. */
    record NotPresent(Surface surface, Right right, GrantEditor.Named target, GrantEditor.Named trustee) implements GrantWarning {
        @Override
        public String text() {
            return switch (surface) {
                case Shell -> shellNotPresent(target.name(), trustee.name());
                case EAC -> trustee.name() + " has no " + right.label() + " on " + target.name() + " to remove.";
            };
        }
    }

    /** The Shell's warning for removing an entry that isn't there, also for a trustee that is no recipient (an app). */
    public static String shellNotPresent(String target, String trustee) {
        return "Can't remove the access control entry on the object \"" + target + "\" for account \""
                + trustee + "\" because the ACE doesn't exist on the object.";
    }

    /**
     * The web admin added an Allow entry next to a Deny entry for the same trustee, which still wins
     * (spec §3). Only the EAC says so: it can't show or remove Deny entries, the Shell can.
     */
    record DenyStillRefuses(Right right, GrantEditor.Named target, GrantEditor.Named trustee) implements GrantWarning {
        @Override
        public String text() {
            return "A Deny entry for " + trustee.name() + " on " + target.name() + " still refuses " + right.label()
                    + " (Deny beats Allow); remove it in the Shell.";
        }
    }
}
