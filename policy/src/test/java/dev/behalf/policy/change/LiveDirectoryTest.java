package dev.behalf.policy.change;

import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one mutation path: validate, journal, swap atomically, notify. */
class LiveDirectoryTest {
    private final Directory demo = DemoDirectory.load();
    private final List<ChangeSet> journaled = new ArrayList<>();
    private final LiveDirectory live = new LiveDirectory(demo, journaled::add);

    private final Recipient terry = DemoDirectory.find(demo, "Terry Adams");
    private final Recipient raymond = DemoDirectory.find(demo, "Raymond Sam");
    private final SendAttempt raymondAsTerry = SendAttempt.of(raymond.id(), SmtpAddress.parse("terrya@contoso.com"));

    @Test
    void appliedChangeIsJournaledSwappedInAndVersioned() {
        ChangeSet grant = new ChangeSet(List.of(put(terry.toBuilder().sendAs(List.of(SendAsEntry.allow(raymond.id()))))),
                "Add-RecipientPermission -Identity terrya -Trustee raymonds -AccessRights SendAs");
        assertEquals(Outcome.Denied, DelegationPolicy.decide(live.current(), raymondAsTerry).outcome());

        Directory next = live.apply(grant);

        assertSame(next, live.current());
        assertEquals(List.of(grant), journaled);
        assertEquals(demo.version() + 1, next.version());
        assertEquals(Outcome.SendAs, DelegationPolicy.decide(live.current(), raymondAsTerry).outcome());
        assertEquals(Outcome.Denied, DelegationPolicy.decide(demo, raymondAsTerry).outcome(), "the old snapshot is unchanged");
    }

    @Test
    void eachApplyIncrementsTheVersionByOne() {
        live.apply(new ChangeSet(List.of(put(terry.toBuilder().displayName("Terry A."))), "one"));
        live.apply(new ChangeSet(List.of(put(terry.toBuilder().displayName("Terry B."))), "two"));
        assertEquals(2, live.current().version());
        assertEquals("Terry B.", live.current().require(terry.id()).displayName());
    }

    @Test
    void failingChangeAppliesNothingAndIsNotJournaled() {
        // The first change is valid on its own; the second makes the set invalid, so neither lands.
        ChangeSet changes = new ChangeSet(List.of(
                put(terry.toBuilder().sendAs(List.of(SendAsEntry.allow(raymond.id())))),
                put(Recipient.builder(RecipientTypeDetails.UserMailbox, "Impostor").alias("raymonds"))),
                "two changes, the second invalid");
        List<Directory> seen = new ArrayList<>();
        live.onChange(seen::add);

        InvalidDirectoryException e = assertThrows(InvalidDirectoryException.class, () -> live.apply(changes));

        assertTrue(e.getMessage().contains("Alias 'raymonds' is already used by another recipient"), e.getMessage());
        assertSame(demo, live.current());
        assertEquals(List.of(), journaled);
        assertEquals(List.of(), seen, "listeners hear only of changes in force");
        assertEquals(Outcome.Denied, DelegationPolicy.decide(live.current(), raymondAsTerry).outcome());
    }

    @Test
    void changeTheJournalCannotRecordIsNotApplied() {
        LiveDirectory failing = new LiveDirectory(demo, c -> {
            throw new UncheckedIOException("disk full", new java.io.IOException("disk full"));
        });
        ChangeSet grant = new ChangeSet(List.of(put(terry.toBuilder().sendAs(List.of(SendAsEntry.allow(raymond.id()))))), "grant");
        assertThrows(UncheckedIOException.class, () -> failing.apply(grant));
        assertSame(demo, failing.current());
    }

    @Test
    void grantToAMissingTrusteeIsRefused() {
        RecipientId ghost = RecipientId.forName("Ghost");
        ChangeSet grant = new ChangeSet(List.of(put(terry.toBuilder().sendAs(List.of(SendAsEntry.allow(ghost))))), "ghost");
        InvalidDirectoryException e = assertThrows(InvalidDirectoryException.class, () -> live.apply(grant));
        assertEquals("sendAs[0].trustee: Send As delegate " + ghost + " on 'Terry Adams' does not exist", e.getMessage());
        assertSame(demo, live.current());
    }

