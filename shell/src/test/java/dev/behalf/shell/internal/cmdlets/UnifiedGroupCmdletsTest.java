package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.shell.DemoShell;
import dev.behalf.shell.ShellResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Microsoft 365 Groups from the shell: the group, its links, its delegates, and the errors Exchange Online gives. */
class UnifiedGroupCmdletsTest {
    private final DemoShell demo = new DemoShell();

    private void newFalcon() {
        demo.ok("New-UnifiedGroup -DisplayName \"Project Falcon\" -Alias falcon -PrimarySmtpAddress falcon@contoso.com"
                + " -Owner terrya -Members raymonds,\"Karen Toh\",leeg");
    }

    @Test
    void newUnifiedGroupMakesTheOwnerAMemberToo() {
        newFalcon();
        Recipient falcon = demo.get("falcon@contoso.com");
        assertEquals(RecipientTypeDetails.GroupMailbox, falcon.type());
        assertEquals("Project Falcon", falcon.name());
        assertEquals(List.of(demo.get("terrya").id()), falcon.owners());
        assertEquals(List.of(demo.get("raymonds").id(), demo.get("karent").id(), demo.get("leeg").id(), demo.get("terrya").id()),
                falcon.members());
        assertEquals(1, demo.journal.size());
    }

    @Test
    void getUnifiedGroupAndItsLinks() {
        String out = demo.ok("Get-UnifiedGroup");
        assertTrue(out.contains("Marketing") && out.contains("marketing") && out.contains("Public"), out);
        assertFalse(demo.ok("Get-DistributionGroup").contains("Marketing"), "a Microsoft 365 Group isn't a distribution group");
        String list = demo.ok("Get-UnifiedGroup Marketing | Format-List ManagedBy,GrantSendOnBehalfTo,RecipientTypeDetails,GroupMemberCount");
        assertTrue(list.contains("ManagedBy            : {contoso.com/Users/Felipe Apodaca}"), list);
        assertTrue(list.contains("GrantSendOnBehalfTo  : {contoso.com/Users/Raymond Sam}"), list);
        assertTrue(list.contains("RecipientTypeDetails : GroupMailbox"), list);
        assertTrue(list.contains("GroupMemberCount     : 4"), list);
        String owners = demo.ok("Get-UnifiedGroupLinks -Identity Marketing -LinkType Owners");
        assertTrue(owners.contains("Felipe Apodaca") && !owners.contains("Raymond Sam"), owners);
        String members = demo.ok("Get-UnifiedGroupLinks -Identity marketing@contoso.com -LinkType members");
        for (String name : List.of("Raymond Sam", "Esther Valle", "Lee Gu", "Felipe Apodaca")) {
            assertTrue(members.contains(name), name + " in " + members);
        }
    }

    @Test
    void linksAreAddedAndRemovedAndOwnersMustBeMembersFirst() {
        ShellResult notMember = demo.run("Add-UnifiedGroupLinks -Identity Marketing -LinkType Owners -Links terrya");
        assertTrue(notMember.errors().get(0).endsWith("Only members can be owners of a group: add 'terrya' to 'Marketing' with"
                + " -LinkType Members before adding it as an owner."), notMember.errors().toString());
        demo.ok("Add-UnifiedGroupLinks -Identity Marketing -LinkType Members -Links terrya,jimh");
        demo.ok("Add-UnifiedGroupLinks -Identity Marketing -LinkType Owners -Links terrya");
        assertTrue(demo.get("Marketing").owners().contains(demo.get("terrya").id()));

        ShellResult ownerFirst = demo.run("Remove-UnifiedGroupLinks -Identity Marketing -LinkType Members -Links terrya -Confirm:$false");
        assertTrue(ownerFirst.errors().get(0).endsWith("'terrya' is an owner of 'Marketing': remove it with -LinkType Owners before"
                + " removing it from the members."), ownerFirst.errors().toString());
        demo.ok("Remove-UnifiedGroupLinks -Identity Marketing -LinkType Owners -Links terrya -Confirm:$false");
        demo.ok("Remove-UnifiedGroupLinks -Identity Marketing -LinkType Members -Links terrya,jimh -Confirm:$false");
        assertFalse(demo.get("Marketing").members().contains(demo.get("terrya").id()));

        ShellResult again = demo.run("Remove-UnifiedGroupLinks -Identity Marketing -LinkType Members -Links jimh -Confirm:$false");
        assertEquals(List.of("WARNING: The command completed successfully but no settings of 'Marketing' have been modified."), again.warnings());
    }

    @Test
    void groupsAreNotMembersAndGuestsAreNotOwners() {
        ShellResult group = demo.run("Add-UnifiedGroupLinks -Identity Marketing -LinkType Members -Links Helpdesk");
        assertTrue(group.errors().get(0).endsWith("'Helpdesk' can't be added to Members: a Microsoft 365 Group's members are users"
                + " ([UserMailbox, LinkedMailbox, MailUser]), not a MailUniversalSecurityGroup."), group.errors().toString());
        ShellResult guest = demo.run("Add-UnifiedGroupLinks -Identity Marketing -LinkType Owners -Links leeg");
        assertTrue(guest.errors().get(0).endsWith("'leeg' can't be added to Owners: guest users can never be owners of a group."),
                guest.errors().toString());
        ShellResult nested = demo.run("Add-DistributionGroupMember -Identity sales -Member Marketing");
        assertTrue(nested.errors().get(0).contains("Microsoft 365 Groups can't be nested in other groups"), nested.errors().toString());
        ShellResult subscribers = demo.run("Add-UnifiedGroupLinks -Identity Marketing -LinkType Subscribers -Links raymonds");
        assertTrue(subscribers.errors().get(0).endsWith("Behalf simulates Members and Owners only; -LinkType Subscribers isn't supported."));
        ShellResult bad = demo.run("Get-UnifiedGroupLinks -Identity Marketing -LinkType Member");
        assertTrue(bad.errors().get(0).contains("Specify one of the following enumerator names and try again: Members, Owners,"
                + " Subscribers, Aggregators"), bad.errors().toString());
    }

