package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.CommandHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.StringTokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SmtpCommandLine} is the filter's and the authenticator's reading of a command line; these hold it to
 * SubEthaSMTP's own code on the same lines: which command its {@code CommandHandler} runs (asked through its public
 * {@code getHelp}, which looks the command up as {@code handleCommand} does), and the words its {@code getArgs} splits.
 * The lines are spellings written to find differences (four-character prefixes, leading and inner whitespace of every
 * kind, letters that upper-case to ASCII: the long s and the dotless i, the sharp s that upper-cases to two letters)
 * and 50,000 random lines built from the same pieces.
 */
class SmtpCommandLineTest {
    private static final String[] PIECES = {"MAIL", "mail", "MAıL", "DATA", "data", "BDAT", "AUTH", "auth", "Auth", "STARTTLS",
            "starttls", "ſTARTTLS", "STARTTLſ", "STAR", "EHLO", "QUIT", "HELP", "RSET", "X", "x", "ß", "ı", "ſ", "FROM:<a@b>", "PLAIN",
            "AGF5bGE=", " ", "  ", "\t", "\u000B", "\f", "\r", "\n", "\u00A0", "\u2028", "\u3000", "\u001C", ":", "="};

    private static List<String> lines() {
        List<String> lines = new ArrayList<>(List.of("", "A", "MAI", "MAIL", "MAILX FROM:<a@b>", "DATAX", "data ", "BDATX 10 LAST",
                "AUTHPLAIN AGF=", "AUTH", "AUTH PLAIN", "AUTH\tPLAIN AGF=", "auth plain  AGF= more", " AUTH PLAIN", "\u000BAUTH PLAIN",
                "ſTARTTLS", "STARTTLSX", "STARTTLS", " STARTTLS", "STAR TTLS", "MAıL FROM:<a@b>", "maß", "MAßX", "\t\t\t\t", "    "));
        Random random = new Random(5321);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(5);
            for (int i = 0; i < pieces; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            lines.add(b.toString());
        }
        return lines;
    }

    @Test
    void aLineNamesTheCommandSubEthaSmtpRuns() {
        CommandHandler subetha = new CommandHandler();
        for (String line : lines()) {
            String expected;
            try {
                expected = subetha.getHelp(line).getName();
            } catch (CommandException e) {
                expected = "";
            }
            assertEquals(expected, SmtpCommandLine.command(line), "command of '" + line + "'");
        }
    }

    @Test
    void aLineHasTheWordsSubEthaSmtpSplits() {
        for (String line : lines()) {
            StringTokenizer tokens = new StringTokenizer(line);
            String[] expected = new String[3];
            for (int i = 0; i < 3 && tokens.hasMoreTokens(); i++) {
                expected[i] = tokens.nextToken();
            }
            assertArrayEquals(expected, SmtpCommandLine.words(line), "words of '" + line + "': " + Arrays.toString(expected));
        }
    }
}
