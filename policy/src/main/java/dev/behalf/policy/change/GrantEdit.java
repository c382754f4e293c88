package dev.behalf.policy.change;

import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@link GrantEditor} made of one edit: the target as it is to be, with warnings, or a refusal. */
public sealed interface GrantEdit {

    /**
     * The edit fits the surface's rules. {@code after} equals {@code before} when there was nothing to
     * do (the entry was already there, or there was none to remove); the warnings say so.
     */
    record Accepted(Recipient before, Recipient after, List<GrantWarning> warnings) implements GrantEdit {
        public Accepted {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            warnings = List.copyOf(warnings);
        }

        public boolean changed() {
            return !after.equals(before);
        }

        /** The directory change to apply, empty when nothing changes. */
        public Optional<DirectoryChange> change() {
            return changed() ? Optional.of(new DirectoryChange.Put(after)) : Optional.empty();
        }
    }

    /** The edit breaks a rule of the surface; nothing is to change. */
    record Refused(GrantRefusal refusal) implements GrantEdit {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