    @Test
    void emptyChangeSetChangesNothingAndJournalsNothing() {
        List<Directory> seen = new ArrayList<>();
        live.onChange(seen::add);
        assertSame(demo, live.apply(new ChangeSet(List.of(), "nothing")));
        assertEquals(List.of(), journaled);
        assertEquals(List.of(), seen);
    }

    @Test
    void listenersHearEachNewSnapshotInOrder() {
        List<Long> versions = new ArrayList<>();
        List<Long> other = new ArrayList<>();
        live.onChange(d -> versions.add(d.version()));
        live.onChange(d -> other.add(d.version()));
        Directory first = live.apply(new ChangeSet(List.of(put(terry.toBuilder().displayName("T1"))), "one"));
        Directory second = live.apply(new ChangeSet(List.of(put(terry.toBuilder().displayName("T2"))), "two"));
        assertEquals(List.of(first.version(), second.version()), versions);
        assertEquals(versions, other);
    }

    @Test
    void removingARecipientDropsEveryReferenceToIt() {
        Recipient karen = DemoDirectory.find(demo, "Karen Toh");
        Directory next = live.apply(new ChangeSet(List.of(new DirectoryChange.Remove(karen.id())), "Remove-Mailbox karent"));
        assertTrue(DemoDirectory.find(next, "Yan Li").sendAs().isEmpty(), "Karen Toh's Send As on Yan Li goes with her");
        assertEquals(List.of(new DirectoryChange.Remove(karen.id())), journaled.get(0).changes());
    }

    @Test
    void resetToBringsTheDirectoryBackThroughTheJournal() {
        Recipient helpdesk = DemoDirectory.find(demo, "Helpdesk");
        live.apply(new ChangeSet(List.of(
                put(terry.toBuilder().sendAs(List.of(SendAsEntry.allow(raymond.id())))),
                new DirectoryChange.Remove(helpdesk.id()),
                put(Recipient.builder(RecipientTypeDetails.UserMailbox, "Newcomer"))), "drift"));
        journaled.clear();

        Directory reset = live.resetTo(demo, "reset");

        assertSame(reset, live.current());
        assertEquals(Set.copyOf(demo.recipients()), Set.copyOf(reset.recipients()));
        assertEquals(demo.size(), reset.size());
        assertEquals(1, journaled.size());
        assertEquals("reset", journaled.get(0).origin());
        assertEquals(Outcome.Denied, DelegationPolicy.decide(reset, raymondAsTerry).outcome());
        assertEquals(2, reset.version(), "a reset is a change like any other");
    }

    @Test
    void resetToTheCurrentStateJournalsNothing() {
        assertSame(demo, live.resetTo(demo, "reset"));
        assertEquals(List.of(), journaled);
    }

    private DirectoryChange put(Recipient.Builder b) {
        return new DirectoryChange.Put(b.build(demo.organization()));
    }

    @Test
    void readModifyWriteInsideExclusivelyLosesNoConcurrentUpdate() throws Exception {
        int perThread = 200;
        Runnable increment = () -> {
            for (int i = 0; i < perThread; i++) {
                live.exclusively(() -> {
                    Recipient t = live.current().require(terry.id());
                    int n = Integer.parseInt(t.attributes().get("CustomAttribute1").orElse("0"));
                    return live.apply(new ChangeSet(List.of(put(t.toBuilder()
                            .attributes(t.attributes().with("CustomAttribute1", String.valueOf(n + 1))))), "count"));
                });
            }
        };
        Thread a = new Thread(increment);
        Thread b = new Thread(increment);
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(String.valueOf(2 * perThread),
                live.current().require(terry.id()).attributes().get("CustomAttribute1").orElseThrow());
    }
}
