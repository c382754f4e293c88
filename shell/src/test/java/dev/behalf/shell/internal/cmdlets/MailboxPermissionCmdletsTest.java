package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.shell.DemoShell;
import dev.behalf.shell.ShellResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxPermissionCmdletsTest {
    private final DemoShell demo = new DemoShell();

    @Test
    void addingAnEntryThatExistsWarnsAndChangesNothing() {
        ShellResult r = demo.run("Add-MailboxPermission -Identity ayla -User jimh -AccessRights FullAccess");

        assertTrue(r.ok());
        assertEquals(List.of("WARNING: The appropriate access control entry is already present on the object \"ayla\" for account \"jimh\"."),
                r.warnings());
        assertEquals("", r.output());
        assertTrue(demo.journal.isEmpty());
    }

    @Test
    void reAddingWithAutoMappingOffKeepsTheAccessButStopsTheAutoMapping() {
        demo.ok("Add-MailboxPermission -Identity ayla -User jimh -AccessRights FullAccess -AutoMapping $false");

        assertEquals(List.of(new FullAccessEntry(demo.get("jimh").id(), AccessControl.Allow, InheritanceType.All, false)),
                demo.get("ayla").fullAccess());
        assertFalse(demo.canOpen("jimh", "ayla").orElseThrow().autoMapped());
    }

    @Test
    void aDenyEntryForTheGroupClosesTheMailboxToAMemberWithADirectGrant() {
        demo.ok("Add-MailboxPermission -Identity ayla -User Helpdesk -AccessRights FullAccess -Deny");

        assertEquals(AccessControl.Deny, demo.get("ayla").fullAccess().get(1).control());
        assertTrue(demo.canOpen("jimh", "ayla").isEmpty());
    }

    @Test
    void theShellAcceptsTrusteesTheAdminCenterDoesNot() {
        demo.ok("Add-MailboxPermission -Identity \"Terry Adams\" -User \"Build Service\" -AccessRights FullAccess");
        demo.ok("Add-MailboxPermission -Identity \"Terry Adams\" -User \"Legacy Admins\" -AccessRights FullAccess");

        assertTrue(demo.canOpen("Administrator", "Terry Adams").isPresent());
    }

    @Test
    void aDistributionGroupTrusteeIsRefusedNamingTheRightAndBothTypes() {
        ShellResult r = demo.run("Add-MailboxPermission -Identity \"Terry Adams\" -User \"Sales Team\" -AccessRights FullAccess");

        assertEquals(1, r.errors().size());
        String e = r.errors().get(0);
        assertTrue(e.startsWith("Can't grant Full Access on 'Terry Adams' (UserMailbox) to 'Sales Team' (MailUniversalDistributionGroup): "
                + "Full Access on a UserMailbox can't be granted to a MailUniversalDistributionGroup in the Shell;"), e);
        assertTrue(demo.get("Terry Adams").fullAccess().isEmpty());
    }

    @Test
    void aGroupTargetIsRefusedNamingTheRightAndBothTypes() {
        ShellResult r = demo.run("Add-MailboxPermission -Identity Helpdesk -User raymonds -AccessRights FullAccess");

        assertTrue(r.errors().get(0).startsWith("Can't grant Full Access on 'Helpdesk' (MailUniversalSecurityGroup) to 'Raymond Sam'"
                + " (UserMailbox): Full Access can't be granted on a MailUniversalSecurityGroup"), r.errors().get(0));
    }

    @Test
    void accessRightsOutsideTheModelAreRefusedAtTheArgument() {
        ShellResult unknown = demo.run("Add-MailboxPermission ayla -User raymonds -AccessRights FullAcces");
        assertEquals("""
                At line:1 char:57
                + Add-MailboxPermission ayla -User raymonds -AccessRights FullAcces
                +                                                         ~~~~~~~~~
                Cannot process argument transformation on parameter 'AccessRights'. Cannot convert value "FullAcces" to type\
                 "Microsoft.Exchange.Management.RecipientTasks.MailboxRights[]". Error: "Unable to match the identifier name FullAcces\
                 to a valid enumerator name. Specify one of the following enumerator names and try again: ChangeOwner,\
                 ChangePermission, DeleteItem, ExternalAccount, FullAccess, ReadPermission, SendAs\"""", unknown.errors().get(0));

        ShellResult unsupported = demo.run("Add-MailboxPermission ayla -User raymonds -AccessRights FullAccess,ReadPermission");
        assertTrue(unsupported.errors().get(0).endsWith("Behalf simulates FullAccess only; -AccessRights ReadPermission isn't supported."));
    }

    @Test
    void anUnknownInheritanceTypeListsTheValidOnes() {
        ShellResult r = demo.run("Add-MailboxPermission ayla -User raymonds -AccessRights FullAccess -InheritanceType Everything");
        assertTrue(r.errors().get(0).endsWith("Specify one of the following enumerator names and try again:"
                + " None, All, Descendents, SelfAndChildren, Children"), r.errors().get(0));
    }

    @Test
    void removeWarnsWhenTheAceDoesNotExist() {
        ShellResult r = demo.run("Remove-MailboxPermission -Identity \"Terry Adams\" -User raymonds -AccessRights FullAccess");

        assertEquals(List.of("WARNING: Can't remove the access control entry on the object \"Terry Adams\" for account \"raymonds\""
                + " because the ACE doesn't exist on the object."), r.warnings());
    }

    @Test
    void removeOnlyRemovesTheEntryOfTheGivenInheritanceAndControl() {
        ShellResult r = demo.run("Remove-MailboxPermission ayla -User jimh -AccessRights FullAccess -InheritanceType None");
        assertEquals(1, r.warnings().size());
        r = demo.run("Remove-MailboxPermission ayla -User jimh -AccessRights FullAccess -Deny");
        assertEquals(1, r.warnings().size());
        assertEquals(1, demo.get("ayla").fullAccess().size());
    }

    @Test
    void removeAsksForConfirmationAndANoKeepsTheEntry() {
        List<String> prompts = new ArrayList<>();
        ShellResult r = demo.shell.run("Remove-MailboxPermission -Identity ayla -User \"Jim Hance\" -AccessRights FullAccess",
                prompt -> prompts.add(prompt) && false);

        assertTrue(r.ok());
        assertEquals(List.of("Are you sure you want to perform this action?\nRemoving mailbox permission \"ayla\" for user"
                + " \"Jim Hance\" with access rights \"'FullAccess'\"."), prompts);
        assertEquals(1, demo.get("ayla").fullAccess().size());
    }

    @Test
    void confirmFalseRemovesWithoutAsking() {
        demo.shell.run("Remove-MailboxPermission ayla -User jimh -AccessRights FullAccess -Confirm:$false", prompt -> {
            throw new AssertionError("asked: " + prompt);
        });

        assertTrue(demo.get("ayla").fullAccess().isEmpty());
    }

    @Test
    void getListsSelfFirstThenEveryEntryAndFiltersByUser() {
        demo.ok("Add-MailboxPermission ayla -User raymonds -AccessRights FullAccess -Deny");

        assertEquals("""

                Identity                   User              AccessRights                 IsInherited Deny
                --------                   ----              ------------                 ----------- ----
                contoso.com/Users/Ayla Kol NT AUTHORITY\\SELF {FullAccess, ReadPermission} False       False
                contoso.com/Users/Ayla Kol CONTOSO\\jimh      {FullAccess}                 False       False
                contoso.com/Users/Ayla Kol CONTOSO\\raymonds  {FullAccess}                 False       True

                """, demo.ok("Get-MailboxPermission ayla"));
        assertEquals(1, demo.ok("Get-MailboxPermission ayla -User \"Raymond Sam\" | fl User").lines().filter(l -> l.startsWith("User")).count());
    }

    @Test
    void getOnAGroupIsNotFoundAsInExchange() {
        assertEquals(List.of("The operation couldn't be performed because object 'Helpdesk' couldn't be found on 'DC1.contoso.com'."),
                demo.run("Get-MailboxPermission Helpdesk").errors());
    }

    @Test
    void permissionsPipedFromGetAreRemovedEntryByEntry() {
        demo.ok("Get-MailboxPermission ayla -User jimh | Remove-MailboxPermission -Confirm:$false");

        assertTrue(demo.get("ayla").fullAccess().isEmpty());
    }

    @Test
    void mailboxesPipedFromGetMailboxEachGetTheGrant() {
        demo.ok("Get-Mailbox -RecipientTypeDetails SharedMailbox | Add-MailboxPermission -User Helpdesk -AccessRights FullAccess");

        assertTrue(demo.canOpen("Ayla Kol", "Contoso Executives").isPresent());
        assertTrue(demo.canOpen("Ayla Kol", "Help Desk").isPresent());
        assertEquals(1, demo.journal.size());
    }

    @Test
    void whatIfSaysWhatWouldHappenAndChangesNothing() {
        ShellResult r = demo.run("Add-MailboxPermission ayla -User raymonds -AccessRights FullAccess -WhatIf");

        assertEquals("What if: Adding mailbox permission \"ayla\" for user \"raymonds\" with access rights \"'FullAccess'\".\n", r.output());
        assertTrue(demo.canOpen("raymonds", "ayla").isEmpty());
    }
}
