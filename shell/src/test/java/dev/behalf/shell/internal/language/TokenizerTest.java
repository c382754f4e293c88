package dev.behalf.shell.internal.language;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.behalf.shell.internal.language.Token.Kind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenizerTest {

    private static List<Token.Kind> kinds(String text) {
        return Tokenizer.tokenize(text).stream().map(Token::kind).toList();
    }

    private static List<String> values(String text) {
        return Tokenizer.tokenize(text).stream().filter(t -> t.kind() != EOF).map(Token::value).toList();
    }

    private static ParseError error(String text) {
        return assertThrows(ParseException.class, () -> Tokenizer.tokenize(text)).error();
    }

    @Test
    void bareWordsRunToWhitespaceAndKeepDashesDotsAndAtSigns() {
        assertEquals(List.of("Set-Mailbox", "seanc@contoso.com", "Send-As", "P@ss!w0rd"), values("Set-Mailbox seanc@contoso.com Send-As P@ss!w0rd"));
        assertEquals(List.of(WORD, WORD, WORD, WORD, EOF), kinds("Set-Mailbox seanc@contoso.com Send-As P@ss!w0rd"));
    }

    @Test
    void aDashBeforeALetterStartsAParameterAndAGluedColonIsKept() {
        assertEquals(List.of(WORD, PARAMETER, COLON_PARAMETER, VARIABLE, WORD, EOF), kinds("Remove-Mailbox -Identity -Confirm:$false -1"));
        assertEquals(List.of("Remove-Mailbox", "Identity", "Confirm", "false", "-1"), values("Remove-Mailbox -Identity -Confirm:$false -1"));
    }

    @Test
    void typographicDashesFromWebPagesStartParametersToo() {
        assertEquals(List.of(WORD, PARAMETER, WORD, PARAMETER, WORD, EOF), kinds("Get-Mailbox \u2013Identity x \u2014ResultSize 5"));
    }

    @Test
    void singleQuotesAreVerbatimExceptADoubledQuote() {
        assertEquals(List.of("O'Neil `n $x"), values("'O''Neil `n $x'"));
    }

    @Test
    void doubleQuotesTakeBacktickEscapesAndADoubledQuote() {
        assertEquals(List.of("a\tb\n\"c\" \"d\" `e $f"), values("\"a`tb`n`\"c`\" \"\"d\"\" ``e $f\""));
    }

    @Test
    void typographicQuotesDelimitStringsLikeStraightOnes() {
        assertEquals(List.of(STRING, STRING, EOF), kinds("\u201CTerry Adams\u201D \u2018Full*\u2019"));
        assertEquals(List.of("Terry Adams", "Full*"), values("\u201CTerry Adams\u201D \u2018Full*\u2019"));
    }

    @Test
    void anUnterminatedSingleQuotedStringPointsAtItsOpeningQuote() {
        ParseError e = error("Get-Mailbox 'Terry Adams");
        assertEquals(1, e.line());
        assertEquals(13, e.column());
        assertEquals("The string is missing the terminator: '. Add a closing ' to match the ' here.", e.message());
    }

    @Test
    void anUnterminatedDoubleQuotedStringOnALaterLineGivesThatLine() {
        ParseError e = error("Get-Mailbox x\nGet-Mailbox \"y`\"");
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertEquals("The string is missing the terminator: \". Add a closing \" to match the \" here.", e.message());
    }

    @Test
    void equalsIsATokenOnlyInsideAHashtable() {
        assertEquals(List.of(WORD, WORD, AT_LBRACE, WORD, EQUALS, STRING, SEMICOLON, WORD, EQUALS, WORD, RBRACE, EOF),
                kinds("x CN=a @{Add=\"b\"; Remove=c}"));
    }

    @Test
    void exclamationIsATokenOnlyInsideAScriptBlock() {
        assertEquals(List.of(WORD, LBRACE, NOT, VARIABLE, MEMBER, RBRACE, EOF), kinds("x! {!$_.Deny}"));
    }

    @Test
    void variablesCarryTheirMemberAccess() {
        List<Token> t = Tokenizer.tokenize("{$_.AccessRights -like 'Full*'}");
        assertEquals(List.of(LBRACE, VARIABLE, MEMBER, PARAMETER, STRING, RBRACE, EOF), t.stream().map(Token::kind).toList());
        assertEquals("_", t.get(1).value());
        assertEquals("AccessRights", t.get(2).value());
    }

    @Test
    void aDollarWithoutANameIsAnError() {
        ParseError e = error("Get-Mailbox $ x");
        assertEquals(13, e.column());
        assertEquals("Variable reference is not valid. '$' was not followed by a valid variable name character.", e.message());
    }

    @Test
    void bracesInsideAWordBelongToIt() {
        assertEquals(List.of("Get-Mailbox", "DiscoverySearchMailbox{D919BA05}"), values("Get-Mailbox DiscoverySearchMailbox{D919BA05}"));
    }

    @Test
    void aClosingBraceTheWordDidNotOpenEndsTheScriptBlock() {
        assertEquals(List.of(LBRACE, VARIABLE, MEMBER, PARAMETER, WORD, RBRACE, EOF), kinds("{$_.User -eq raymonds}"));
    }

    @Test
    void commentsRunToTheEndOfTheLineAndBlockCommentsToTheirEnd() {
        assertEquals(List.of(WORD, NEWLINE, WORD, WORD, EOF), kinds("Get-Mailbox # all of them\nGet-User <# the\n users #> x"));
    }

    @Test
    void anUnterminatedBlockCommentIsAnError() {
        ParseError e = error("Get-Mailbox <# forever");
        assertEquals(13, e.column());
        assertEquals("The comment is missing the terminator: '#>'.", e.message());
    }

    @Test
    void aBacktickAtTheEndOfALineContinuesTheCommand() {
        assertEquals(List.of(WORD, PARAMETER, WORD, EOF), kinds("Get-Mailbox `\n  -Identity `\r\n  x"));
    }

    @Test
    void tokensKnowTheirLineAndColumn() {
        List<Token> t = Tokenizer.tokenize("Get-Mailbox x\r\n  Get-User  -Identity y");
        Token param = t.get(4);
        assertEquals(PARAMETER, param.kind());
        assertEquals(2, param.line());
        assertEquals(13, param.column());
        assertEquals(9, param.length());
    }

    @Test
    void nonBreakingSpacesSeparateWords() {
        assertEquals(List.of("Get-Mailbox", "x"), values("Get-Mailbox\u00A0x"));
    }
}
