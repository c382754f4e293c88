package dev.behalf.shell.internal.language;

import dev.behalf.shell.internal.cmdlets.Cmdlets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands, parameters and positional binding; values and script blocks have their own tests. */
class CmdletParserTest {

    static Script parse(String text) {
        return CmdletParser.parse(text, Cmdlets.STANDARD);
    }

    static Command command(String text) {
        return parse(text).pipelines().get(0).commands().get(0);
    }

    static ParseError error(String text) {
        return assertThrows(ParseException.class, () -> parse(text)).error();
    }

    static Value value(Command c, String parameter) {
        return c.argument(parameter).orElseThrow().value().orElseThrow();
    }

    static String text(Command c, String parameter) {
        return ((Value.Literal) value(c, parameter)).text();
    }

    @Test
    void namedParametersBindByNameIgnoringCase() {
        Command c = command("add-mailboxpermission -IDENTITY \"Terry Adams\" -user raymonds -AccessRights FullAccess");
        assertEquals("Add-MailboxPermission", c.cmdlet().name());
        assertEquals("Terry Adams", text(c, "Identity"));
        assertEquals("raymonds", text(c, "User"));
    }

    @Test
    void aPositionalValueBindsToTheFirstFreePosition() {
        Command c = command("Get-MailboxPermission \"Helpdesk Tickets\" -User Helpdesk");
        assertEquals("Helpdesk Tickets", text(c, "Identity"));
    }

    @Test
    void positionalValuesBindAfterNamedOnes() {
        Command c = command("Format-Table -AutoSize User,Deny");
        Value.ListValue list = assertInstanceOf(Value.ListValue.class, value(c, "Property"));
        assertEquals(2, list.items().size());
        assertTrue(c.argument("AutoSize").orElseThrow().value().isEmpty());
    }

    @Test
    void anUnambiguousPrefixNamesTheParameter() {
        Command c = command("Format-Table -Auto User");
        assertEquals("AutoSize", c.argument("AutoSize").orElseThrow().parameter().name());
    }

    @Test
    void anAmbiguousPrefixIsRefusedWithTheCandidates() {
        ParseError e = error("Add-MailboxPermission x -User y -AccessRights FullAccess -A z");
        assertEquals("line 1, column 58: Parameter cannot be processed because the parameter name 'A' is ambiguous."
                + " Possible matches include: -AccessRights, -AutoMapping.", e.toString());
    }

    @Test
    void anUnknownParameterIsNamedWithASuggestionAndTheValidOnes() {
        ParseError e = error("Add-MailboxPermission -Identity \"Terry Adams\" -Usr raymonds");
        assertEquals(1, e.line());
        assertEquals(47, e.column());
        assertEquals(4, e.length());
        assertEquals("A parameter cannot be found that matches parameter name 'Usr'. Did you mean -User?"
                + " Valid parameters of Add-MailboxPermission: -Identity, -User, -AccessRights, -InheritanceType, -AutoMapping,"
                + " -Deny, -Confirm, -WhatIf, -DomainController, -PropagationDelay.", e.message());
    }

    @Test
    void anUnknownParameterErrorRendersLikePowerShellWithAnUnderline() {
        String text = "Get-Mailbox x\nSet-Mailbox x -Hiden $true";
        ParseError e = assertThrows(ParseException.class, () -> parse(text)).error();
        String rendered = e.render(text);
        assertTrue(rendered.startsWith("""
                At line:2 char:15
                + Set-Mailbox x -Hiden $true
                +               ~~~~~~
                A parameter cannot be found that matches parameter name 'Hiden'. Did you mean -Hidden"""), rendered);
    }

    @Test
    void anUnknownCmdletIsNamedWithTheClosestKnownOne() {
        ParseError e = error("Get-Mailbox x; Get-MailboxPermision x");
        assertEquals("line 1, column 16: The term 'Get-MailboxPermision' is not recognized as the name of a cmdlet, function,"
                + " script file, or operable program. Did you mean 'Get-MailboxPermission'?", e.toString());
    }

    @Test
    void anUnknownCmdletWithNothingCloseListsWhatTheShellKnows() {
        ParseError e = error("Invoke-Magic");
        assertTrue(e.message().startsWith("The term 'Invoke-Magic' is not recognized"), e.message());
        assertTrue(e.message().contains("the shell knows Add-ADPermission, Add-DistributionGroupMember"), e.message());
    }

    @Test
    void aParameterWithoutItsValueSaysWhatTypeItTakes() {
        ParseError e = error("Add-MailboxPermission -Identity -User raymonds");
        assertEquals("line 1, column 23: Missing an argument for parameter 'Identity' of Add-MailboxPermission."
                + " Specify a parameter of type 'System.String' and try again.", e.toString());
    }

