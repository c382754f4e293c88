package dev.behalf.policy.change;

import dev.behalf.policy.directory.DirectoryChange;

import java.util.List;
import java.util.Objects;

/**
 * Changes applied together or not at all, with where they came from (the cmdlet text, "web admin",
 * "reset") for the journal and the logs.
 */
public record ChangeSet(List<DirectoryChange> changes, String origin) {

    public ChangeSet {
        changes = List.copyOf(changes);
        Objects.requireNonNull(origin, "origin");
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
