package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.shell.DemoShell;
import dev.behalf.shell.ShellResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Send As through {@code *-ADPermission} and {@code *-RecipientPermission}: the same entries, two faces. */
class SendAsCmdletsTest {
    private final DemoShell demo = new DemoShell();

    @Test
    void sendAsMayBeWrittenWithItsCnAndWithAccessRightsExtendedRight() {
        demo.ok("Add-ADPermission -Identity \"Terry Adams\" -User raymonds -AccessRights ExtendedRight -ExtendedRights Send-As");
        demo.ok("Add-ADPermission -Identity \"Felipe Apodaca\" -User raymonds -ExtendedRights 'send as'");

        assertEquals(Outcome.SendAs, demo.decide("raymonds", "terrya@contoso.com").outcome());
        assertEquals(Outcome.SendAs, demo.decide("raymonds", "felipea@contoso.com").outcome());
    }

    @Test
    void addingSendAsThatExistsWarnsAndChangesNothing() {
        ShellResult r = demo.run("Add-ADPermission -Identity \"James Alvord\" -User pilarp -ExtendedRights \"Send As\"");

        assertEquals(List.of("WARNING: The appropriate access control entry is already present on the object \"James Alvord\""
                + " for account \"pilarp\"."), r.warnings());
        assertTrue(demo.journal.isEmpty());
    }

    @Test
    void otherExtendedRightsAndAccessRightsAreRefused() {
        assertTrue(demo.run("Add-ADPermission x -User y -ExtendedRights Receive-As").errors().get(0)
                .endsWith("Behalf simulates the Send As extended right only; write -ExtendedRights \"Send As\" (or Send-As), not 'Receive-As'."));
        assertTrue(demo.run("Add-ADPermission x -User y -AccessRights GenericAll -ExtendedRights Send-As").errors().get(0)
                .endsWith("Behalf simulates ExtendedRight only; -AccessRights GenericAll isn't supported."));
        assertTrue(demo.run("Add-ADPermission x -User y").errors().get(0)
                .endsWith("Behalf simulates the Send As extended right only: add -ExtendedRights \"Send As\"."));
    }

    @Test
    void aDenyForTheGroupBeatsTheAllowItsMemberHolds() {
        demo.ok("Add-ADPermission -Identity \"Help Desk\" -User Helpdesk -ExtendedRights \"Send As\" -Deny");

        Decision d = demo.decide("Ayla Kol", "helpdeskteam@contoso.com");
        assertEquals(Outcome.Denied, d.outcome());
        assertEquals(Because.Reason.EXPLICIT_DENY, d.because().reason());
    }

    @Test
    void sendAsOnAUserThatIsNotMailEnabledIsRefusedNamingTheTypes() {
        String e = demo.run("Add-ADPermission -Identity \"Build Service\" -User raymonds -ExtendedRights \"Send As\"").errors().get(0);
        assertTrue(e.startsWith("Can't grant Send As on 'Build Service' (User) to 'Raymond Sam' (UserMailbox): Send As can't be granted on a User"), e);
    }

    @Test
    void aDynamicGroupIsNeverATrustee() {
        String e = demo.run("Add-RecipientPermission \"Help Desk\" -Trustee \"All Employees\" -AccessRights SendAs").errors().get(0);
        assertTrue(e.contains("(DynamicDistributionGroup)") && e.contains("can't be granted to a DynamicDistributionGroup in the Shell"), e);
    }

    @Test
    void getAdPermissionShowsExchangesDefaultColumns() {
        assertEquals("""

                Identity                       User           Deny  Inherited Rights
                --------                       ----           ----  --------- ------
                contoso.com/Users/James Alvord CONTOSO\\pilarp False False     {Send-As}

                """, demo.ok("Get-ADPermission \"James Alvord\""));
    }

    @Test
    void getAdPermissionFiltersByUser() {
        assertEquals("", demo.ok("Get-ADPermission \"James Alvord\" -User raymonds"));
    }

    @Test
    void addRecipientPermissionAsksForConfirmationAndANoGrantsNothing() {
        List<String> prompts = new ArrayList<>();
        demo.shell.run("Add-RecipientPermission \"Contoso Printer Support\" -Trustee \"Printer Support\" -AccessRights SendAs",
                p -> prompts.add(p) && false);

        assertEquals(List.of("Are you sure you want to perform this action?\nAdding recipient permission 'SendAs' for user or group"
                + " 'Printer Support' on recipient 'Contoso Printer Support'."), prompts);
        assertTrue(demo.get("Contoso Printer Support").sendAs().isEmpty());
    }

    @Test
    void addRecipientPermissionWithConfirmFalseDoesNotAsk() {
        demo.shell.run("Add-RecipientPermission \"Contoso Printer Support\" -Trustee \"Printer Support\" -AccessRights SendAs -Confirm:$false",
                p -> {
                    throw new AssertionError(p);
                });

        assertEquals(List.of(SendAsEntry.allow(demo.get("Printer Support").id())), demo.get("Contoso Printer Support").sendAs());
    }

    @Test
    void recipientPermissionTakesSendAsOnly() {
        String e = demo.run("Add-RecipientPermission \"Help Desk\" -Trustee raymonds -AccessRights FullAccess").errors().get(0);
        assertTrue(e.contains("Unable to match the identifier name FullAccess to a valid enumerator name."
                + " Specify one of the following enumerator names and try again: SendAs"), e);
    }

    @Test
    void removeRecipientPermissionWarnsWhenTheAceDoesNotExist() {
        assertEquals(List.of("WARNING: Can't remove the access control entry on the object \"Help Desk\" for account \"raymonds\""
                        + " because the ACE doesn't exist on the object."),
                demo.run("Remove-RecipientPermission \"Help Desk\" -Trustee raymonds -AccessRights SendAs").warnings());
    }

    @Test
    void aDenyEntryIsRemovedWithDeny() {
        demo.ok("Add-RecipientPermission \"Help Desk\" -Trustee raymonds -AccessRights SendAs -Deny");
        assertEquals(AccessControl.Deny, demo.get("Help Desk").sendAs().get(1).control());

        demo.ok("Remove-RecipientPermission \"Help Desk\" -Trustee raymonds -AccessRights SendAs -Deny");

        assertEquals(1, demo.get("Help Desk").sendAs().size());
    }

    @Test
    void getRecipientPermissionWithoutIdentityListsEveryEntry() {
        String out = demo.ok("Get-RecipientPermission | ft Identity,Trustee -AutoSize");
        assertEquals("""

                Identity                           Trustee
                --------                           -------
                contoso.com/Users/James Alvord     CONTOSO\\pilarp
                contoso.com/Users/Yan Li           CONTOSO\\karent
                contoso.com/Users/Helpdesk Tickets Contoso Mailer
                contoso.com/Users/Help Desk        CONTOSO\\ayla
                contoso.com/Users/Marketing        CONTOSO\\estherv

                """, out);
    }

    @Test
    void bothFacesEditTheSameEntries() {
        demo.ok("Add-RecipientPermission \"Terry Adams\" -Trustee Helpdesk -AccessRights SendAs");

        assertEquals(List.of("CONTOSO\\Helpdesk"), demo.ok("Get-ADPermission \"Terry Adams\" | select -ExpandProperty User")
                .lines().toList());
        demo.ok("Remove-ADPermission \"Terry Adams\" -User CONTOSO\\Helpdesk -ExtendedRights Send-As");
        assertTrue(demo.get("Terry Adams").sendAs().isEmpty());
    }
}
