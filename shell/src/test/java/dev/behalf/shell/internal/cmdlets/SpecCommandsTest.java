package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.shell.DemoShell;
import dev.behalf.shell.ShellResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command of spec §9, verbatim, against the demo directory, with its documented effect. */
class SpecCommandsTest {
    private final DemoShell demo = new DemoShell();

    @Test
    void fullAccessForRaymondOnTerryAdamsOpensTheMailboxButDoesNotSend() {
        demo.ok("Add-MailboxPermission -Identity \"Terry Adams\" -User raymonds -AccessRights FullAccess -InheritanceType All");

        assertEquals(List.of(new FullAccessEntry(demo.get("raymonds").id(), AccessControl.Allow, InheritanceType.All, true)),
                demo.get("Terry Adams").fullAccess());
        MailboxAccess.Grant grant = demo.canOpen("raymonds", "terrya").orElseThrow();
        assertTrue(grant.autoMapped());
        Decision d = demo.decide("raymonds", "terrya@contoso.com");
        assertEquals(Outcome.Denied, d.outcome());
        assertEquals(Because.Reason.FULL_ACCESS_ONLY, d.because().reason());
    }

    @Test
    void fullAccessOnTheDiscoveryMailboxIsStoredWithoutAutoMappingButTheHiddenMailboxStaysClosed() {
        demo.ok("Add-MailboxPermission -Identity \"DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}\" -User estherv"
                + " -AccessRights FullAccess -InheritanceType All -AutoMapping $false");

        FullAccessEntry entry = demo.get("DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}").fullAccess().get(0);
        assertEquals(demo.get("estherv").id(), entry.trustee());
        assertFalse(entry.autoMapping());
        // Seed: a delegate can't open a mailbox hidden from address lists.
        assertTrue(demo.canOpen("estherv", "Discovery Search Mailbox").isEmpty());
    }

    @Test
    void fullAccessForTheHelpdeskGroupLetsItsMembersOpenHelpdeskTicketsWithoutAutoMapping() {
        demo.ok("Add-MailboxPermission -Identity \"Helpdesk Tickets\" -User Helpdesk -AccessRights FullAccess -InheritanceType All");

        MailboxAccess.Grant grant = demo.canOpen("Ayla Kol", "Helpdesk Tickets").orElseThrow();
        assertEquals(List.of("Helpdesk"), grant.viaGroup());
        assertFalse(grant.autoMapped());
        assertTrue(demo.canOpen("Raymond Sam", "Helpdesk Tickets").isEmpty());
    }

    @Test
    void removingJimHancesFullAccessClosesAylasMailboxToHim() {
        assertTrue(demo.canOpen("Jim Hance", "ayla").isPresent());

        demo.ok("Remove-MailboxPermission -Identity ayla -User \"Jim Hance\" -AccessRights FullAccess -InheritanceType All");

        assertTrue(demo.get("ayla").fullAccess().isEmpty());
        assertTrue(demo.canOpen("Jim Hance", "ayla").isEmpty());
    }

    @Test
    void getMailboxPermissionFilteredToFullAccessShowsSelfAndTheHelpdeskGroup() {
        demo.ok("Add-MailboxPermission -Identity \"Helpdesk Tickets\" -User Helpdesk -AccessRights FullAccess -InheritanceType All");

        String out = demo.ok("Get-MailboxPermission \"Helpdesk Tickets\" | where {$_.AccessRights -like 'Full*'}"
                + " | Format-Table -Auto User,Deny,IsInherited,AccessRights");

        // The article's two entries, then the demo directory's app registration, which has Full Access here too.
        assertEquals("""

                User              Deny  IsInherited AccessRights
                ----              ----  ----------- ------------
                NT AUTHORITY\\SELF False False       {FullAccess, ReadPermission}
                CONTOSO\\Helpdesk  False False       {FullAccess}
                Contoso Mailer    False False       {FullAccess}

                """, out);
    }

    @Test
    void getRecipientByAddressListsNameAndDistinguishedName() {
        String out = demo.ok("Get-Recipient -Identity helpdesk@contoso.com | Format-List Name,DistinguishedName");

        assertEquals("""

                Name              : Helpdesk
                DistinguishedName : CN=Helpdesk,CN=Users,DC=contoso,DC=com

                """, out);
    }

    @Test
    void sendAsForTheHelpdeskGroupLetsAylaSendAsHelpdeskSupportViaTheGroup() {
        assertEquals(Outcome.Denied, demo.decide("Ayla Kol", "helpdesksupport@contoso.com").outcome());

        demo.ok("Add-ADPermission -Identity \"Helpdesk Support Team\" -User Helpdesk -ExtendedRights \"Send As\"");

        Decision d = demo.decide("Ayla Kol", "helpdesksupport@contoso.com");
        assertEquals(Outcome.SendAs, d.outcome());
        assertEquals(List.of("Helpdesk"), d.because().viaGroups());
    }

    @Test
    void removingPilarsSendAsOnJamesAlvordRefusesHerMail() {
        assertEquals(Outcome.SendAs, demo.decide("pilarp", "jamesa@contoso.com").outcome());

        demo.ok("Remove-ADPermission -Identity \"James Alvord\" -User pilarp -ExtendedRights \"Send As\"");

        assertTrue(demo.get("James Alvord").sendAs().isEmpty());
        assertEquals(Outcome.Denied, demo.decide("pilarp", "jamesa@contoso.com").outcome());
    }

