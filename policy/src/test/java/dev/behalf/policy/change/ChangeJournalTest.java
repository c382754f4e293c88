package dev.behalf.policy.change;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replaying recorded change sets in one step ends where applying them one by one ended. */
class ChangeJournalTest {
    private final Directory demo = DemoDirectory.load();

    private ChangeSet newShared(String name) {
        return new ChangeSet(List.of(new DirectoryChange.Put(Recipient.builder(RecipientTypeDetails.SharedMailbox, name)
                .build(demo.organization()))), "New-Mailbox " + name + " -Shared");
    }

    @Test
    void aReplayEndsWhereTheLiveDirectoryEnded() {
        List<ChangeSet> recorded = new ArrayList<>();
        LiveDirectory live = new LiveDirectory(demo, recorded::add);
        live.apply(newShared("Payroll"));
        Recipient payroll = DemoDirectory.find(live.current(), "Payroll");
        GrantEdit.Accepted grant = (GrantEdit.Accepted) GrantEditor.add(Surface.Shell, GrantEditor.Named.byDisplayName(payroll),
                Grant.allow(Right.FullAccess), GrantEditor.Named.byDisplayName(DemoDirectory.find(live.current(), "jimh")));
        live.apply(new ChangeSet(List.of(grant.change().orElseThrow()), "Add-MailboxPermission Payroll -User jimh -AccessRights FullAccess"));
        live.apply(new ChangeSet(List.of(new DirectoryChange.Remove(DemoDirectory.find(live.current(), "jimh").id())), "Remove-Mailbox jimh"));

        Directory replayed = ChangeJournal.replay(demo, recorded);

        assertEquals(List.copyOf(live.current().recipients()), List.copyOf(replayed.recipients()));
        assertEquals(live.current().version(), replayed.version());
        assertEquals(List.of(), DemoDirectory.find(replayed, "Payroll").fullAccess(), "the removed delegate's entry went with it");
    }

    @Test
    void theFirstRecordThatNoLongerAppliesIsNamed() {
        Directory edited = demo.apply(List.of(new DirectoryChange.Put(Recipient.builder(RecipientTypeDetails.SharedMailbox, "Payroll Team")
                .alias("Payroll").build(demo.organization()))));
        List<ChangeSet> recorded = List.of(newShared("Archive"), newShared("Payroll"), newShared("Travel"));

        ChangeJournal.NoLongerApplies e = assertThrows(ChangeJournal.NoLongerApplies.class, () -> ChangeJournal.replay(edited, recorded));

        assertEquals(2, e.record());
        assertEquals("New-Mailbox Payroll -Shared", e.changes().origin());
        assertTrue(e.getCause().getMessage().contains("Alias 'Payroll' is already used"), e.getCause().getMessage());
    }
}
