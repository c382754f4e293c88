package dev.behalf.shell.internal.language;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.behalf.shell.internal.language.CmdletParserTest.command;
import static dev.behalf.shell.internal.language.CmdletParserTest.error;
import static dev.behalf.shell.internal.language.CmdletParserTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where-Object script blocks: how they parse, how they evaluate (PowerShell's rules), and their errors. */
class ConditionTest {
    private static final ShellObject ACE = ShellObject.builder("Ace")
            .add("User", "CONTOSO\\raymonds")
            .add("AccessRights", List.of("FullAccess", "ReadPermission"))
            .add("Deny", false)
            .add("Count", 3)
            .add("Nothing", null)
            .build(View.table("User"));

    private static Condition condition(String block) {
        return assertInstanceOf(Value.Block.class, value(command("Where-Object " + block), "FilterScript")).condition();
    }

    private static boolean test(String block) {
        return ConditionEvaluator.test(condition(block), ACE);
    }

    @Test
    void likeMatchesAnyElementOfACollectionIgnoringCase() {
        assertTrue(test("{$_.AccessRights -like 'full*'}"));
        assertTrue(test("{$_.accessrights -like '*Permission'}"));
        assertFalse(test("{$_.AccessRights -like 'Send*'}"));
    }

    @Test
    void notLikeIsTrueWhenSomeElementDoesNotMatch() {
        assertTrue(test("{$_.AccessRights -notlike 'Full*'}"));
        assertFalse(test("{$_.User -notlike '*raymonds'}"));
    }

    @Test
    void eqAndNeCompareTextIgnoringCaseAndBooleansWithTheirConstants() {
        assertTrue(test("{$_.User -eq 'contoso\\RAYMONDS'}"));
        assertTrue(test("{$_.User -ne \"CONTOSO\\jimh\"}"));
        assertTrue(test("{$_.Deny -eq $false}"));
        assertTrue(test("{$_.Deny -eq 'False'}"));
        assertFalse(test("{$_.Deny -ne $false}"));
    }

    @Test
    void aMissingPropertyIsNull() {
        assertTrue(test("{$_.NoSuchThing -eq $null}"));
        assertTrue(test("{$_.Nothing -eq $null}"));
        assertFalse(test("{$_.NoSuchThing}"));
    }

    @Test
    void andOrNotAndParenthesesCombineConditions() {
        assertTrue(test("{$_.Deny -eq $false -and $_.User -like '*ray*'}"));
        assertTrue(test("{$_.Deny -or $_.User -like '*ray*'}"));
        assertTrue(test("{-not $_.Deny}"));
        assertTrue(test("{!$_.Deny -and ($_.User -like 'x' -or $_.User -like 'CONTOSO*')}"));
        assertFalse(test("{!($_.User -like 'CONTOSO*')}"));
    }

    @Test
    void matchContainsAndOrderingOperatorsWork() {
        assertTrue(test("{$_.User -match '^contoso\\\\ray'}"));
        assertTrue(test("{$_.AccessRights -contains 'readpermission'}"));
        assertTrue(test("{$_.AccessRights -notcontains 'SendAs'}"));
        assertTrue(test("{$_.Count -gt 2 -and $_.Count -le 3 -and $_.Count -lt 10 -and $_.Count -ge 3}"));
        assertTrue(test("{$_.AccessRights.Count -eq 2}"));
        assertTrue(test("{$_.User -ieq 'contoso\\raymonds'}"));
    }

    @Test
    void anInvalidRegularExpressionIsACommandErrorAtTheOperator() {
        CmdletException e = assertThrows(CmdletException.class, () -> test("{$_.User -match '('}"));
        assertTrue(e.getMessage().startsWith("The regular expression pattern ( is not valid"), e.getMessage());
        assertEquals(23, e.at().orElseThrow().column());
    }

    @Test
    void anUnsupportedOperatorIsNamedWithTheSupportedOnes() {
        assertEquals("line 1, column 23: The operator '-in' is not supported; use one of -eq, -ne, -like, -notlike, -match,"
                + " -notmatch, -contains, -notcontains, -gt, -ge, -lt, -le, -and, -or, -not.",
                error("Where-Object {$_.User -in 'a'}").toString());
    }

    @Test
    void anUnclosedScriptBlockIsRefusedAtTheEnd() {
        assertEquals("line 1, column 47: Missing closing '}' in statement block: expected '}' to close the '{' at line 1 char 21,"
                + " or an operator (-and, -or, -eq, -ne, -like, -notlike, -match, -notmatch, -contains, -notcontains, -gt, -ge, -lt, -le),"
                + " found end of input.", error("Get-Mailbox | where {$_.AccessRights -like 'x'").toString());
    }

    @Test
    void anEmptyScriptBlockIsRefused() {
        assertEquals("line 1, column 15: The script block is empty: expected a condition such as {$_.AccessRights -like 'Full*'}.",
                error("Where-Object {}").toString());
    }

    @Test
    void aComparisonWithoutItsRightSideIsRefused() {
        assertEquals("line 1, column 26: Expected $_.Property, a quoted string or a number in the script block, found '}'.",
                error("Where-Object {$_.User -eq}").toString());
    }

    @Test
    void variablesOtherThanTheCurrentObjectAreRefused() {
        assertEquals("line 1, column 27: The variable '$me' cannot be retrieved because it has not been set;"
                + " in a script block use $_ (the current object), $true, $false or $null.",
                error("Where-Object {$_.User -eq $me}").toString());
    }

    @Test
    void psItemIsTheCurrentObjectToo() {
        assertTrue(test("{$PSItem.User -like '*ray*'}"));
    }

    @Test
    void aBareValueTestsTheCurrentObjectItselfForPlainValues() {
        assertTrue(ConditionEvaluator.test(condition("{$_ -like 'terry*'}"), new Item.Scalar("Terry Adams")));
        assertTrue(ConditionEvaluator.test(condition("{$_.Length -eq 11}"), new Item.Scalar("Terry Adams")));
    }
}
