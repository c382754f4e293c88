package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.shell.DemoShell;
import dev.behalf.shell.ShellResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Get-*, New-*, Remove-* and group membership. */
class RecipientCmdletsTest {
    private static final String PASSWORD = "(ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force)";

    private final DemoShell demo = new DemoShell();

    private List<String> names(String command) {
        return demo.ok(command + " | select -ExpandProperty Name").lines().toList();
    }

    @Test
    void getMailboxShowsNameAliasDatabaseAndQuota() {
        assertEquals("""

                Name        Alias  Database            ProhibitSendQuota
                ----        -----  --------            -----------------
                Terry Adams terrya Mailbox Database 01 Unlimited

                """, demo.ok("Get-Mailbox terrya"));
    }

    @Test
    void getMailboxListsMailboxesButArbitrationOnlyOnRequest() {
        List<String> all = names("Get-Mailbox -ResultSize Unlimited");
        assertTrue(all.contains("Conference Room 1") && all.contains("DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}"));
        assertFalse(all.contains("Helpdesk") || all.contains("SystemMailbox{1f05a927-7709-4e35-9dbe-d0f608fb781a}"));
        assertEquals(List.of("SystemMailbox{1f05a927-7709-4e35-9dbe-d0f608fb781a}"), names("Get-Mailbox -Arbitration"));
    }

    @Test
    void getMailboxFiltersByRecipientTypeDetails() {
        assertEquals(List.of("Conference Room 1", "Projector 1"), names("Get-Mailbox -RecipientTypeDetails RoomMailbox,EquipmentMailbox"));
    }

    @Test
    void aWildcardIdentityMatchesNamesAliasesAndAddresses() {
        // Help Desk matches through its alias, helpdeskteam.
        assertEquals(List.of("Helpdesk Tickets", "Helpdesk Support Team", "Help Desk"), names("Get-Mailbox helpdesk*"));
        assertEquals(List.of("Sales Team"), names("Get-Recipient sales@*"));
        assertEquals(List.of("The operation couldn't be performed because object 'zz*' couldn't be found on 'DC1.contoso.com'."),
                demo.run("Get-Mailbox zz*").errors());
    }

    @Test
    void getRecipientShowsNameAndRecipientType() {
        assertEquals("""

                Name     RecipientType
                ----     -------------
                Helpdesk MailUniversalSecurityGroup

                """, demo.ok("Get-Recipient Helpdesk"));
    }

    @Test
    void anIdentityMatchingTwoObjectsIsAmbiguous() {
        demo.ok("New-Mailbox -Name \"Twin One\" -DisplayName Twin -Shared; New-Mailbox -Name \"Twin Two\" -DisplayName Twin -Shared");

        assertEquals(List.of("The operation couldn't be performed because 'Twin' matches multiple entries."),
                demo.run("Get-Recipient Twin").errors());
    }

    @Test
    void resultSizeLimitsTheListAndWarnsThatThereIsMore() {
        ShellResult r = demo.run("Get-User -ResultSize 2");

        assertEquals(2, r.output().lines().filter(l -> l.endsWith("UserMailbox")).count());
        assertEquals(List.of("WARNING: There are more results available than are currently displayed. To view them, increase the value"
                + " for the ResultSize parameter."), r.warnings());
    }

    @Test
    void getUserListsAccountsIncludingOnesThatAreNotMailEnabled() {
        assertEquals(List.of("Build Service"), names("Get-User -RecipientTypeDetails User"));
    }

    @Test
    void getDistributionGroupMemberListsTheDirectMembers() {
        assertEquals(List.of("Terry Adams", "Felipe Apodaca", "Lee Gu"), names("Get-DistributionGroupMember \"Sales Team\""));
    }

    @Test
    void newMailboxCreatesAUserWhoCanSignInWithThePassword() {
        String out = demo.ok("New-Mailbox -Name \"Chris Ashton\" -Alias chris -FirstName Chris -LastName Ashton"
                + " -UserPrincipalName chris@contoso.com -Password " + PASSWORD);

        assertTrue(out.contains("Chris Ashton chris"), out);
        Recipient chris = demo.directory().account("chris@contoso.com").orElseThrow();
        assertEquals(RecipientTypeDetails.UserMailbox, chris.type());
        assertTrue(chris.canSignIn());
        assertTrue(chris.account().flatMap(Account::password).orElseThrow().matches("P@ssw0rd1"));
        assertEquals("chris@contoso.com", chris.primarySmtpAddress().orElseThrow().toString());
    }

