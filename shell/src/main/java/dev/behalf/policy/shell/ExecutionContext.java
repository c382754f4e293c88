package dev.behalf.policy.shell;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command line runs against: a working copy of the directory that its cmdlets change
 * (each change is validated at once, so later commands of the line see it), the changes to apply
 * when the line succeeds, the warnings and host lines it wrote, and the {@link Confirmer} that
 * answers {@code Remove-*} prompts. Not thread-safe: one per command line.
 */
final class ExecutionContext {
    private Directory directory;
    private final Confirmer confirmer;
    private final Map<RecipientId, DirectoryChange> changes = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> host = new ArrayList<>();

    ExecutionContext(Directory start, Confirmer confirmer) {
        this.directory = start;
        this.confirmer = confirmer;
    }

    Directory directory() {
        return directory;
    }

    Organization organization() {
        return directory.organization();
    }

    Lookup lookup() {
        return new Lookup(directory);
    }

    /** Adds or replaces a whole recipient record. */
    void put(Recipient recipient) {
        change(recipient.id(), new DirectoryChange.Put(recipient));
    }

    void remove(RecipientId id) {
        change(id, new DirectoryChange.Remove(id));
    }

    private void change(RecipientId id, DirectoryChange change) {
        try {
            directory = directory.apply(List.of(change));
        } catch (InvalidDirectoryException e) {
            throw new CmdletException(e.getMessage());
        }
        // Only the last state of a record matters to the journal; keep first-touch order.
        changes.merge(id, change, (old, now) -> now);
    }

    /** The changes of this line, one per recipient touched, in the order they were first touched. */
    List<DirectoryChange> changes() {
        return List.copyOf(changes.values());
    }

    /** Records a warning; {@code text} is without the {@code WARNING: } prefix, which this adds. */
    void warn(String text) {
        warnings.add("WARNING: " + text);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Lines written straight to the host, such as {@code What if:} lines. */
    List<String> hostLines() {
        return List.copyOf(host);
    }

    /**
     * PowerShell's ShouldProcess: with {@code -WhatIf}, says what would happen and returns false;
     * otherwise asks the confirmer when {@code -Confirm} is on (given, or by default for cmdlets
     * that confirm unless {@code -Confirm:$false}), and returns its answer.
     *
     * @param action what the command is about to do, as Exchange words it in its prompt
     */
    boolean shouldProcess(Arguments arguments, boolean confirmsByDefault, String action) {
        if (arguments.flag("WhatIf")) {
            host.add("What if: " + action);
            return false;
        }
        if (!arguments.bool("Confirm").orElse(confirmsByDefault)) {
            return true;
        }
        return confirmer.confirm("Are you sure you want to perform this action?\n" + action);
    }
}
