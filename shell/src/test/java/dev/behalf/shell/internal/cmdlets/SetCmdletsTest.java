package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.shell.DemoShell;
import dev.behalf.shell.ShellResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -GrantSendOnBehalfTo} and the other Set-* parameters. */
class SetCmdletsTest {
    private final DemoShell demo = new DemoShell();

    private List<RecipientId> delegates(String identity) {
        return demo.get(identity).grantSendOnBehalfTo();
    }

    private RecipientId id(String identity) {
        return demo.get(identity).id();
    }

    @Test
    void aCommaListReplacesTheDelegates() {
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh");
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo kevink, \"Raymond Sam\"");

        assertEquals(List.of(id("kevink"), id("raymonds")), delegates("seanc"));
        assertEquals(Outcome.Denied, demo.decide("hollyh", "seanc@contoso.com").outcome());
    }

    @Test
    void nullClearsTheDelegates() {
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh,kevink");
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo $null");

        assertEquals(List.of(), delegates("seanc"));
    }

    @Test
    void hashtableKeysAddAndRemoveIgnoreCaseAndTakeLists() {
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh,kevink");
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo @{ADD=\"raymonds\",\"terrya\"; remove='kevink'}");

        assertEquals(List.of(id("hollyh"), id("raymonds"), id("terrya")), delegates("seanc"));
    }

    @Test
    void anUnknownHashtableKeyIsRefused() {
        String e = demo.run("Set-Mailbox seanc -GrantSendOnBehalfTo @{Replace=\"hollyh\"}").errors().get(0);
        assertTrue(e.endsWith("Cannot bind parameter 'GrantSendOnBehalfTo': the hash table key 'Replace' isn't supported."
                + " Only Add and Remove are, as in @{Add=\"a\",\"b\"; Remove=\"c\"}."), e);
    }

    @Test
    void aSetThatChangesNothingWarnsWithTheIdentityAsGiven() {
        ShellResult r = demo.run("Set-Mailbox -Identity \"Sean Chai\" -GrantSendOnBehalfTo @{Remove=\"hollyh\"}");

        assertEquals(List.of("WARNING: The command completed successfully but no settings of 'Sean Chai' have been modified."), r.warnings());
        assertTrue(r.ok());
        assertTrue(demo.journal.isEmpty());
    }

    @Test
    void aDistributionGroupDelegateLetsItsMembersSendOnBehalf() {
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo \"Sales Team\"");

        Decision d = demo.decide("Felipe Apodaca", "seanc@contoso.com");
        assertEquals(Outcome.SendOnBehalf, d.outcome());
        assertEquals(List.of("Sales Team"), d.because().viaGroups());
    }

    @Test
    void aDynamicGroupDelegateIsRefusedNamingTheTypes() {
        String e = demo.run("Set-Mailbox seanc -GrantSendOnBehalfTo \"All Employees\"").errors().get(0);
        assertTrue(e.startsWith("Can't grant Send on Behalf on 'Sean Chai' (UserMailbox) to 'All Employees' (DynamicDistributionGroup):"), e);
        assertEquals(List.of(), delegates("seanc"));
    }

    @Test
    void sendOnBehalfOnADiscoveryMailboxIsRefused() {
        String e = demo.run("Set-Mailbox \"Discovery Search Mailbox\" -GrantSendOnBehalfTo hollyh").errors().get(0);
        assertTrue(e.contains("(DiscoveryMailbox)") && e.contains("Send on Behalf can't be granted on a DiscoveryMailbox"), e);
    }

    @Test
    void setMailboxDoesNotFindGroups() {
        assertEquals(List.of("The operation couldn't be performed because object 'Helpdesk' couldn't be found on 'DC1.contoso.com'."),
                demo.run("Set-Mailbox Helpdesk -GrantSendOnBehalfTo hollyh").errors());
    }

    @Test
    void hidingAMailboxFromAddressListsStopsItsDelegatesSending() {
        demo.ok("Set-Mailbox \"James Alvord\" -HiddenFromAddressListsEnabled $true");

        assertTrue(demo.get("James Alvord").hiddenFromAddressLists());
        Decision d = demo.decide("pilarp", "jamesa@contoso.com");
        assertEquals(Because.Reason.HIDDEN_FROM, d.because().reason());
    }

    @Test
    void sentItemsCopiesAreSwitchedOnAndOff() {
        demo.ok("Set-Mailbox seanc -MessageCopyForSentAsEnabled $true -MessageCopyForSendOnBehalfEnabled 1");
        assertTrue(demo.get("seanc").messageCopyForSentAs());
        assertTrue(demo.get("seanc").messageCopyForSendOnBehalf());

        demo.ok("Set-Mailbox seanc -MessageCopyForSentAsEnabled:$false");
        assertFalse(demo.get("seanc").messageCopyForSentAs());
    }

    @Test
    void aBooleanParameterRefusesAWordWithPowerShellsMessage() {
        assertEquals("""
                At line:1 char:50
                + Set-Mailbox seanc -HiddenFromAddressListsEnabled yes
                +                                                  ~~~
                Cannot process argument transformation on parameter 'HiddenFromAddressListsEnabled'. Cannot convert value "yes"\
                 to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.""",
                demo.run("Set-Mailbox seanc -HiddenFromAddressListsEnabled yes").errors().get(0));
    }

    @Test
    void setUserChangesTheAttributesDynamicGroupsFilterOn() {
        demo.ok("New-DynamicDistributionGroup -Name Lawyers -IncludedRecipients MailboxUsers -ConditionalDepartment Legal");
        assertEquals(1, demo.ok("Get-DynamicDistributionGroupMember Lawyers | select -ExpandProperty Name").lines().count());

        demo.ok("Set-User raymonds -Department Legal -Title Counsel");

        assertEquals("Legal", demo.get("raymonds").attributes().get("Department").orElseThrow());
        assertEquals(List.of("Esther Valle", "Raymond Sam"),
                demo.ok("Get-DynamicDistributionGroupMember Lawyers | sort Name | select -ExpandProperty Name").lines().toList());
    }

    @Test
    void setDynamicDistributionGroupReplacesOneConditionAndKeepsTheOthers() {
        demo.ok("Set-DynamicDistributionGroup \"All Employees\" -ConditionalDepartment Finance");

        String filter = demo.ok("Get-DynamicDistributionGroup \"All Employees\" | select -ExpandProperty RecipientFilter");
        assertTrue(filter.contains("(Company -eq 'Contoso')") && filter.contains("(Department -eq 'Finance')"), filter);
        assertEquals(List.of("Karen Toh", "Yan Li"),
                demo.ok("Get-DynamicDistributionGroupMember \"All Employees\" | sort Name | select -ExpandProperty Name").lines().toList());
    }

    @Test
    void customAttributesAreSetAndClearedOnMailboxes() {
        demo.ok("Set-Mailbox terrya -CustomAttribute7 Tokyo");
        assertEquals("Tokyo", demo.get("terrya").attributes().get("CustomAttribute7").orElseThrow());

        demo.ok("Set-Mailbox terrya -CustomAttribute7 $null");
        assertTrue(demo.get("terrya").attributes().get("CustomAttribute7").isEmpty());
    }

    @Test
    void setDistributionGroupEditsGroupsOnly() {
        demo.ok("Set-DistributionGroup \"Sales Team\" -GrantSendOnBehalfTo @{Add=\"terrya\"} -DisplayName \"Sales\"");

        assertEquals("Sales", demo.get("Sales Team").displayName());
        assertEquals(Outcome.SendOnBehalf, demo.decide("terrya", "sales@contoso.com").outcome());
    }
}
