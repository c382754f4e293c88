package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.shell.DemoShell;
import dev.behalf.shell.ShellResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An app's grants (the demo's Contoso Mailer has Full Access and Send As on Helpdesk Tickets) as the Shell shows and removes them. */
class ServicePrincipalCmdletsTest {
    private static final String MAILER = "Contoso Mailer";
    private final DemoShell demo = new DemoShell();

    private AppRegistration mailer() {
        return demo.directory().findApp(MAILER).orElseThrow();
    }

    @Test
    void getMailboxPermissionListsTheAppAfterTheUsers() {
        String out = demo.ok("Get-MailboxPermission -Identity helpdesktickets | Format-List User,AccessRights");

        assertTrue(out.contains("User         : " + MAILER), out);
        assertEquals("", demo.ok("Get-MailboxPermission -Identity terrya -User '" + MAILER + "'"), "no grant on Terry's mailbox");
        assertTrue(demo.ok("Get-MailboxPermission -Identity helpdesktickets -User " + mailer().appId()).contains(MAILER));
    }

    @Test
    void getRecipientPermissionListsTheAppsSendAs() {
        assertTrue(demo.ok("Get-RecipientPermission -Identity helpdesktickets").contains(MAILER));
        assertTrue(demo.ok("Get-RecipientPermission -Trustee '" + MAILER + "'").contains("Helpdesk Tickets"));
    }

    @Test
    void removeMailboxPermissionTakesTheMailboxOffTheAppsList() {
        demo.ok("Remove-MailboxPermission -Identity helpdesktickets -User '" + MAILER + "' -AccessRights FullAccess -Confirm:$false");

        assertEquals(List.of(), mailer().fullAccess());
        assertFalse(mailer().sendAs().isEmpty(), "Send As is another grant");
        assertEquals(1, demo.journal.size(), "journaled like every change");
        assertFalse(demo.ok("Get-MailboxPermission -Identity helpdesktickets").contains(MAILER));
    }

    @Test
    void removeRecipientPermissionTakesTheSendAsAway() {
        demo.ok("Remove-RecipientPermission -Identity helpdesktickets -Trustee " + mailer().objectId() + " -AccessRights SendAs -Confirm:$false");

        assertEquals(List.of(), mailer().sendAs());
        assertFalse(mailer().fullAccess().isEmpty());
    }

    @Test
    void removingWhatTheAppDoesNotHaveWarnsAndChangesNothing() {
        ShellResult r = demo.run("Remove-MailboxPermission -Identity terrya -User '" + MAILER + "' -AccessRights FullAccess -Confirm:$false");

        assertTrue(r.ok(), r.errors().toString());
        assertEquals(List.of("WARNING: Can't remove the access control entry on the object \"terrya\" for account \"" + MAILER
                + "\" because the ACE doesn't exist on the object."), r.warnings());
        assertTrue(demo.journal.isEmpty());
    }

    @Test
    void whatIfRemovesNothing() {
        demo.ok("Remove-RecipientPermission -Identity helpdesktickets -Trustee '" + MAILER + "' -AccessRights SendAs -WhatIf");

        assertEquals(1, mailer().sendAs().size());
        assertTrue(demo.journal.isEmpty());
    }
}
