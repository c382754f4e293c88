package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sign-in phase splits command lines by hand where it used regular expressions. These hold each splitter to
 * the {@code String.split} it replaced, on lines written to find the differences (tabs, vertical tabs, runs of
 * spaces, Unicode spaces that {@code strip()} removes but {@code \s} does not match, CR and LF inside the line) and on
 * random lines of those characters: a split that disagreed would let the filter and SubEthaSMTP read a different
 * mechanism or response than the authenticator.
 */
class AuthLineWordsTest {
    private static final String ALPHABET = " \t\u000B\f\r\n\u001C\u00A0\u2028\u3000aA=+/Pß*";

    private static List<String> lines() {
        List<String> lines = new ArrayList<>(List.of("", "AUTH", "AUTH PLAIN", "AUTH  PLAIN", "AUTH PLAIN AGF=",
                "AUTH PLAIN  AGF= more  words", "auth\tPLAIN AGF=", "AUTH \tPLAIN", "AUTH PLAIN\u000BAGF=",
                "AUTH\u001CPLAIN AGF=", "AUTH\u3000PLAIN", "MAIL FROM:<a@b>", "STARTTLS", "DATA", "BDAT 10 LAST", "=",
                "AUTH XOAUTH2 dXNlcj1h\u0001YXV0aD1CZWFyZXIgdA==\u0001\u0001", "AUTH\r\nPLAIN", "  AUTH PLAIN x  "));
        Random random = new Random(4954);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            lines.add(b.toString());
        }
        return lines;
    }

    @Test
    void theFiltersWordsAreSplitAtRunsOfSpacesAsSplitWould() {
        for (String line : lines()) {
            String stripped = line.strip();
            String[] words = LongAuthLines.words(stripped);
            assertEquals(stripped.split(" ", 2)[0], words[0], "verb of '" + line + "'");
            assertArrayEquals(upToThree(stripped.split(" +", 3)), words, "words of '" + line + "'");
        }
    }

    @Test
    void theAuthenticatorsWordsAreSplitAtRunsOfWhitespaceAsSplitWould() {
        for (String line : lines()) {
            String stripped = line.strip();
            String[] parts = stripped.split("\\s+");
            String[] words = DirectoryAuthenticator.words(stripped);
            // What the authenticator read of the split: the mechanism (parts[1]) and the initial response (parts[2]).
            assertEquals(parts.length > 1 ? parts[1] : null, words[1], "mechanism of '" + line + "'");
            assertEquals(parts.length > 2 ? parts[2] : null, words[2], "initial response of '" + line + "'");
        }
    }

    private static String[] upToThree(String[] parts) {
        return Arrays.copyOf(parts, 3);
    }
}
