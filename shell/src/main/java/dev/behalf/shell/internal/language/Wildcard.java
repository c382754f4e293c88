package dev.behalf.shell.internal.language;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PowerShell wildcard patterns ({@code -like}, identities and property names): {@code *} any run,
 * {@code ?} one character, {@code [a-c]} a set, a backtick escapes. Case-insensitive.
 */
public final class Wildcard {
    private final Pattern pattern;

    private Wildcard(Pattern pattern) {
        this.pattern = pattern;
    }

    public static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    private static Wildcard of(String text) {
        StringBuilder re = new StringBuilder();
        boolean star = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wasStar = star;
            star = c == '*';
            if (c == '`' && i + 1 < text.length()) {
                re.append(Pattern.quote(String.valueOf(text.charAt(++i))));
            } else if (c == '*') {
                if (!wasStar) {
                    re.append(".*");
                }
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[' && text.indexOf(']', i + 1) > i + 1) {
                int close = text.indexOf(']', i + 1);
                re.append('[');
                for (char s : text.substring(i + 1, close).toCharArray()) {
                    // A backslash before a non-alphanumeric character is always a literal in Java regex.
                    re.append(s == '-' || Character.isLetterOrDigit(s) ? String.valueOf(s) : "\\" + s);
                }
                re.append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Wildcard(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    boolean matches(String text) {
        return pattern.matcher(text).matches();
    }

    public static boolean matches(String pattern, String text) {
        try {
            return of(pattern).matches(text);
        } catch (IllegalArgumentException e) {
            // An odd set such as [z-a] is not a valid range: compare literally rather than fail.
            return pattern.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT));
        }
    }
}
