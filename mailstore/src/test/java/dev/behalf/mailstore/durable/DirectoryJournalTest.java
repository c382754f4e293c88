package dev.behalf.mailstore.durable;

import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryJournalTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("directory.journal");
    }

    private static ChangeSet grant(Directory d, String mailbox, String trustee) {
        Recipient m = DemoDirectory.find(d, mailbox);
        List<dev.behalf.policy.directory.FullAccessEntry> entries = new java.util.ArrayList<>(m.fullAccess());
        entries.add(dev.behalf.policy.directory.FullAccessEntry.allow(DemoDirectory.find(d, trustee).id()));
        return new ChangeSet(List.of(new DirectoryChange.Put(m.toBuilder().fullAccess(entries).build())),
                "Add-MailboxPermission -Identity " + mailbox + " -User " + trustee);
    }

    private List<ChangeSet> three(DirectoryJournal journal) {
        Directory d = DemoDirectory.load();
        List<ChangeSet> sets = List.of(grant(d, "terrya", "raymonds"), grant(d, "Helpdesk Tickets", "Helpdesk"),
                new ChangeSet(List.of(new DirectoryChange.Remove(DemoDirectory.find(d, "Lee Gu").id())), "Remove-MailUser leeg"));
        sets.forEach(journal::append);
        return sets;
    }

    @Test
    void appendedChangeSetsAreReadBackInOrderAfterReopening() {
        List<ChangeSet> written;
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            written = three(journal);
            assertEquals(written, journal.readAll());
        }
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            assertEquals(written, journal.readAll());
        }
    }

    @Test
    void aGrantChangeHeldBackByAPropagationDelayKeepsItsTimeAcrossAReopen() {
        Directory d = DemoDirectory.load();
        ChangeSet plain = grant(d, "terrya", "raymonds");
        ChangeSet delayed = new ChangeSet(plain.changes(), plain.origin(), java.util.Optional.of(java.time.Instant.parse("2026-12-03T12:02:00Z")));
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            journal.append(delayed);
        }
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            assertEquals(List.of(delayed), journal.readAll());
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndAppendingContinues() throws IOException {
        List<ChangeSet> written;
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            written = three(journal);
        }
        long intact = Files.size(file());
        byte[] next = DirectoryJournal.frame(new ChangeSetCodec().encode(grant(DemoDirectory.load(), "ayla", "sarad")).getBytes(StandardCharsets.UTF_8));
        Files.write(file(), Arrays.copyOf(next, next.length / 2), StandardOpenOption.APPEND);
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            assertEquals(written, journal.readAll());
            assertEquals(intact, Files.size(file()), "the torn tail is cut off");
            journal.append(grant(DemoDirectory.load(), "ayla", "sarad"));
        }
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            assertEquals(4, journal.readAll().size());
        }
    }

    @Test
    void aCompleteLastLineWithABadChecksumIsATornRecordToo() throws IOException {
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            three(journal);
        }
        Files.write(file(), "0badf00d {\"v\":1}\n\0\0\0".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            assertEquals(3, journal.readAll().size());
        }
    }

    @Test
    void damageBeforeValidRecordsRefusesToOpenRatherThanDropAcknowledgedChanges() throws IOException {
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            three(journal);
        }
        byte[] bytes = Files.readAllBytes(file());
        bytes[20] ^= 0x01;
        Files.write(file(), bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DirectoryJournal.open(file()));
        assertTrue(e.getMessage().contains("damaged at line 1 (offset 0)"), e.getMessage());
        assertEquals(bytes.length, Files.size(file()), "nothing was truncated");
    }

    @Test
    void replayRebuildsTheLiveDirectory() {
        Directory base = DemoDirectory.load();
        Directory expected;
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            LiveDirectory live = new LiveDirectory(base, journal);
            DemoDirectory.fullAccess(live, "Helpdesk Tickets", "Escalation", AccessControl.Allow);
            DemoDirectory.removeFullAccess(live, "ayla", "Jim Hance");
            live.apply(new ChangeSet(List.of(new DirectoryChange.Put(Recipient.builder(RecipientTypeDetails.SharedMailbox, "Payroll")
                    .build(base.organization()))), "New-Mailbox Payroll -Shared"));
            expected = live.current();
        }
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            Directory replayed = journal.replay(base);
            assertEquals(List.copyOf(expected.recipients()), List.copyOf(replayed.recipients()));
        }
    }

    @Test
    void appRegistrationsAndTheirMailboxesAreJournaledToo() {
        Directory base = DemoDirectory.load();
        Recipient tickets = base.account("ayla").orElseThrow();
        dev.behalf.policy.directory.AppRegistration app = new dev.behalf.policy.directory.AppRegistration(
                "11111111-2222-4333-8444-555555555555", "66666666-7777-4888-9999-000000000000", "Fabrikam Sync",
                java.util.Optional.of(dev.behalf.policy.directory.Secret.of("s3cret")), java.util.Set.of("IMAP.AccessAsApp"),
                List.of(tickets.id()), List.of());
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            LiveDirectory live = new LiveDirectory(base, journal);
            live.apply(new ChangeSet(List.of(new DirectoryChange.PutApp(app)), "New-ServicePrincipal"));
            live.apply(new ChangeSet(List.of(new DirectoryChange.PutApp(app.withSendAs(List.of(tickets.id())))), "Add-RecipientPermission"));
        }
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            dev.behalf.policy.directory.AppRegistration back = journal.replay(base).app(app.appId()).orElseThrow();
            assertEquals("Fabrikam Sync", back.displayName());
            assertEquals(app.objectId(), back.objectId());
            assertTrue(back.clientSecret().orElseThrow().matches("s3cret"));
            assertEquals(java.util.Set.of("IMAP.AccessAsApp"), back.permissions());
            assertEquals(List.of(tickets.id()), back.fullAccess());
            assertEquals(List.of(tickets.id()), back.sendAs());
        }
    }

    @Test
    void aRecordThatNoLongerAppliesIsNamed() {
        Directory base = DemoDirectory.load();
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            journal.append(new ChangeSet(List.of(new DirectoryChange.Put(Recipient.builder(RecipientTypeDetails.SharedMailbox, "Payroll")
                    .build(base.organization()))), "New-Mailbox Payroll"));
        }
        Directory edited = base.apply(List.of(new DirectoryChange.Put(Recipient.builder(RecipientTypeDetails.SharedMailbox, "Payroll Team")
                .alias("Payroll").build(base.organization()))));
        try (DirectoryJournal journal = DirectoryJournal.open(file())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> journal.replay(edited));
            assertTrue(e.getMessage().contains("record 1 ('New-Mailbox Payroll')"), e.getMessage());
        }
    }

    @Test
    void theJournalIsReadableByItsOwnerOnly() throws IOException {
        DirectoryJournal.open(file()).close();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        }
    }
}