    @Test
    void sendOnBehalfThroughSetUnifiedGroupWithAddAndRemove() {
        newFalcon();
        demo.ok("Set-UnifiedGroup -Identity falcon -GrantSendOnBehalfTo @{Add=\"karent\",\"hollyh\"}");
        assertEquals(Outcome.SendOnBehalf, demo.decide("karent", "falcon@contoso.com").outcome());
        assertEquals(Outcome.SendOnBehalf, demo.decide("hollyh", "falcon@contoso.com").outcome());
        demo.ok("Set-UnifiedGroup falcon -GrantSendOnBehalfTo @{Remove=\"hollyh\"}");
        assertEquals(Outcome.Denied, demo.decide("hollyh", "falcon@contoso.com").outcome());
        demo.ok("Set-UnifiedGroup falcon -GrantSendOnBehalfTo $null");
        assertEquals(Outcome.Denied, demo.decide("karent", "falcon@contoso.com").outcome());
    }

    @Test
    void sendAsThroughAddRecipientPermissionWinsOverSendOnBehalf() {
        demo.ok("Add-RecipientPermission -Identity Marketing -Trustee raymonds -AccessRights SendAs -Confirm:$false");
        Decision d = demo.decide("raymonds", "marketing@contoso.com");
        assertEquals(Outcome.SendAs, d.outcome(), "Raymond Sam holds both: Send As is used");
        String perms = demo.ok("Get-RecipientPermission -Identity Marketing");
        assertTrue(perms.contains("CONTOSO\\raymonds") && perms.contains("CONTOSO\\estherv"), perms);
    }

    @Test
    void membershipAloneIsNoRight() {
        Decision owner = demo.decide("felipea", "marketing@contoso.com");
        assertEquals(Outcome.Denied, owner.outcome());
        assertEquals(Because.Reason.NO_RIGHT, owner.because().reason());
        assertEquals(Because.Reason.NO_RIGHT, demo.decide("leeg", "marketing@contoso.com").because().reason());
    }

    @Test
    void delegatesOfAGroupAreMailboxUsersOnly() {
        ShellResult group = demo.run("Set-UnifiedGroup -Identity Marketing -GrantSendOnBehalfTo @{Add=\"tempassistants\"}");
        assertTrue(group.errors().get(0).endsWith("Can't grant Send on Behalf on 'Marketing' (GroupMailbox) to 'tempassistants'"
                + " (MailUniversalSecurityGroup): Send on Behalf on a GroupMailbox can't be granted to a MailUniversalSecurityGroup in the"
                + " Shell; delegates allowed there: UserMailbox, LinkedMailbox."), group.errors().toString());
        ShellResult guest = demo.run("Add-RecipientPermission -Identity Marketing -Trustee leeg -AccessRights SendAs -Confirm:$false");
        assertTrue(guest.errors().get(0).contains("Send As on a GroupMailbox can't be granted to a MailUser in the Shell"), guest.errors().toString());
        ShellResult fullAccess = demo.run("Add-MailboxPermission -Identity Marketing -User raymonds -AccessRights FullAccess");
        assertFalse(fullAccess.ok(), "Full Access is not granted on a group mailbox");
        assertEquals(demo.get("Marketing"), demo.directory().require(demo.get("Marketing").id()));
        assertTrue(demo.journal.isEmpty(), "nothing was changed");
    }

    @Test
    void unknownGroupsGetExchangesNotFoundAndWrongKindsAreNotFoundToo() {
        ShellResult r = demo.run("Set-UnifiedGroup -Identity Marketting -GrantSendOnBehalfTo jimh");
        assertTrue(r.errors().get(0).endsWith("The operation couldn't be performed because object 'Marketting' couldn't be found on '"
                + demo.directory().organization().domainController() + "'."), r.errors().toString());
        assertFalse(demo.run("Get-UnifiedGroup sales").ok(), "a distribution group isn't a Microsoft 365 Group");
        assertTrue(demo.run("Get-UnifiedGroupLink -Identity Marketing -LinkType Owners").errors().get(0)
                .contains("Did you mean 'Get-UnifiedGroupLinks'?"));
    }

    @Test
    void removeUnifiedGroupTakesItsGrantsAndMembershipsWithIt() {
        demo.ok("Remove-UnifiedGroup -Identity Marketing -Confirm:$false");
        assertTrue(demo.run("Get-UnifiedGroup Marketing").errors().get(0).contains("couldn't be found"));
        assertTrue(demo.directory().byAddress(dev.behalf.policy.directory.SmtpAddress.parse("marketing@contoso.com")).isEmpty());
        assertEquals(Because.Reason.UNKNOWN_FROM, demo.decide("raymonds", "marketing@contoso.com").because().reason());
    }
}
