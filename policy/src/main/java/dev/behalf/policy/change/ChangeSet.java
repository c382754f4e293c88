package dev.behalf.policy.change;

import dev.behalf.policy.directory.DirectoryChange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes applied together or not at all, with where they came from (the cmdlet text, "web admin",
 * "reset") for the journal and the logs.
 *
 * @param inForceAt when the grants this set changes take effect for decisions (the propagation delay,
 *                  see {@link LiveDirectory}); empty = at once. The journal keeps it, so a restart
 *                  before that time still waits for it.
 */
public record ChangeSet(List<DirectoryChange> changes, String origin, Optional<Instant> inForceAt) {

    public ChangeSet {
        changes = List.copyOf(changes);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(inForceAt, "inForceAt");
    }

    /** Changes in force at once. */
    public ChangeSet(List<DirectoryChange> changes, String origin) {
        this(changes, origin, Optional.empty());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    ChangeSet inForceAt(Instant at) {
        return new ChangeSet(changes, origin, Optional.of(at));
    }
}
