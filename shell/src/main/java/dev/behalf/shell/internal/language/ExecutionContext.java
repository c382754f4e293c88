package dev.behalf.shell.internal.language;

import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one command line runs against: a working copy of the directory that its cmdlets change
 * (each change is validated at once, so later commands of the line see it), the changes to apply
 * when the line succeeds, the warnings and host lines it wrote, and what answers {@code Remove-*}
 * prompts (the shell's {@code Confirmer}). Not thread-safe: one per command line.
 */
public final class ExecutionContext {
    private Directory directory;
    private final Predicate<String> confirmer;
    /** Keyed by the recipient id, or by "app:" and the app id for an app registration. */
    private final Map<Object, DirectoryChange> changes = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> host = new ArrayList<>();
    private Optional<Duration> propagationDelay = Optional.empty();

    /** @param confirmer answers a confirmation prompt: true to go ahead */
    public ExecutionContext(Directory start, Predicate<String> confirmer) {
        this.directory = start;
        this.confirmer = confirmer;
    }

    public Directory directory() {
        return directory;
    }

    public Organization organization() {
        return directory.organization();
    }

    /** Adds or replaces a whole recipient record. */
    public void put(Recipient recipient) {
        change(recipient.id(), new DirectoryChange.Put(recipient));
    }

    public void remove(RecipientId id) {
        change(id, new DirectoryChange.Remove(id));
    }

    /** Registers or replaces an app registration (a service principal). */
    public void putApp(AppRegistration app) {
        change("app:" + app.appId(), new DirectoryChange.PutApp(app));
    }

    public void removeApp(String appId) {
        change("app:" + appId, new DirectoryChange.RemoveApp(appId));
    }

    /** Sets SmtpClientAuthenticationDisabled for a mailbox, or for the organization when {@code mailbox} is empty. */
    public void setSmtpClientAuth(java.util.Optional<RecipientId> mailbox, java.util.Optional<Boolean> disabled) {
        change("smtpauth:" + mailbox.map(RecipientId::toString).orElse("org"), new DirectoryChange.SetSmtpClientAuth(mailbox, disabled));
    }

    private void change(Object id, DirectoryChange change) {
        try {
            directory = directory.apply(List.of(change));
        } catch (InvalidDirectoryException e) {
            throw new CmdletException(e.getMessage());
        }
        // Only the last state of a record matters to the journal; keep first-touch order.
        changes.merge(id, change, (old, now) -> now);
    }

    /** The changes of this line, one per recipient touched, in the order they were first touched. */
    public List<DirectoryChange> changes() {
        return List.copyOf(changes.values());
    }

    /** Records a warning; {@code text} is without the {@code WARNING: } prefix, which this adds. */
    public void warn(String text) {
        warnings.add("WARNING: " + text);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Delays the grant changes of this line by {@code delay} instead of the server's default. */
    public void propagationDelay(Duration delay) {
        propagationDelay = Optional.of(delay);
    }

    /** The delay a {@code -PropagationDelay} of this line asked for; empty = the server's default. */
    public Optional<Duration> propagationDelay() {
        return propagationDelay;
    }

    /** Lines written straight to the host, such as {@code What if:} lines. */
    public List<String> hostLines() {
        return List.copyOf(host);
    }

    /**
     * PowerShell's ShouldProcess: with {@code -WhatIf}, says what would happen and returns false;
     * otherwise asks the confirmer when {@code -Confirm} is on (given, or by default for cmdlets
     * that confirm unless {@code -Confirm:$false}), and returns its answer.
     *
     * @param action what the command is about to do, as Exchange words it in its prompt
     */
    public boolean shouldProcess(Arguments arguments, boolean confirmsByDefault, String action) {
        if (arguments.flag("WhatIf")) {
            host.add("What if: " + action);
            return false;
        }
        if (!arguments.bool("Confirm").orElse(confirmsByDefault)) {
            return true;
        }
        return confirmer.test("Are you sure you want to perform this action?\n" + action);
    }
}
