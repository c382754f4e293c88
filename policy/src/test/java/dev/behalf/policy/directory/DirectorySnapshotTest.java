package dev.behalf.policy.directory;

import dev.behalf.policy.identity.Resolution;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of a directory snapshot (spec §1 and §3) and what {@link Directory#apply} keeps or changes. */
class DirectorySnapshotTest {
    private final Directory demo = DemoDirectory.load();
    private final Organization org = demo.organization();

    @Test
    void guidsAreStableAcrossLoads() {
        List<RecipientId> first = demo.recipients().stream().map(Recipient::id).toList();
        List<RecipientId> second = DemoDirectory.load().recipients().stream().map(Recipient::id).toList();
        assertEquals(first, second);
        assertEquals(RecipientId.forName("Terry Adams"), DemoDirectory.find(demo, "terrya").id());
    }

    @Test
    void defaultsFollowExchange() {
        Recipient terry = DemoDirectory.find(demo, "Terry Adams");
        assertEquals("CN=Terry Adams,CN=Users,DC=contoso,DC=com", terry.distinguishedName());
        assertEquals("/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=terrya", terry.legacyExchangeDn());
        assertEquals("Terry Adams", terry.displayName());
        assertEquals("terrya@contoso.com", terry.account().orElseThrow().userPrincipalName());
        assertEquals("contoso.com/Users/Terry Adams", org.canonicalName(terry.distinguishedName()));
        assertEquals("CONTOSO", org.netbiosName());
    }

    @Test
    void aMailboxHoldsAtMostFiveHundredFullAccessEntries() {
        List<DirectoryChange> changes = new ArrayList<>();
        List<FullAccessEntry> entries = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            Recipient delegate = Recipient.builder(RecipientTypeDetails.UserMailbox, "Delegate " + i).alias("delegate" + i).build(org);
            changes.add(new DirectoryChange.Put(delegate));
            entries.add(FullAccessEntry.allow(delegate.id()));
        }
        Recipient terry = DemoDirectory.find(demo, "Terry Adams");
        List<DirectoryChange> five00 = new ArrayList<>(changes);
        five00.add(new DirectoryChange.Put(terry.toBuilder().fullAccess(entries.subList(0, 500)).build()));
        assertEquals(500, demo.apply(five00).require(terry.id()).fullAccess().size());

        changes.add(new DirectoryChange.Put(terry.toBuilder().fullAccess(entries).build()));
        InvalidDirectoryException e = assertThrows(InvalidDirectoryException.class, () -> demo.apply(changes));
        assertEquals("fullAccess: 'Terry Adams' has 501 Full Access entries; a mailbox holds at most 500", e.getMessage());
    }

    @Test
    void theSameFullAccessEntryTwiceIsRefused() {
        Recipient ayla = DemoDirectory.find(demo, "Ayla Kol");
        FullAccessEntry jim = ayla.fullAccess().get(0);
        InvalidDirectoryException e = assertThrows(InvalidDirectoryException.class, () -> demo.apply(List.of(
                new DirectoryChange.Put(ayla.toBuilder().fullAccess(List.of(jim, jim)).build()))));
        assertEquals("fullAccess[1]: duplicate Full Access entry on 'Ayla Kol'", e.getMessage());
    }

    @Test
    void aMemberThatDoesNotExistIsRefused() {
        Recipient helpdesk = DemoDirectory.find(demo, "Helpdesk");
        RecipientId ghost = RecipientId.forName("Ghost");
        InvalidDirectoryException e = assertThrows(InvalidDirectoryException.class, () -> demo.apply(List.of(
                new DirectoryChange.Put(helpdesk.toBuilder().members(List.of(ghost)).build()))));
        assertEquals("members[0]: member " + ghost + " of 'Helpdesk' does not exist", e.getMessage());
    }

    @Test
    void aGrantBreakingTheShellTableIsRefusedByTheSnapshot() {
        Recipient terry = DemoDirectory.find(demo, "Terry Adams");
        Recipient sales = DemoDirectory.find(demo, "Sales Team");
        InvalidDirectoryException e = assertThrows(InvalidDirectoryException.class, () -> demo.apply(List.of(
                new DirectoryChange.Put(terry.toBuilder().sendAs(List.of(SendAsEntry.allow(sales.id()))).build()))));
        assertEquals("sendAs[0].trustee: 'Sales Team' on 'Terry Adams': Send As on a UserMailbox can't be granted to a "
                + "MailUniversalDistributionGroup in the Shell; delegates allowed there: UserMailbox, LinkedMailbox, MailUser, "
                + "MailUniversalSecurityGroup.", e.getMessage());
    }

    @Test
    void aRenamedObjectResolvesByItsNewNameOnly() {
        Recipient terry = DemoDirectory.find(demo, "Terry Adams");
        // Same Guid and alias, new Name: Put replaces the object with that Guid.
        Recipient renamedTerry = Recipient.builder(RecipientTypeDetails.UserMailbox, "Terry Adams-Smith").id(terry.id())
                .alias("terrya").password(Secret.of("P@ssw0rd")).build(org);
        Directory renamed = demo.apply(List.of(new DirectoryChange.Put(renamedTerry)));
        assertEquals("CN=Terry Adams-Smith,CN=Users,DC=contoso,DC=com", renamed.require(terry.id()).distinguishedName());
        assertEquals(terry.id(), DemoDirectory.find(renamed, "CN=Terry Adams-Smith,CN=Users,DC=contoso,DC=com").id());
        assertInstanceOf(Resolution.NotFound.class, renamed.resolve("CN=Terry Adams,CN=Users,DC=contoso,DC=com"));
        assertEquals(terry.id(), DemoDirectory.find(renamed, "Terry Adams-Smith").id());
        assertInstanceOf(Resolution.NotFound.class, renamed.resolve("Terry Adams"));
        assertInstanceOf(Resolution.Found.class, demo.resolve("Terry Adams"), "the old snapshot still knows the old name");
    }

    @Test
    void aGrantOnlyChangeKeepsEveryLookupWorking() {
        Recipient terry = DemoDirectory.find(demo, "Terry Adams");
        Recipient raymond = DemoDirectory.find(demo, "Raymond Sam");
        Directory next = demo.apply(List.of(new DirectoryChange.Put(terry.toBuilder()
                .sendAs(List.of(SendAsEntry.allow(raymond.id()))).hiddenFromAddressLists(true).build())));
        Recipient now = DemoDirectory.find(next, "terrya@contoso.com");
        assertEquals(1, now.sendAs().size());
        assertTrue(now.hiddenFromAddressLists());
        assertEquals(now, next.byAddress(SmtpAddress.parse("terrya@contoso.com")).orElseThrow());
        assertEquals(List.of(DemoDirectory.find(next, "Helpdesk").id()), next.directGroupsOf(DemoDirectory.find(next, "Ayla Kol").id()));
    }

    @Test
    void membershipClosureKeepsTheShortestPathAndToleratesCycles() {
        Directory d = DemoDirectory.with("""
                recipients:
                  - { name: Loop A, alias: loopa, type: MailUniversalSecurityGroup, members: [Loop B, Helpdesk] }
                  - { name: Loop B, alias: loopb, type: MailUniversalSecurityGroup, members: [Loop A, Escalation] }
                """);
        Membership ayla = d.membership(DemoDirectory.find(d, "Ayla Kol").id());
        assertEquals(List.of("Helpdesk", "Loop A"), names(d, ayla.path(DemoDirectory.find(d, "Loop A").id())));
        // Two shortest paths of three lead to Loop B; the one through the group declared first is kept.
        assertEquals(List.of("Helpdesk", "Escalation", "Loop B"), names(d, ayla.path(DemoDirectory.find(d, "Loop B").id())));
        assertEquals(4, ayla.paths().size(), "Helpdesk, Escalation, Loop A, Loop B: each once");
        Membership loopA = d.membership(DemoDirectory.find(d, "Loop A").id());
        assertTrue(!loopA.isMemberOf(DemoDirectory.find(d, "Loop A").id()), "a group is not its own member through a cycle");
        assertTrue(loopA.isMemberOf(DemoDirectory.find(d, "Loop B").id()));
    }

    private static List<String> names(Directory d, List<RecipientId> path) {
        return path.stream().map(id -> d.require(id).name()).toList();
    }
}
