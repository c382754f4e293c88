package dev.behalf.policy.change;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.InvalidDirectoryException;

import java.util.List;

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

    /**
     * What the {@code recorded} change sets, oldest first, come to on top of {@code base} (the directory
     * loaded from {@code config/}). They are applied as one step, validated once ({@link Directory#applyAll}),
     * so a start-up replaying {@code k} records costs one pass over the directory, not {@code k}; only
     * when that is refused are they applied one by one, to name the first that no longer applies.
     *
     * @throws NoLongerApplies naming the record, for example because {@code config/} was edited since
     */
    static Directory replay(Directory base, List<ChangeSet> recorded) {
        try {
            return base.applyAll(recorded.stream().map(ChangeSet::changes).toList());
        } catch (InvalidDirectoryException whole) {
            Directory d = base;
            for (int i = 0; i < recorded.size(); i++) {
                try {
                    d = d.apply(recorded.get(i).changes());
                } catch (InvalidDirectoryException e) {
                    throw new NoLongerApplies(i + 1, recorded.get(i), e);
                }
            }
            return d; // one by one ends where the whole does; reached only if the two ever disagreed
        }
    }

    /** A recorded change set (1-based {@code record}) that the directory refuses now. */
    final class NoLongerApplies extends RuntimeException {
        private final int record;
        private final transient ChangeSet changes;

        NoLongerApplies(int record, ChangeSet changes, InvalidDirectoryException cause) {
            super("record " + record + " ('" + changes.origin() + "') no longer applies: " + cause.getMessage(), cause);
            this.record = record;
            this.changes = changes;
        }

        public int record() {
            return record;
        }

        public ChangeSet changes() {
            return changes;
        }

        @Override
        public synchronized InvalidDirectoryException getCause() {
            return (InvalidDirectoryException) super.getCause();
        }
    }
}
