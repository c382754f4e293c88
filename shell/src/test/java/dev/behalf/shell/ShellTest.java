package dev.behalf.shell;

import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.identity.Resolution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The execution model: one atomic, journaled change set per command line; parse first; prompts. */
class ShellTest {
    private final DemoShell demo = new DemoShell();

    @Test
    void aLineThatFailsHalfwayChangesNothing() {
        ShellResult r = demo.run("Get-Recipient -RecipientTypeDetails SharedMailbox,MailUniversalSecurityGroup"
                + " | Set-Mailbox -HiddenFromAddressListsEnabled $true");

        assertEquals(List.of("The operation couldn't be performed because object 'contoso.com/Users/Helpdesk' couldn't be found on"
                + " 'DC1.contoso.com'."), r.errors());
        assertFalse(demo.get("Contoso Executives").hiddenFromAddressLists());
        assertTrue(demo.journal.isEmpty());
    }

    @Test
    void theLinesAfterAFailingLineStillRun() {
        ShellResult r = demo.run("Set-Mailbox nobody -GrantSendOnBehalfTo hollyh\nSet-Mailbox seanc -GrantSendOnBehalfTo hollyh");

        assertEquals(1, r.errors().size());
        assertFalse(r.ok());
        assertEquals(List.of(demo.get("hollyh").id()), demo.get("seanc").grantSendOnBehalfTo());
    }

    @Test
    void propagationDelayHoldsTheLinesGrantChangesBackAndTheJournalSaysUntilWhen() {
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh -PropagationDelay 00:02:00");

        assertEquals(List.of(demo.get("hollyh").id()), demo.get("seanc").grantSendOnBehalfTo(), "written at once");
        assertEquals(1, demo.live.pending().size());
        assertTrue(demo.journal.get(0).inForceAt().isPresent());
        assertEquals(List.of(), demo.live.inForce().require(demo.get("seanc").id()).grantSendOnBehalfTo(), "not yet in force");
    }

