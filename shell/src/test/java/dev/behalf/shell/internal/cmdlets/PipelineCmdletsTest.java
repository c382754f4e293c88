package dev.behalf.shell.internal.cmdlets;

import dev.behalf.shell.DemoShell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where-Object, Select-Object, Sort-Object, Format-* and ConvertTo-SecureString over the demo directory. */
class PipelineCmdletsTest {
    private final DemoShell demo = new DemoShell();

    @Test
    void whereFiltersOnAnyPropertyIgnoringCase() {
        assertEquals(List.of("Contoso Executives", "Contoso Printer Support"),
                demo.ok("Get-Mailbox | where {$_.recipienttypedetails -eq 'sharedmailbox' -and $_.Name -like 'contoso*'}"
                        + " | select -ExpandProperty Name").lines().toList());
    }

    @Test
    void selectPicksPropertiesAndTheFirstOrLastObjects() {
        assertEquals("""

                Name        Alias
                ----        -----
                Terry Adams terrya
                Raymond Sam raymonds

                """, demo.ok("Get-Mailbox | Select-Object Name,Alias -First 2"));
        assertEquals(List.of("Projector 1"), demo.ok("Get-Mailbox | select -Last 2 | select -First 1 -ExpandProperty Name").lines().toList());
    }

    @Test
    void selectingMoreThanFourPropertiesShowsAList() {
        String out = demo.ok("Get-Mailbox terrya | select Name,Alias,Database,ProhibitSendQuota,DisplayName");
        assertTrue(out.startsWith("\nName              : Terry Adams\nAlias             : terrya\n"), out);
    }

    @Test
    void selectExpandPropertyOutputsEachValue() {
        demo.ok("Set-Mailbox seanc -GrantSendOnBehalfTo hollyh,kevink");

        assertEquals("contoso.com/Users/Holly Holt\ncontoso.com/Users/Kevin Kelly\n",
                demo.ok("Get-Mailbox seanc | select -ExpandProperty GrantSendOnBehalfTo"));
        assertTrue(demo.run("Get-Mailbox seanc | select -ExpandProperty Nope").errors().get(0).endsWith("Property \"Nope\" cannot be found."));
    }

    @Test
    void sortOrdersByPropertiesAscendingOrDescending() {
        assertEquals(List.of("Yan Li", "Terry Adams", "Sean Chai"),
                demo.ok("Get-Mailbox -RecipientTypeDetails UserMailbox | sort Name -Descending | select -First 3 -ExpandProperty Name")
                        .lines().toList());
    }

    @Test
    void formatTableAndFormatListTakePropertyWildcards() {
        assertEquals("""

                PrimarySmtpAddress EmailAddresses
                ------------------ --------------
                terrya@contoso.com {SMTP:terrya@contoso.com}

                """, demo.ok("Get-Mailbox terrya | ft *SmtpAddress,EmailAddr* -AutoSize"));
        assertTrue(demo.ok("Get-Recipient terrya | fl *").contains("\nDistinguishedName             : CN=Terry Adams,CN=Users,DC=contoso,DC=com\n"));
    }

    @Test
    void anUnknownPropertyShowsEmptyAsInPowerShell() {
        assertEquals("\nName        Nope\n----        ----\nTerry Adams\n\n", demo.ok("Get-Mailbox terrya | ft Name,Nope"));
    }

    @Test
    void formatTableOnNothingPrintsNothing() {
        assertEquals("", demo.ok("Get-Mailbox | where {$_.Name -eq 'nobody'} | ft"));
    }

    @Test
    void convertToSecureStringNeedsAsPlainTextAndForceAsInWindowsPowerShell() {
        assertTrue(demo.run("New-Mailbox x -Password (ConvertTo-SecureString 'p' -AsPlainText)").errors().get(0).endsWith(
                "The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString,"
                        + " reissue the command specifying the Force parameter."));
        assertTrue(demo.run("ConvertTo-SecureString 'p'").errors().get(0).contains("expects an encrypted standard string"));
        assertEquals("System.Security.SecureString\n", demo.ok("ConvertTo-SecureString 'p' -AsPlainText -Force"));
    }

    @Test
    void pipingIntoACmdletThatTakesNoInputIsRefused() {
        assertTrue(demo.run("Get-Mailbox terrya | New-Mailbox -Name x -Shared").errors().get(0).endsWith(
                "The input object cannot be bound to any parameters for the command either because the command does not take pipeline"
                        + " input or the input and its properties do not match any of the parameters that take pipeline input."));
    }

    @Test
    void aScriptBlockWhereAValueIsExpectedIsRefused() {
        assertTrue(demo.run("Get-Mailbox -Identity {$_.Name}").errors().get(0).endsWith(
                "Cannot convert the \"System.Management.Automation.ScriptBlock\" value to type \"System.String\" required by parameter 'Identity'."));
        assertTrue(demo.run("Get-Mailbox | where 'x'").errors().get(0).contains(
                "Cannot bind parameter 'FilterScript'. Cannot convert the \"x\" value of type \"System.String\""));
    }

    @Test
    void aListWhereOneValueIsExpectedIsRefused() {
        assertTrue(demo.run("Get-Mailbox -Identity a,b").errors().get(0).endsWith(
                "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Identity': -Identity takes one value, not a list."));
    }

    @Test
    void aSubexpressionsObjectGivesItsIdentity() {
        demo.ok("Set-Mailbox -Identity (Get-Mailbox seanc) -GrantSendOnBehalfTo (Get-Mailbox hollyh)");

        assertEquals(List.of(demo.get("hollyh").id()), demo.get("seanc").grantSendOnBehalfTo());
    }

    @Test
    void aNotANumberForAnIntegerParameterIsRefused() {
        assertTrue(demo.run("Get-Mailbox | select -First many").errors().get(0).endsWith(
                "Cannot process argument transformation on parameter 'First'. Cannot convert value \"many\" to type \"System.Int32\"."
                        + " Error: \"Input string was not in a correct format.\""));
    }
}
