package dev.behalf.shell.internal.language;

import dev.behalf.shell.DemoShell;
import dev.behalf.shell.Shell;
import dev.behalf.shell.ShellResult;
import dev.behalf.shell.internal.cmdlets.Cmdlets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: on any input, the parser returns a script or throws its own {@link ParseException} whose
 * position lies inside the text; and {@link Shell#run} never throws at all. Inputs are random
 * strings over PowerShell's significant characters and mutations of real commands, from a fixed
 * seed so that a failure reproduces.
 */
class ParserFuzzTest {
    private static final long SEED = 0x5EED_D9FEDL;
    private static final String ALPHABET = "aZ09-_$@{}()[]'\"`,;|=!#<>.:*?\\/ \t\n\r\u00A0\u2013\u2018\u201C\u201D\uD83D\uDE00";
    private static final String[] WORDS = {"Get-Mailbox", "Add-MailboxPermission", "-Identity", "-User", "$true", "$null", "$_",
        "@{", "@(", "(", ")", "{", "}", "|", "where", "-like", "-and", "'Full*'", "\"Terry Adams\"", ",", ";", "\n", "=",
        "Format-Table", "-Confirm:", "Remove-Mailbox", "ConvertTo-SecureString", "-not", "!", "#", "<#", "#>", "`"};

    private final Random random = new Random(SEED);

    @Test
    void randomTextOnlyEverFailsWithAParseErrorInsideTheText() {
        for (int i = 0; i < 4000; i++) {
            checkParse(randomText());
        }
    }

    @Test
    void mutatedCommandsOnlyEverFailWithAParseErrorInsideTheText() throws IOException {
        List<String> corpus = corpus();
        for (int i = 0; i < 6000; i++) {
            checkParse(mutate(corpus.get(random.nextInt(corpus.size()))));
        }
    }

    @Test
    void runningRandomOrMutatedTextNeverThrows() throws IOException {
        List<String> corpus = corpus();
        for (int i = 0; i < 1500; i++) {
            String text = i % 3 == 0 ? randomText() : mutate(corpus.get(random.nextInt(corpus.size())));
            try {
                ShellResult r = new DemoShell().run(text);
                assertTrue(r.output() != null && r.errors() != null);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("Shell.run threw on " + quote(text), e);
            }
        }
    }

    @Test
    void everyParameterOfEveryCmdletSurvivesOddValues() {
        String[] values = {"$null", "''", "@()", "a,b", "@{Add='x'; Remove='y'}", "$true", "-1", "'Terry Adams'", "(Get-Mailbox terrya)",
            "{$_.Name -like 'x*'}", "'*'", "helpdesk"};
        for (String cmdlet : Shell.cmdletNames()) {
            for (String parameter : Shell.parameterNames(cmdlet)) {
                for (String value : values) {
                    for (String prefix : new String[] {"", "-Identity ayla ", "Get-Mailbox terrya | "}) {
                        String text = prefix.endsWith("| ") ? prefix + cmdlet + " -" + parameter + ":" + value
                                : cmdlet + " " + prefix + "-" + parameter + ":" + value;
                        try {
                            new DemoShell().run(text);
                        } catch (RuntimeException e) {
                            throw new AssertionError("Shell.run threw on " + quote(text), e);
                        }
                    }
                }
            }
        }
    }

    private void checkParse(String text) {
        try {
            CmdletParser.parse(text, Cmdlets.STANDARD);
        } catch (ParseException e) {
            ParseError error = e.error();
            int lines = text.split("\r\n|\r|\n", -1).length;
            if (error.line() < 1 || error.line() > lines || error.column() < 1 || error.message().isBlank()) {
                fail("error outside the text (" + error + ") for " + quote(text));
            }
            error.render(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("parser threw " + e + " on " + quote(text), e);
        }
    }

    private String randomText() {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextBoolean() ? " " : "");
            } else {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }

    private String mutate(String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = sb.isEmpty() ? 0 : random.nextInt(sb.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                }
                case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> sb.insert(at, WORDS[random.nextInt(WORDS.length)]);
                case 3 -> sb.setLength(at);
                case 4 -> {
                    int end = Math.min(sb.length(), at + random.nextInt(12));
                    sb.insert(at, sb.substring(at, end));
                }
                default -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static List<String> corpus() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ParserFuzzTest.class.getResourceAsStream("/shell/spec-9-commands.ps1")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        lines.add("New-Mailbox -Name \"Chris Ashton\" -Password (ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force)");
        lines.add("Set-Mailbox x -GrantSendOnBehalfTo @{Add=\"a\",\"b\"; Remove=\"c\"}\nRemove-Mailbox x -Confirm:$false");
        lines.add("Get-Mailbox | ? {!($_.Name -like 'x*') -or $_.Alias -eq $null} | select -First 3 Name,Alias | ft -AutoSize");
        lines.add("New-DynamicDistributionGroup -Name d -IncludedRecipients \"MailboxUsers,MailContacts\" -ConditionalDepartment a,b");
        return lines;
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            sb.append(c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : c == '"' ? "\\\"" : String.valueOf(c));
        }
        return sb.append('"').toString();
    }
}