    @Test
    void aPropagationDelayThatIsNotOneIsRefusedAndChangesNothing() {
        ShellResult r = demo.run("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh -PropagationDelay soon");

        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).contains("Cannot bind parameter 'PropagationDelay': 'soon' is not a delay; write 0, 30s, 2m, 1h, 1d"
                + " or a TimeSpan such as 00:02:00"), r.errors().get(0));
        assertTrue(demo.journal.isEmpty());
    }

    @Test
    void aSyntaxErrorAnywhereRunsNothing() {
        ShellResult r = demo.run("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh\nSet-Mailbox seanc -GrantSendOnBehalfTo @{Add=");

        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).startsWith("At line:2 char:"), r.errors().get(0));
        assertEquals(List.of(), demo.get("seanc").grantSendOnBehalfTo());
    }

    @Test
    void eachChangingLineIsOneChangeSetWhoseOriginIsTheLine() {
        demo.run("Add-MailboxPermission terrya -User raymonds -AccessRights FullAccess; Get-Mailbox terrya\n"
                + "  New-DistributionGroup x -Members a`yla   # a comment\n");

        assertEquals(List.of("Add-MailboxPermission terrya -User raymonds -AccessRights FullAccess",
                "New-DistributionGroup x -Members a`yla"), demo.journal.stream().map(c -> c.origin()).toList());
        DirectoryChange.Put put = assertInstanceOf(DirectoryChange.Put.class, demo.journal.get(0).changes().get(0));
        assertEquals("Terry Adams", put.recipient().name());
    }

    @Test
    void whatIfRemovesNothingAndAsksNothing() {
        ShellResult r = demo.shell.run("Remove-Mailbox \"Jim Hance\" -WhatIf", p -> {
            throw new AssertionError(p);
        });

        assertEquals("What if: Removing the mailbox \"Jim Hance\" will remove the Active Directory user object and mark the mailbox"
                + " and the archive (if present) in the database for removal.\n", r.output());
        assertInstanceOf(Resolution.Found.class, demo.directory().resolve("Jim Hance"));
    }

    @Test
    void confirmMakesAnyChangingCmdletAsk() {
        List<String> prompts = new ArrayList<>();
        demo.shell.run("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh -Confirm", p -> prompts.add(p) && false);

        assertEquals(List.of("Are you sure you want to perform this action?\nSetting mailbox \"seanc\"."), prompts);
        assertEquals(List.of(), demo.get("seanc").grantSendOnBehalfTo());
    }

    @Test
    void powerShellsCommonParameterAliasesWork() {
        ShellResult r = demo.run("Remove-Mailbox \"Jim Hance\" -wi; Remove-Mailbox \"Jim Hance\" -cf:$false");

        assertTrue(r.output().startsWith("What if: Removing the mailbox"), r.output());
        assertInstanceOf(Resolution.NotFound.class, demo.directory().resolve("Jim Hance"));
    }

    @Test
    void theNonInteractiveRunAnswersYes() {
        demo.run("Remove-Mailbox \"Jim Hance\"");

        assertInstanceOf(Resolution.NotFound.class, demo.directory().resolve("Jim Hance"));
    }

    @Test
    void missingMandatoryParametersAreNamedAtTheCmdlet() {
        assertEquals("""
                At line:1 char:1
                + Add-MailboxPermission -Identity ayla
                + ~~~~~~~~~~~~~~~~~~~~~
                Cannot process command because of one or more missing mandatory parameters: User AccessRights.\
                 Add-MailboxPermission needs -User, -AccessRights.""", demo.run("Add-MailboxPermission -Identity ayla").errors().get(0));
    }

    @Test
    void warningsAreKeptFromEveryLineWithTheirPrefix() {
        ShellResult r = demo.run("Set-Mailbox seanc -GrantSendOnBehalfTo $null\nRemove-ADPermission seanc -User hollyh -ExtendedRights Send-As");

        assertEquals(2, r.warnings().size());
        assertTrue(r.warnings().stream().allMatch(w -> w.startsWith("WARNING: ")));
        assertTrue(r.ok());
    }

    @Test
    void theCatalogListsEveryCmdletAndItsParameters() {
        List<String> names = Shell.cmdletNames();
        for (String c : List.of("Add-MailboxPermission", "Remove-MailboxPermission", "Get-MailboxPermission", "Add-ADPermission",
                "Remove-ADPermission", "Get-ADPermission", "Add-RecipientPermission", "Remove-RecipientPermission",
                "Get-RecipientPermission", "Set-Mailbox", "Set-DistributionGroup", "Set-DynamicDistributionGroup", "Get-Recipient",
                "Get-Mailbox", "Get-DistributionGroup", "Get-DynamicDistributionGroup", "Get-DistributionGroupMember", "Get-User",
                "New-Mailbox", "New-MailUser", "New-DistributionGroup", "Add-DistributionGroupMember", "Remove-DistributionGroupMember",
                "New-DynamicDistributionGroup", "Remove-Mailbox", "Remove-DistributionGroup", "ConvertTo-SecureString", "Where-Object",
                "Select-Object", "Format-Table", "Format-List", "New-UnifiedGroup", "Set-UnifiedGroup", "Get-UnifiedGroup",
                "Remove-UnifiedGroup", "Add-UnifiedGroupLinks", "Remove-UnifiedGroupLinks", "Get-UnifiedGroupLinks")) {
            assertTrue(names.contains(c), c);
        }
        assertEquals(List.of("Property", "AutoSize", "HideTableHeaders", "Wrap"), Shell.parameterNames("ft"));
        assertTrue(Shell.parameterNames("add-mailboxpermission").containsAll(List.of("Identity", "User", "AccessRights", "AutoMapping")));
        assertEquals(List.of(), Shell.parameterNames("Invoke-Magic"));
    }

    @Test
    void anEmptyTextDoesNothing() {
        ShellResult r = demo.run("   \n# nothing\n");

        assertEquals(new ShellResult("", List.of(), List.of()), r);
        assertTrue(r.ok());
    }
}
