package dev.behalf.policy.directory;

/**
 * One atomic edit of the directory. Every mutation (cmdlet, web admin, test fixture) is expressed as
 * puts and removes of whole recipient records, which makes replaying a journal idempotent.
 */
public sealed interface DirectoryChange {

    /** Adds the recipient, or replaces the one with the same id. */
    record Put(Recipient recipient) implements DirectoryChange {
    }

    /** Removes the recipient; entries on other objects that name it are dropped too. */
    record Remove(RecipientId id) implements DirectoryChange {
    }
}
