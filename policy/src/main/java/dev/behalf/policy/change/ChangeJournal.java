package dev.behalf.policy.change;

/**
 * Where applied change sets are recorded before they take effect. The durable implementation
 * (under {@code --data-dir}) must have the change on disk when {@link #append} returns: a change is
 * acknowledged only after that.
 */
public interface ChangeJournal {

    /** Records the change set; throws (and the change is not applied) when it can't. */
    void append(ChangeSet changes);

    /** The journal of an in-memory server: records nothing. */
    static ChangeJournal none() {
        return changes -> { };
    }
}
