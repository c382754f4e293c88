package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Secret;
import dev.behalf.policy.directory.SmtpAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInTest {
    private LiveDirectory live;
    private SignIn signIn;

    @BeforeEach
    void demo() {
        live = Demo.live();
        Recipient terry = Demo.recipient(live.current(), "terrya");
        // A proxy address and a UPN that differs from the primary address, so each login form is its own case.
        Demo.put(live, terry.toBuilder().emailAddresses(List.of(SmtpAddress.parse("terry.adams@contoso.com")))
                .userPrincipalName("tadams@corp.contoso.com").build(), "Set-Mailbox terrya");
        signIn = new SignIn(live::current);
    }

    private void opens(SignIn.Outcome outcome, String account, String mailbox) {
        SignIn.Opened opened = assertInstanceOf(SignIn.Opened.class, outcome, () -> "refused: " + outcome);
        assertEquals(account, opened.account().name());
        assertEquals(mailbox, opened.mailbox().name());
    }

    private static void refused(SignIn.Outcome outcome) {
        assertInstanceOf(SignIn.Refused.class, outcome);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tadams@corp.contoso.com", "terrya@contoso.com", "terry.adams@contoso.com", "terrya",
            "TerryA", "CONTOSO\\terrya", "contoso.com\\terrya"})
    void anOwnerSignsInByEveryLoginForm(String login) {
        opens(signIn.login(login, Demo.PASSWORD), "Terry Adams", "Terry Adams");
    }

    @Test
    void aLinkedMailboxOwnerSignsInWithTheForeignAccount() {
        opens(signIn.login("FABRIKAM\\patc", Demo.PASSWORD), "Pat Coleman", "Pat Coleman");
    }

    @Test
    void aWrongPasswordIsRefused() {
        refused(signIn.login("terrya", "p@ssw0rd"));
        refused(signIn.login("terrya", ""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"helpdesktickets", "confroom1", "projector1", "SM_2c9b1e5a7b0f4e1", "CONTOSO\\SM_7f3e0c2d1a9b4c8"})
    void accountsThatCannotSignInAreRefused(String login) {
        refused(signIn.login(login, Demo.PASSWORD));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"leeg", "buildsvc"})
    void accountsWithoutAStoreMailboxHaveNothingToOpen(String login) {
        refused(signIn.login(login, Demo.PASSWORD));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jimh\\ayla", "jimh@contoso.com\\Ayla Kol", "JIMH\\AYLA@CONTOSO.COM", "CONTOSO\\jimh\\ayla",
            "jimh\\CN=Ayla Kol,CN=Users,DC=contoso,DC=com", "jimh\\contoso.com/Users/Ayla Kol"})
    void aFullAccessDelegateOpensTheMailboxByAnyIdentityForm(String login) {
        opens(signIn.login(login, Demo.PASSWORD), "Jim Hance", "Ayla Kol");
    }

    @Test
    void aDelegateSignsInWithItsOwnPassword() {
        Recipient ayla = Demo.recipient(live.current(), "ayla");
        Demo.put(live, ayla.toBuilder().password(Secret.of("Ayla's own")).build(), "Set-Mailbox ayla");
        refused(signIn.login("jimh\\ayla", "Ayla's own"));
        opens(signIn.login("jimh\\ayla", Demo.PASSWORD), "Jim Hance", "Ayla Kol");
    }

    @Test
    void withoutAGrantTheDelegateIsRefused() {
        refused(signIn.login("terrya\\ayla", Demo.PASSWORD));
        refused(signIn.login("ayla\\jimh", Demo.PASSWORD));
        refused(signIn.login("nobody\\ayla", Demo.PASSWORD));
        refused(signIn.login("jimh\\nobody", Demo.PASSWORD));
        refused(signIn.login("jimh\\Helpdesk", Demo.PASSWORD));
    }

    @Test
    void aGrantToANestedGroupReachesItsMembers() {
        Demo.fullAccess(live, "Helpdesk Tickets", "Escalation", AccessControl.Allow);
        SignIn.Outcome ayla = signIn.login("ayla\\Helpdesk Tickets", Demo.PASSWORD);
        opens(ayla, "Ayla Kol", "Helpdesk Tickets");
        assertTrue(((SignIn.Opened) ayla).how().contains("Escalation"), ((SignIn.Opened) ayla).how());
        opens(signIn.login("sarad\\helpdesktickets@contoso.com", Demo.PASSWORD), "Sara Davis", "Helpdesk Tickets");
        refused(signIn.login("terrya\\Helpdesk Tickets", Demo.PASSWORD));
    }

    @Test
    void aDenyBeatsAnAllowThroughAGroup() {
        Demo.fullAccess(live, "Helpdesk Tickets", "Helpdesk", AccessControl.Allow);
        Demo.fullAccess(live, "Helpdesk Tickets", "Jim Hance", AccessControl.Deny);
        refused(signIn.login("jimh\\Helpdesk Tickets", Demo.PASSWORD));
        opens(signIn.login("ayla\\Helpdesk Tickets", Demo.PASSWORD), "Ayla Kol", "Helpdesk Tickets");
    }

    @Test
    void aMailboxHiddenFromAddressListsCannotBeOpened() {
        Demo.fullAccess(live, "DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}", "estherv", AccessControl.Allow);
        refused(signIn.login("estherv\\DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}", Demo.PASSWORD));
    }

    @Test
    void aRemovedGrantStopsWorkingAtTheNextSignIn() {
        opens(signIn.login("jimh\\ayla", Demo.PASSWORD), "Jim Hance", "Ayla Kol");
        Demo.removeFullAccess(live, "ayla", "Jim Hance");
        refused(signIn.login("jimh\\ayla", Demo.PASSWORD));
    }

    @Test
    void saslPlainWithoutAuthorizationIdentityOpensTheOwnMailbox() {
        opens(signIn.plain("", "ayla@contoso.com", Demo.PASSWORD), "Ayla Kol", "Ayla Kol");
        opens(signIn.plain("ayla@contoso.com", "ayla@contoso.com", Demo.PASSWORD), "Ayla Kol", "Ayla Kol");
        opens(signIn.plain("Ayla Kol", "ayla", Demo.PASSWORD), "Ayla Kol", "Ayla Kol");
        opens(signIn.plain("", "jimh\\ayla", Demo.PASSWORD), "Jim Hance", "Ayla Kol");
    }

    @Test
    void saslPlainWithAnAuthorizationIdentityActsAsADelegate() {
        opens(signIn.plain("ayla@contoso.com", "jimh@contoso.com", Demo.PASSWORD), "Jim Hance", "Ayla Kol");
        opens(signIn.plain("CN=Ayla Kol,CN=Users,DC=contoso,DC=com", "CONTOSO\\jimh", Demo.PASSWORD), "Jim Hance", "Ayla Kol");
        refused(signIn.plain("ayla", "jimh", "wrong"));
        refused(signIn.plain("ayla", "terrya", Demo.PASSWORD));
        refused(signIn.plain("nobody", "jimh", Demo.PASSWORD));
        refused(signIn.plain("ayla", "helpdesktickets", Demo.PASSWORD));
    }
}
