package dev.behalf.message;

import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;

/** Header text: unfolding (RFC 5322 §2.2.3) and RFC 2047 encoded-words, the one place for each. */
public final class HeaderText {
    private HeaderText() {
    }

    /**
     * Removes every line break that is followed by white space, and a line break at the end. Linear,
     * unlike {@code MimeUtility.unfold}, which copies the rest of the value at every line break: a From
     * of 100,000 folded lines took it 20 s. A lone CR or LF counts as a line break too, as Jakarta Mail's
     * line reader counts it (see {@link HeaderSection}).
     */
    public static String unfold(String value) {
        int n = value.length();
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            int next = c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n' ? i + 2 : c == '\r' || c == '\n' ? i + 1 : -1;
            if (next >= 0 && (next == n || value.charAt(next) == ' ' || value.charAt(next) == '\t')) {
                if (out == null) {
                    out = new StringBuilder(n).append(value, 0, i);
                }
                i = next - 1;
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Decodes RFC 2047 encoded-words ({@code =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=}) as Jakarta Mail does for
     * every client of the store; text that does not decode (an unknown charset, a broken word) is
     * returned as written, never refused: it is only shown.
     */
    public static String decode(String text) {
        if (text.indexOf("=?") < 0) {
            return text;
        }
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return text;
        }
    }
}