    @Test
    void aParameterAtTheEndOfTheLineIsMissingItsValue() {
        ParseError e = error("Set-Mailbox x -GrantSendOnBehalfTo\nGet-Mailbox");
        assertEquals(1, e.line());
        assertEquals(15, e.column());
        assertTrue(e.message().startsWith("Missing an argument for parameter 'GrantSendOnBehalfTo'"), e.message());
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        ParseError e = error("Get-Mailbox -Identity a -Identity b");
        assertEquals("line 1, column 25: Cannot bind parameter because parameter 'Identity' is specified more than once."
                + " To give several values, use a comma list: -Identity value1,value2.", e.toString());
    }

    @Test
    void aSwitchTakesAValueOnlyGluedWithAColon() {
        Command c = command("Remove-Mailbox x -Confirm:$false");
        assertEquals(false, assertInstanceOf(Value.Bool.class, value(c, "Confirm")).value());
    }

    @Test
    void aSwitchFollowedByASpacedValueLeavesAPositionalArgumentWithAHint() {
        ParseError e = error("Remove-Mailbox x -Confirm $false");
        assertEquals("line 1, column 27: A positional parameter cannot be found that accepts argument '$false' of Remove-Mailbox."
                + " To give a switch a value, glue it with a colon, as in -Confirm:$false.", e.toString());
    }

    @Test
    void anUnquotedNameWithASpaceLeavesAPositionalArgument() {
        ParseError e = error("Get-Mailbox -Identity Terry Adams");
        assertEquals("line 1, column 29: A positional parameter cannot be found that accepts argument 'Adams' of Get-Mailbox."
                + " Quote values that contain spaces, as in -Identity \"Terry Adams\".", e.toString());
    }

    @Test
    void aGluedColonNeedsAValue() {
        ParseError e = error("Remove-Mailbox x -Confirm:");
        assertEquals(1, e.line());
        assertEquals(27, e.column());
        assertTrue(e.message().startsWith("Missing an argument for parameter 'Confirm'"), e.message());
    }

    @Test
    void commandsAreSeparatedByNewLinesAndSemicolonsAndBlankOnesAreSkipped() {
        Script s = parse("\n; Get-Mailbox a ;; Get-User b\r\n\r\n# comment\nGet-Recipient c;\n");
        assertEquals(List.of("Get-Mailbox a", "Get-User b", "Get-Recipient c"), s.pipelines().stream().map(Pipeline::text).toList());
    }

    @Test
    void anEmptyTextHasNoCommands() {
        assertEquals(List.of(), parse("  # nothing to do\n").pipelines());
    }

    @Test
    void aPipelineMayContinueOnTheNextLineAfterItsBar() {
        Script s = parse("Get-MailboxPermission x |\n  where {$_.Deny} |\n  ft User");
        assertEquals(3, s.pipelines().get(0).commands().size());
    }

    @Test
    void anEmptyPipeElementIsRefused() {
        assertEquals("line 1, column 15: An empty pipe element is not allowed: expected a cmdlet after '|', found '|'.",
                error("Get-Mailbox | | ft").toString());
        assertEquals("line 1, column 13: An empty pipe element is not allowed: expected a cmdlet after '|', found end of input.",
                error("Get-Mailbox |").toString());
    }

    @Test
    void aFormatCmdletMustEndThePipeline() {
        assertEquals("line 1, column 20: Format-Table must be the last command of a pipeline: it outputs text, not objects"
                + " that where could take.", error("Get-Mailbox | ft | where {$_.Name}").toString());
    }

    @Test
    void aCommandMustStartWithACmdletName() {
        assertEquals("line 1, column 1: Unexpected token '\"Get-Mailbox\"'; expected the name of a cmdlet, such as Get-Mailbox.",
                error("\"Get-Mailbox\"").toString());
    }

    @Test
    void aStrayClosingParenthesisEndsNothing() {
        assertEquals("line 1, column 15: Unexpected token ')' in expression or statement; expected '|', ';' or the end of the line.",
                error("Get-Mailbox x ) y").toString());
    }

    @Test
    void cmdletAliasesResolveToTheirCmdlet() {
        Script s = parse("Get-Mailbox | ? {$_.Name} | select Name | sort Name | fl");
        assertEquals(List.of("Get-Mailbox", "Where-Object", "Select-Object", "Sort-Object", "Format-List"),
                s.pipelines().get(0).commands().stream().map(c -> c.cmdlet().name()).toList());
    }

    @Test
    void thePipelineTextIsTheSourceOfTheLine() {
        Script s = parse("  Set-Mailbox x -GrantSendOnBehalfTo @{Add=\"a\"}   # why\nGet-Mailbox");
        assertEquals("Set-Mailbox x -GrantSendOnBehalfTo @{Add=\"a\"}", s.pipelines().get(0).text());
    }
}
