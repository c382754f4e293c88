package dev.behalf.policy.text;

/**
 * Text as a one-line log or record may show it: control characters (CR, LF, NUL, ESC, ...) and the Unicode line
 * and paragraph separators written as {@code \u000d} and so on, so that text a client chose (a login, a header
 * value in a refusal's reason) can neither start a line of its own nor drive a terminal. The one rule for the
 * sign-in log and for every line Behalf's own logger writes.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String text) {
        if (text == null || clean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (escaped(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (escaped(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean escaped(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }
}
