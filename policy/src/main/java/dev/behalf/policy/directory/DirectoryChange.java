package dev.behalf.policy.directory;

/**
 * One atomic edit of the directory. Every mutation (cmdlet, web admin, test fixture) is expressed as
 * puts and removes of whole recipient (and app registration) records, which makes replaying a journal idempotent.
 */
public sealed interface DirectoryChange {

    /** Adds the recipient, or replaces the one with the same id. */
    record Put(Recipient recipient) implements DirectoryChange {
    }

    /** Removes the recipient; entries on other objects that name it are dropped too. */
    record Remove(RecipientId id) implements DirectoryChange {
    }

    /** Registers the app (a service principal), or replaces the one with the same app id. */
    record PutApp(AppRegistration app) implements DirectoryChange {
    }

    /**
     * Sets {@code SmtpClientAuthenticationDisabled}: the organization's when {@code mailbox} is empty
     * ({@code Set-TransportConfig}), else the mailbox's ({@code Set-CASMailbox}); an empty {@code disabled}
     * clears a mailbox's own setting ($null).
     */
    record SetSmtpClientAuth(java.util.Optional<RecipientId> mailbox, java.util.Optional<Boolean> disabled) implements DirectoryChange {
    }

    /** Removes the app registration with this app id. */
    record RemoveApp(String appId) implements DirectoryChange {
    }
}
