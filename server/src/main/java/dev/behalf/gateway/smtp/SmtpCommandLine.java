package dev.behalf.gateway.smtp;

import org.subethamail.smtp.internal.server.CommandHandler;

import java.util.Locale;
import java.util.Set;

/**
 * How SubEthaSMTP reads a command line, for Behalf's code that reads the same line before it ({@link LongAuthLines})
 * and after it ({@link DirectoryAuthenticator}). SubEthaSMTP 7.2.2 runs the command named by the line's first four
 * characters in upper case, else the one named by its first word ({@code CommandHandler.getCommandFromString}: so
 * {@code DATAX} runs DATA, {@code AUTHPLAIN} runs AUTH, and {@code ſTARTTLS}, whose long s upper-cases to S, runs
 * STARTTLS), and its commands split their arguments at a {@code StringTokenizer}'s default delimiters (space, tab,
 * CR, LF, form feed). Written once here and held to SubEthaSMTP's own code by {@code SmtpCommandLineTest}: a filter
 * that took a line for another command than the server did would go on rewriting what the client sent after it, a
 * message's text or TLS's bytes.
 */
final class SmtpCommandLine {
    /** The names SubEthaSMTP knows its commands by; Behalf's replace some of them under the same names. */
    private static final Set<String> VERBS = Set.copyOf(new CommandHandler().getVerbs());

    private SmtpCommandLine() {
    }

    /** The command SubEthaSMTP runs for the line (without its CRLF), upper case; empty when it runs none. */
    static String command(String line) {
        if (line.length() < 4) {
            return "";
        }
        String key = line.substring(0, 4).toUpperCase(Locale.ENGLISH);
        if (VERBS.contains(key)) {
            return key;
        }
        String first = words(line)[0];
        if (first == null) {
            return "";
        }
        String verb = first.toUpperCase(Locale.ENGLISH);
        return VERBS.contains(verb) ? verb : "";
    }

    /** The line's first three words as SubEthaSMTP's {@code getArgs} splits them; null where it has fewer. */
    static String[] words(String line) {
        String[] words = new String[3];
        int i = 0;
        for (int w = 0; w < words.length; w++) {
            while (i < line.length() && delimiter(line.charAt(i))) {
                i++;
            }
            if (i == line.length()) {
                break;
            }
            int start = i;
            while (i < line.length() && !delimiter(line.charAt(i))) {
                i++;
            }
            words[w] = line.substring(start, i);
        }
        return words;
    }

    /** {@code StringTokenizer}'s default delimiters. */
    private static boolean delimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
