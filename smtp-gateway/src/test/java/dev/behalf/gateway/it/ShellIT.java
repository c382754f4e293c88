package dev.behalf.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.fixtures.JakartaMail;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.policy.seed.Cast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every command of spec §9, verbatim, through {@code POST /api/shell} of a live server, with its
 * effect checked where a user would see it: the next SMTP submission or IMAP sign-in.
 */
class ShellIT {
    private static final String PW = Cast.PASSWORD;

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private JsonNode ok(String command) {
        Http.Reply r = Http.shell(behalf.httpPort(), command);
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.json().get("errors").size(), r.body());
        return r.json();
    }

    private void accepted(String account, String from, String to, String subject, String outcome) throws Exception {
        JakartaMail.send(behalf.session(account), from, to, subject);
        DecisionRecord d = behalf.lastDecision().orElseThrow();
        assertEquals(outcome, d.outcome(), String.join("; ", d.because()));
    }

    private void refused(String account, String from) {
        behalf.assertRefused(() -> JakartaMail.send(behalf.session(account), from, "terrya@contoso.com", "refused"));
    }

    @Test
    void addMailboxPermissionLetsRaymondOpenTerrysMailbox() throws Exception {
        assertFalse(Imap.canSignIn(behalf.imapPort(), "raymonds@contoso.com\\terrya@contoso.com", PW));
        ok("Add-MailboxPermission -Identity \"Terry Adams\" -User raymonds -AccessRights FullAccess -InheritanceType All");
        assertTrue(Imap.folders(behalf.imapPort(), "raymonds@contoso.com\\Terry Adams", PW).contains("Sent Items"));
        refused("raymonds", "terrya@contoso.com");
    }

    @Test
    void fullAccessOnTheHiddenDiscoveryMailboxStillDoesNotOpenIt() throws Exception {
        ok("Add-MailboxPermission -Identity \"DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}\" -User estherv "
                + "-AccessRights FullAccess -InheritanceType All -AutoMapping $false");
        assertFalse(Imap.canSignIn(behalf.imapPort(),
                "estherv\\DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}", PW));
    }

    @Test
    void fullAccessForTheHelpdeskGroupOpensHelpdeskTicketsForItsMembers() throws Exception {
        ok("Add-MailboxPermission -Identity \"Helpdesk Tickets\" -User Helpdesk -AccessRights FullAccess -InheritanceType All");
        assertTrue(Imap.canSignIn(behalf.imapPort(), "ayla@contoso.com\\helpdesktickets@contoso.com", PW));
        assertTrue(Imap.canSignIn(behalf.imapPort(), "jimh\\Helpdesk Tickets", PW));
        assertFalse(Imap.canSignIn(behalf.imapPort(), "terrya\\Helpdesk Tickets", PW));
        String table = ok("Get-MailboxPermission \"Helpdesk Tickets\" | where {$_.AccessRights -like 'Full*'} | "
                + "Format-Table -Auto User,Deny,IsInherited,AccessRights").get("output").asText();
        assertTrue(table.contains("CONTOSO\\Helpdesk") && table.contains("{FullAccess}"), table);
    }

    @Test
    void removeMailboxPermissionEndsJimsAccessToAylasMailboxAtTheNextSignIn() throws Exception {
        assertTrue(Imap.canSignIn(behalf.imapPort(), "jimh\\ayla", PW));
        ok("Remove-MailboxPermission -Identity ayla -User \"Jim Hance\" -AccessRights FullAccess -InheritanceType All");
        assertFalse(Imap.canSignIn(behalf.imapPort(), "jimh\\ayla", PW));
    }

    @Test
    void getRecipientPrintsNameAndDistinguishedName() {
        String out = ok("Get-Recipient -Identity helpdesk@contoso.com | Format-List Name,DistinguishedName").get("output").asText();
        assertTrue(out.contains("Name              : Helpdesk"), out);
        assertTrue(out.contains("DistinguishedName : CN=Helpdesk,CN=Users,DC=contoso,DC=com"), out);
    }

    @Test
    void addAdPermissionLetsHelpdeskMembersSendAsHelpdeskSupportTeam() throws Exception {
        refused("ayla", "helpdesksupport@contoso.com");
        ok("Add-ADPermission -Identity \"Helpdesk Support Team\" -User Helpdesk -ExtendedRights \"Send As\"");
        accepted("ayla", "helpdesksupport@contoso.com", "jimh@contoso.com", "as helpdesk support", "SendAs");
        assertEquals("Helpdesk", behalf.lastDecision().orElseThrow().grants().get(0).viaGroups().get(0));
        behalf.assertSentAs(behalf.awaitMessage("jimh", "as helpdesk support"), "helpdesksupport");
        String out = ok("Get-ADPermission -Identity \"Helpdesk Support Team\" | where {$_.ExtendedRights -like 'Send*'} | "
                + "Format-Table -Auto User,Deny,ExtendedRights").get("output").asText();
        assertTrue(out.contains("CONTOSO\\Helpdesk"), out);
    }

    @Test
    void removeAdPermissionStopsPilarSendingAsJames() throws Exception {
        accepted("pilarp", "jamesa@contoso.com", "jimh@contoso.com", "before", "SendAs");
        ok("Remove-ADPermission -Identity \"James Alvord\" -User pilarp -ExtendedRights \"Send As\"");
        refused("pilarp", "jamesa@contoso.com");
        assertEquals(200, Http.shell(behalf.httpPort(), "Get-ADPermission -Identity \"Terry Adams\" | where {$_.ExtendedRights -like 'Send*'} | "
                + "Format-Table -Auto User,Deny,ExtendedRights").status());
    }

    @Test
    void addRecipientPermissionLetsPrinterSupportMembersSendAsTheSharedMailbox() throws Exception {
        refused("sarad", "contosoprintersupport@contoso.com");
        ok("Add-RecipientPermission -Identity \"Contoso Printer Support\" -Trustee \"Printer Support\" -AccessRights SendAs");
        accepted("jamesa", "contosoprintersupport@contoso.com", "jimh@contoso.com", "printers", "SendAs");
    }

    @Test
    void removeRecipientPermissionStopsKarenSendingAsYan() throws Exception {
        accepted("karent", "yanli@contoso.com", "jimh@contoso.com", "before", "SendAs");
        ok("Remove-RecipientPermission -Identity \"Yan Li\" -Trustee \"Karen Toh\" -AccessRights SendAs");
        refused("karent", "yanli@contoso.com");
        String out = ok("Get-RecipientPermission -Identity \"Help Desk\" -Trustee \"Ayla Kol\"").get("output").asText();
        assertTrue(out.contains("SendAs"), out);
    }

    @Test
    void setMailboxGrantSendOnBehalfToLetsHollySendOnBehalfOfSean() throws Exception {
        refused("hollyh", "seanc@contoso.com");
        ok("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        JakartaMail.send(behalf.session("hollyh"), "seanc@contoso.com", "jimh@contoso.com", "on behalf of sean");
        behalf.assertSentOnBehalf(behalf.awaitMessage("jimh", "on behalf of sean"), "hollyh", "seanc");
    }

    @Test
    void addingTempassistantsLetsItsMembersSendOnBehalfOfContosoExecutives() throws Exception {
        refused("kevink", "executives@contoso.com");
        ok("Set-Mailbox \"Contoso Executives\" -GrantSendOnBehalfTo @{Add=\"tempassistants@contoso.com\"}");
        JakartaMail.send(behalf.session("kevink"), "executives@contoso.com", "jimh@contoso.com", "from the executives");
        behalf.assertSentOnBehalf(behalf.awaitMessage("jimh", "from the executives"), "kevink", "executives");
        assertEquals("tempassistants", behalf.lastDecision().orElseThrow().grants().get(0).viaGroups().get(0));
        String out = ok("Get-Mailbox -Identity \"Contoso Executives\" | Format-List GrantSendOnBehalfTo").get("output").asText();
        assertTrue(out.contains("tempassistants"), out);
    }

    @Test
    void setDistributionGroupLetsSaraSendOnBehalfOfPrinterSupport() throws Exception {
        ok("Set-DistributionGroup -Identity printersupport@contoso.com -GrantSendOnBehalfTo sarad");
        JakartaMail.send(behalf.session("sarad"), "printersupport@contoso.com", "printersupport@contoso.com", "toner");
        behalf.assertSentOnBehalf(behalf.awaitMessage("jamesa", "toner"), "sarad", "printersupport");
    }

    @Test
    void removingAdministratorFromAllEmployeesStopsItSendingOnBehalf() throws Exception {
        accepted("administrator", "allemployees@contoso.com", "jimh@contoso.com", "before", "SendOnBehalf");
        ok("Set-DynamicDistributionGroup \"All Employees\" -GrantSendOnBehalfTo @{Remove=\"Administrator\"}");
        refused("administrator", "allemployees@contoso.com");
    }

    @Test
    void aFailingCommandAnswers422WithThePreciseErrorAndChangesNothing() {
        long version = behalf.server().directory().current().version();
        Http.Reply r = Http.shell(behalf.httpPort(), "Add-MailboxPermission -Identity \"Terry Adams\" -User nobody -AccessRights FullAccess");
        assertEquals(422, r.status(), r.body());
        assertTrue(r.json().get("errors").get(0).asText().contains("couldn't be found on 'DC1.contoso.com'"), r.body());
        assertEquals(version, behalf.server().directory().current().version());
    }

    @Test
    void addingAnExistingEntryWarnsAndChangesNothing() {
        JsonNode r = ok("Add-MailboxPermission -Identity ayla -User jimh -AccessRights FullAccess");
        assertTrue(r.get("warnings").get(0).asText().contains("The appropriate access control entry is already present on the object"), r.toString());
    }

    @Test
    void theCommandLineShellRunsOneCommandAndExitsOneOnError() {
        String jar = java.nio.file.Path.of("target", "behalf.jar").toAbsolutePath().toString();
        String server = "http://127.0.0.1:" + behalf.httpPort();
        Processes.Result good = Processes.run("java", "-jar", jar, "shell", "--server", server, "-c",
                "Get-Mailbox -Identity \"Contoso Executives\" | Format-List Name");
        assertEquals(0, good.exitCode(), good.output());
        assertTrue(good.output().contains("Contoso Executives"), good.output());
        Processes.Result bad = Processes.run("java", "-jar", jar, "shell", "--server", server, "-c", "Get-Mailbox -Identity nobody");
        assertEquals(1, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("couldn't be found"), bad.output());
    }
}