    @Test
    void getAdPermissionFilteredToSendAsIsEmptyForTerryAdamsUntilSomeoneIsGrantedIt() {
        String command = "Get-ADPermission -Identity \"Terry Adams\" | where {$_.ExtendedRights -like 'Send*'}"
                + " | Format-Table -Auto User,Deny,ExtendedRights";
        assertEquals("", demo.ok(command));

        demo.ok("Add-ADPermission -Identity \"Terry Adams\" -User raymonds -ExtendedRights Send-As");

        assertEquals("""

                User             Deny  ExtendedRights
                ----             ----  --------------
                CONTOSO\\raymonds False {Send-As}

                """, demo.ok(command));
    }

    @Test
    void sendAsForPrinterSupportLetsItsMembersSendAsContosoPrinterSupport() {
        demo.ok("Add-RecipientPermission -Identity \"Contoso Printer Support\" -Trustee \"Printer Support\" -AccessRights SendAs");

        Decision d = demo.decide("Sara Davis", "contosoprintersupport@contoso.com");
        assertEquals(Outcome.SendAs, d.outcome());
        assertEquals(List.of("Printer Support"), d.because().viaGroups());
    }

    @Test
    void removingKarensSendAsOnYanLiRefusesHerMail() {
        assertEquals(Outcome.SendAs, demo.decide("Karen Toh", "yanli@contoso.com").outcome());

        demo.ok("Remove-RecipientPermission -Identity \"Yan Li\" -Trustee \"Karen Toh\" -AccessRights SendAs");

        assertEquals(Outcome.Denied, demo.decide("Karen Toh", "yanli@contoso.com").outcome());
    }

    @Test
    void getRecipientPermissionShowsAylasSendAsOnHelpDesk() {
        String out = demo.ok("Get-RecipientPermission -Identity \"Help Desk\" -Trustee \"Ayla Kol\"");

        assertEquals("""

                Identity                    Trustee      AccessControlType AccessRights Inherited
                --------                    -------      ----------------- ------------ ---------
                contoso.com/Users/Help Desk CONTOSO\\ayla Allow             {SendAs}     False

                """, out);
    }

    @Test
    void grantSendOnBehalfToHollyOnSeanLetsHerSendOnHisBehalf() {
        demo.ok("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");

        assertEquals(List.of(demo.get("hollyh").id()), demo.get("Sean Chai").grantSendOnBehalfTo());
        assertEquals(Outcome.SendOnBehalf, demo.decide("Holly Holt", "seanc@contoso.com").outcome());
    }

    @Test
    void addingTempAssistantsToContosoExecutivesLetsItsMembersSendOnBehalf() {
        demo.ok("Set-Mailbox \"Contoso Executives\" -GrantSendOnBehalfTo @{Add=\"tempassistants@contoso.com\"}");

        Decision d = demo.decide("Kevin Kelly", "executives@contoso.com");
        assertEquals(Outcome.SendOnBehalf, d.outcome());
        assertEquals(List.of("tempassistants"), d.because().viaGroups());
    }

    @Test
    void grantSendOnBehalfToSaraOnPrinterSupportLetsHerSendOnTheGroupsBehalf() {
        demo.ok("Set-DistributionGroup -Identity printersupport@contoso.com -GrantSendOnBehalfTo sarad");

        assertEquals(Outcome.SendOnBehalf, demo.decide("sarad", "printersupport@contoso.com").outcome());
    }

    @Test
    void removingAdministratorFromAllEmployeesEndsHisSendOnBehalf() {
        assertEquals(Outcome.SendOnBehalf, demo.decide("Administrator", "allemployees@contoso.com").outcome());

        demo.ok("Set-DynamicDistributionGroup \"All Employees\" -GrantSendOnBehalfTo @{Remove=\"Administrator\"}");

        assertTrue(demo.get("All Employees").grantSendOnBehalfTo().isEmpty());
        assertEquals(Outcome.Denied, demo.decide("Administrator", "allemployees@contoso.com").outcome());
    }

    @Test
    void getMailboxFormatListShowsTheDelegatesOfContosoExecutives() {
        demo.ok("Set-Mailbox \"Contoso Executives\" -GrantSendOnBehalfTo @{Add=\"tempassistants@contoso.com\"}");

        String out = demo.ok("Get-Mailbox -Identity \"Contoso Executives\" | Format-List GrantSendOnBehalfTo");

        assertEquals("\nGrantSendOnBehalfTo : {contoso.com/Users/tempassistants}\n\n", out);
    }

    @Test
    void theWholeListRunsVerbatimAsOneTextWithOneJournaledChangeSetPerChangingLine() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/shell/spec-9-commands.ps1")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ShellResult r = demo.run(text);

        assertTrue(r.ok(), r.toString());
        assertEquals(List.of(), r.warnings());
        // 12 of the 17 lines change something; the five Get- lines journal nothing.
        assertEquals(12, demo.journal.size());
        assertEquals("Add-MailboxPermission -Identity \"Terry Adams\" -User raymonds -AccessRights FullAccess -InheritanceType All",
                demo.journal.get(0).origin());
        assertEquals(Outcome.SendAs, demo.decide("Ayla Kol", "helpdesksupport@contoso.com").outcome());
        assertTrue(r.output().contains("GrantSendOnBehalfTo : {contoso.com/Users/tempassistants}"));
    }
}