    @Test
    void newMailboxMakesSharedRoomAndEquipmentMailboxesWithoutPasswords() {
        demo.ok("New-Mailbox -Shared -Name \"Finance Team\" -PrimarySmtpAddress finance@contoso.com");
        demo.ok("New-Mailbox -Room -Name \"Room 2\"");
        demo.ok("New-Mailbox -Equipment \"Van 1\"");

        assertEquals(RecipientTypeDetails.SharedMailbox, demo.get("finance@contoso.com").type());
        assertEquals(RecipientTypeDetails.RoomMailbox, demo.get("Room 2").type());
        assertEquals(RecipientTypeDetails.EquipmentMailbox, demo.get("Van 1").type());
        assertFalse(demo.get("Van 1").canSignIn());
    }

    @Test
    void aUserMailboxNeedsAPassword() {
        assertTrue(demo.run("New-Mailbox -Name x").errors().get(0).endsWith("A user mailbox needs -Password"
                + " (ConvertTo-SecureString -String '...' -AsPlainText -Force); use -Shared, -Room or -Equipment for a mailbox nobody signs in to."));
    }

    @Test
    void aPlainStringIsNotASecureStringAndIsNotEchoed() {
        String e = demo.run("New-Mailbox -Name x -Password 'Secret123'").errors().get(0);
        assertTrue(e.contains("Cannot convert the value of type \"System.String\" to type \"System.Security.SecureString\""), e);
        assertEquals(1, e.split("Secret123", -1).length - 1, "the password appears only in the echoed command line");
    }

    @Test
    void sharedRoomAndEquipmentExcludeEachOther() {
        assertTrue(demo.run("New-Mailbox -Name x -Shared -Room").errors().get(0)
                .endsWith("Parameter set cannot be resolved using the specified named parameters: -Shared and -Room can't be used together."));
    }

    @Test
    void aNameInUseIsRefused() {
        assertTrue(demo.run("New-Mailbox -Name \"terry adams\" -Shared").errors().get(0)
                .endsWith("The name \"terry adams\" is already being used. Please try another name."));
    }

    @Test
    void anAddressInUseOrOutsideTheAcceptedDomainsIsRefused() {
        assertTrue(demo.run("New-Mailbox -Name x -Shared -PrimarySmtpAddress terrya@contoso.com").errors().get(0)
                .endsWith("The proxy address \"SMTP:terrya@contoso.com\" is already being used by the proxy addresses or LegacyExchangeDN"
                        + " of \"Terry Adams\". Please choose another proxy address."));
        assertTrue(demo.run("New-Mailbox -Name x -Shared -PrimarySmtpAddress x@fabrikam.com").errors().get(0)
                .endsWith("The domain of \"x@fabrikam.com\" isn't an accepted domain of Contoso (accepted: contoso.com)."));
        assertTrue(demo.run("New-Mailbox -Name x -Shared -PrimarySmtpAddress not-an-address").errors().get(0)
                .endsWith("The email address \"not-an-address\" isn't correct. Please use this format: user name, the @ sign,"
                        + " followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com."));
    }

    @Test
    void newMailUserHasAnExternalAddressAndSignsIn() {
        demo.ok("New-MailUser -Name \"Ed Banti\" -ExternalEmailAddress SMTP:ed@tailspintoys.com -Password " + PASSWORD);

        Recipient ed = demo.get("Ed Banti");
        assertEquals("ed@tailspintoys.com", ed.externalEmailAddress().orElseThrow().toString());
        assertTrue(ed.canSignIn());
    }

    @Test
    void newDistributionGroupTakesATypeAndMembers() {
        demo.ok("New-DistributionGroup -Name \"IT Staff\" -Type Security -Members ayla,\"Jim Hance\"");
        demo.ok("Add-ADPermission \"Help Desk\" -User \"IT Staff\" -ExtendedRights \"Send As\"");

        assertEquals(RecipientTypeDetails.MailUniversalSecurityGroup, demo.get("IT Staff").type());
        assertEquals(Outcome.SendAs, demo.decide("jimh", "helpdeskteam@contoso.com").outcome());
        assertTrue(demo.run("New-DistributionGroup x -Type Secret").errors().get(0)
                .endsWith("Specify one of the following enumerator names and try again: Distribution, Security"));
    }

