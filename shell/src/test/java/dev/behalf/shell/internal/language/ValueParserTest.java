package dev.behalf.shell.internal.language;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.behalf.shell.internal.language.CmdletParserTest.command;
import static dev.behalf.shell.internal.language.CmdletParserTest.error;
import static dev.behalf.shell.internal.language.CmdletParserTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Argument values: literals, lists, hashtables, sub-expressions; and their malformed forms. */
class ValueParserTest {

    private static List<String> texts(Value v) {
        return assertInstanceOf(Value.ListValue.class, v).items().stream().map(i -> ((Value.Literal) i).text()).toList();
    }

    @Test
    void trueFalseAndNullAreValuesInAnyCase() {
        assertEquals(true, assertInstanceOf(Value.Bool.class, value(command("Set-Mailbox x -HiddenFromAddressListsEnabled $TRUE"),
                "HiddenFromAddressListsEnabled")).value());
        assertInstanceOf(Value.Null.class, value(command("Set-Mailbox x -GrantSendOnBehalfTo $Null"), "GrantSendOnBehalfTo"));
    }

    @Test
    void otherVariablesAreRefusedWithWhatToWriteInstead() {
        assertEquals("line 1, column 25: The variable '$password' cannot be retrieved because it has not been set;"
                + " the shell knows only $true, $false and $null. Write the value itself instead.",
                error("New-Mailbox x -Password $password").toString());
        assertEquals("line 1, column 13: The variable '$_' only has a value inside a script block, as in"
                + " Where-Object {$_.User -like '*raymonds'}.", error("Get-Mailbox $_").toString());
    }

    @Test
    void aCommaListMayMixQuotedAndBareValuesAndContinueAfterAComma() {
        Value v = value(command("New-DistributionGroup x -Members ayla, \"Jim Hance\",\n   'sarad'"), "Members");
        assertEquals(List.of("ayla", "Jim Hance", "sarad"), texts(v));
    }

    @Test
    void aListMissingAnItemAfterItsCommaIsRefused() {
        assertEquals("line 1, column 45: Missing expression after ',': expected another value of the list, found '-Type'.",
                error("New-DistributionGroup x -Members ayla,jimh, -Type Security").toString());
        assertEquals("line 1, column 38: Missing expression after ',': expected another value of the list, found end of input.",
                error("New-DistributionGroup x -Members ayla,").toString());
    }

    @Test
    void anArraySubexpressionIsAListAndMayBeEmpty() {
        assertEquals(List.of("a", "b"), texts(value(command("Set-Mailbox x -GrantSendOnBehalfTo @(\"a\", 'b')"), "GrantSendOnBehalfTo")));
        assertEquals(List.of(), texts(value(command("Set-Mailbox x -GrantSendOnBehalfTo @( )"), "GrantSendOnBehalfTo")));
    }

    @Test
    void aHashtableHoldsKeysWithListValuesSeparatedBySemicolonsOrNewLines() {
        Value.HashValue h = assertInstanceOf(Value.HashValue.class, value(command(
                "Set-Mailbox x -GrantSendOnBehalfTo @{Add=\"a\",\"b\"; 'Remove' = c\n  }"), "GrantSendOnBehalfTo"));
        assertEquals(List.of("Add", "Remove"), h.entries().stream().map(Value.Entry::name).toList());
        assertEquals(List.of("a", "b"), texts(h.entries().get(0).value()));
        assertEquals("c", ((Value.Literal) h.entries().get(1).value()).text());
    }

    @Test
    void aHashtableKeyWithoutEqualsIsRefused() {
        assertEquals("line 1, column 42: Missing '=' operator after key 'Add' in hash literal: expected '=', found '\"a\"'.",
                error("Set-Mailbox x -GrantSendOnBehalfTo @{Add \"a\"}").toString());
    }

    @Test
    void aHashtableKeyWithoutValueIsRefused() {
        assertEquals("line 1, column 42: Missing statement after '=' in hash literal: expected the value of 'Add', found '}'.",
                error("Set-Mailbox x -GrantSendOnBehalfTo @{Add=}").toString());
    }

    @Test
    void anUnclosedHashtableIsRefusedAtTheEndOfInput() {
        assertEquals("line 2, column 1: Missing closing '}' in hash literal: expected '}' to close the '@{' at line 1 char 36,"
                + " found end of input.", error("Set-Mailbox x -GrantSendOnBehalfTo @{Add=\"a\"\n").toString());
    }

    @Test
    void hashtableEntriesNeedASeparator() {
        assertEquals("line 1, column 46: The hash literal was incomplete: expected ';', a new line or '}' after the value of 'Add',"
                + " found 'Remove'.", error("Set-Mailbox x -GrantSendOnBehalfTo @{Add=\"a\" Remove=\"b\"}").toString());
    }

    @Test
    void duplicateHashtableKeysAreRefusedIgnoringCase() {
        assertEquals("line 1, column 46: Duplicate keys 'add' are not allowed in hash literals.",
                error("Set-Mailbox x -GrantSendOnBehalfTo @{Add=\"a\";add=\"b\"}").toString());
    }

    @Test
    void aHashtableKeyMustBeAWordOrString() {
        assertEquals("line 1, column 38: Missing key in hash literal: expected a key such as Add or Remove, found '='.",
                error("Set-Mailbox x -GrantSendOnBehalfTo @{=\"a\"}").toString());
    }

    @Test
    void aParenthesisedPipelineIsASubexpression() {
        Value.SubPipeline sub = assertInstanceOf(Value.SubPipeline.class, value(command(
                "New-Mailbox -Name x -Password (ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force)"), "Password"));
        assertEquals("ConvertTo-SecureString", sub.pipeline().commands().get(0).cmdlet().name());
        assertEquals("ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force", sub.pipeline().text());
    }

    @Test
    void anUnclosedSubexpressionIsRefused() {
        assertEquals("line 1, column 71: Missing closing ')' in expression: expected ')' to close the '(' at line 1 char 31,"
                + " found end of input.", error("New-Mailbox -Name x -Password (ConvertTo-SecureString 'a' -AsPlainText").toString());
    }

    @Test
    void anEmptySubexpressionIsRefused() {
        assertEquals("line 1, column 32: An expression was expected after '(': a command such as"
                + " (ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force).", error("New-Mailbox -Name x -Password ()").toString());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNotOverflowed() {
        String deep = "Get-Mailbox " + "(Get-Mailbox ".repeat(50) + ")".repeat(50);
        ParseError e = error(deep);
        assertEquals("The command is nested too deeply: more than 32 levels of parentheses, braces or -not.", e.message());
    }
}
