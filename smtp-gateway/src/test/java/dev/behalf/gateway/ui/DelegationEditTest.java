package dev.behalf.gateway.ui;

import dev.behalf.gateway.http.admin.DelegationEdit;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelegationEditTest {
    private final Directory demo = DemoDirectory.load();

    private RecipientId id(String identity) {
        return DemoDirectory.id(demo, identity);
    }

    private DelegationEdit.Plan add(List<String> targets, Right right, String trustee) {
        return new DelegationEdit(targets.stream().map(this::id).toList(), Map.of(right, List.of(id(trustee))), Map.of())
                .plan(demo);
    }

    @Test
    void addingSendAsIsOneChangeSetWithTheWebAdminOrigin() {
        var plan = assertInstanceOf(DelegationEdit.Accepted.class, add(List.of("terrya"), Right.SendAs, "raymonds"));
        assertEquals("web admin: Mailbox delegation of Terry Adams: add Send As Raymond Sam", plan.changes().origin());
        assertEquals(List.of("Send As on Terry Adams granted to Raymond Sam"), plan.done());
        var put = assertInstanceOf(DirectoryChange.Put.class, plan.changes().changes().get(0));
        assertEquals(List.of(SendAsEntry.allow(id("raymonds"))), put.recipient().sendAs());
    }

    @Test
    void bulkEditOfTwoUserMailboxesChangesBothInOneChangeSet() {
        var plan = assertInstanceOf(DelegationEdit.Accepted.class,
                add(List.of("estherv", "felipea"), Right.FullAccess, "jimh"));
        assertEquals(2, plan.changes().changes().size());
        assertTrue(plan.changes().origin().startsWith("web admin: bulk Mailbox delegation of Esther Valle, Felipe Apodaca:"));
        for (DirectoryChange c : plan.changes().changes()) {
            assertEquals(List.of(FullAccessEntry.allow(id("jimh"))), ((DirectoryChange.Put) c).recipient().fullAccess());
        }
    }

    @Test
    void bulkEditOfAUserAndASharedMailboxIsRefusedWithTheEacWarning() {
        var refused = assertInstanceOf(DelegationEdit.Refused.class,
                add(List.of("terrya", "helpdesktickets"), Right.SendAs, "raymonds"));
        assertEquals(List.of("Bulk edit won't work: the selected mailboxes must all be of the same type, and these are "
                + "SharedMailbox and UserMailbox. Select mailboxes of one type."), refused.reasons());
    }

    @Test
    void bulkEditOfAUserAndALinkedMailboxIsRefusedToo() {
        assertInstanceOf(DelegationEdit.Refused.class, add(List.of("terrya", "patc"), Right.SendAs, "raymonds"));
    }

    @Test
    void sendOnBehalfOnASharedMailboxIsShellOnly() {
        var refused = assertInstanceOf(DelegationEdit.Refused.class, add(List.of("executives"), Right.SendOnBehalf, "hollyh"));
        assertTrue(refused.reasons().get(0).startsWith("Send on Behalf can't be granted on a SharedMailbox to a UserMailbox in the EAC;"),
                refused.reasons().toString());
    }

    @Test
    void aDistributionGroupAsSendOnBehalfDelegateIsShellOnly() {
        var refused = assertInstanceOf(DelegationEdit.Refused.class, add(List.of("seanc"), Right.SendOnBehalf, "sales"));
        assertEquals("Send on Behalf on a UserMailbox can't be granted to a MailUniversalDistributionGroup in the EAC; "
                + "delegates allowed there: UserMailbox, LinkedMailbox, MailUser, MailUniversalSecurityGroup.", refused.reasons().get(0));
    }

    @Test
    void aUserWithoutMailboxAsFullAccessDelegateIsShellOnly() {
        var refused = assertInstanceOf(DelegationEdit.Refused.class, add(List.of("terrya"), Right.FullAccess, "buildsvc"));
        assertTrue(refused.reasons().get(0).contains("can't be granted to a User in the EAC"), refused.reasons().toString());
    }

    @Test
    void aRefusalAnywhereRefusesTheWholeSave() {
        DelegationEdit edit = new DelegationEdit(List.of(id("terrya")),
                Map.of(Right.SendAs, List.of(id("raymonds")), Right.FullAccess, List.of(id("buildsvc"))), Map.of());
        assertInstanceOf(DelegationEdit.Refused.class, edit.plan(demo));
    }

    @Test
    void addingAnExistingGrantWarnsAndChangesNothing() {
        var plan = assertInstanceOf(DelegationEdit.Accepted.class, add(List.of("jamesa"), Right.SendAs, "pilarp"));
        assertTrue(plan.changes().isEmpty());
        assertEquals(List.of("Pilar Pinilla already has Send As on James Alvord: the appropriate access control entry is "
                + "already present on the object."), plan.warnings());
    }

    @Test
    void removingAGrantDropsItAndRemovingAMissingOneWarns() {
        DelegationEdit edit = new DelegationEdit(List.of(id("ayla")), Map.of(),
                Map.of(Right.FullAccess, List.of(id("jimh")), Right.SendAs, List.of(id("raymonds"))));
        var plan = assertInstanceOf(DelegationEdit.Accepted.class, edit.plan(demo));
        var put = (DirectoryChange.Put) plan.changes().changes().get(0);
        assertEquals(List.of(), put.recipient().fullAccess());
        assertEquals(List.of("Full Access on Ayla Kol removed from Jim Hance"), plan.done());
        assertEquals(List.of("Raymond Sam has no Send As on Ayla Kol to remove."), plan.warnings());
    }

    @Test
    void groupsGetSendAsButNotFullAccess() {
        assertInstanceOf(DelegationEdit.Accepted.class, add(List.of("printersupport"), Right.SendAs, "sarad"));
        var refused = assertInstanceOf(DelegationEdit.Refused.class, add(List.of("printersupport"), Right.FullAccess, "sarad"));
        assertTrue(refused.reasons().get(0).startsWith("Full Access can't be granted on a MailUniversalSecurityGroup to a UserMailbox in the EAC"));
    }
}