    @Test
    void groupMembersMustBeMailEnabled() {
        assertEquals(List.of("The operation couldn't be performed because object 'Build Service' couldn't be found on 'DC1.contoso.com'."),
                demo.run("New-DistributionGroup x -Members \"Build Service\"").errors());
    }

    @Test
    void newDynamicDistributionGroupSplitsCommaSeparatedIncludedRecipients() {
        demo.ok("New-DynamicDistributionGroup -Name \"Marketing Group\" -IncludedRecipients \"MailboxUsers,MailContacts\""
                + " -ConditionalDepartment \"Marketing\",\"Sales\"");

        assertEquals(List.of("Terry Adams", "Raymond Sam", "Felipe Apodaca"), names("Get-DynamicDistributionGroupMember \"Marketing Group\""));
        assertEquals("MailboxUsers, MailContacts", demo.ok("Get-DynamicDistributionGroup \"Marketing Group\""
                + " | select -ExpandProperty IncludedRecipients").strip());
        assertTrue(demo.run("New-DynamicDistributionGroup x -IncludedRecipients Everyone").errors().get(0).contains(
                "Specify one of the following enumerator names and try again: AllRecipients, MailboxUsers"));
        assertTrue(demo.run("New-DynamicDistributionGroup x -IncludedRecipients AllRecipients,MailUsers").errors().get(0)
                .endsWith("AllRecipients can't be used with other values of -IncludedRecipients."));
    }

    @Test
    void addingAGroupMemberGivesItTheGroupsRights() {
        demo.ok("Add-ADPermission \"Helpdesk Support Team\" -User Helpdesk -ExtendedRights \"Send As\"");
        assertEquals(Outcome.Denied, demo.decide("Raymond Sam", "helpdesksupport@contoso.com").outcome());

        demo.ok("Add-DistributionGroupMember -Identity Helpdesk -Member raymonds");

        assertEquals(List.of("Helpdesk"), demo.decide("Raymond Sam", "helpdesksupport@contoso.com").because().viaGroups());
        assertTrue(demo.get("Helpdesk").members().contains(demo.get("raymonds").id()));
        assertEquals(List.of("The recipient \"Raymond Sam\" is already a member of the group \"Helpdesk\"."),
                demo.run("Add-DistributionGroupMember Helpdesk -Member \"Raymond Sam\"").errors());
    }

    @Test
    void removingAGroupMemberAsksAndTakesTheGroupsRightsAway() {
        demo.ok("Add-ADPermission \"Help Desk\" -User Helpdesk -ExtendedRights \"Send As\"");
        assertEquals(Outcome.SendAs, demo.decide("jimh", "helpdeskteam@contoso.com").outcome());

        demo.ok("Remove-DistributionGroupMember -Identity Helpdesk -Member jimh -Confirm:$false");

        assertEquals(Outcome.Denied, demo.decide("jimh", "helpdeskteam@contoso.com").outcome());
        assertEquals(List.of("The recipient \"jimh\" isn't a member of the group \"Helpdesk\"."),
                demo.run("Remove-DistributionGroupMember Helpdesk -Member jimh").errors());
    }

    @Test
    void removeMailboxRemovesItAndTheGrantsThatNameIt() {
        demo.ok("Remove-Mailbox \"Jim Hance\" -Confirm:$false");

        assertTrue(demo.directory().resolve("Jim Hance") instanceof dev.behalf.policy.identity.Resolution.NotFound);
        assertTrue(demo.get("ayla").fullAccess().isEmpty());
        assertFalse(demo.get("Helpdesk").members().isEmpty());
    }

    @Test
    void removeDistributionGroupAsksForConfirmation() {
        List<String> prompts = new java.util.ArrayList<>();
        demo.shell.run("Remove-DistributionGroup \"Sales Team\"", p -> prompts.add(p));

        assertEquals(List.of("Are you sure you want to perform this action?\nRemoving distribution group \"Sales Team\"."), prompts);
        assertTrue(demo.directory().resolve("Sales Team") instanceof dev.behalf.policy.identity.Resolution.NotFound);
    }
}
