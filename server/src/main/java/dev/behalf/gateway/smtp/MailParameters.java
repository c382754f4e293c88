package dev.behalf.gateway.smtp;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The ESMTP parameters of a {@code MAIL FROM} (RFC 1870 SIZE, RFC 6152 BODY, RFC 6531 SMTPUTF8).
 *
 * @param body8bit the client declared BODY=8BITMIME (or BINARYMIME)
 */
record MailParameters(String reversePath, OptionalLong size, boolean body8bit, boolean smtpUtf8) {

    /** Parses {@code FROM:<addr> [params]}; the reverse path is empty for the null path {@code <>}. */
    static MailParameters parse(String argument) {
        String rest = argument.substring(5).strip();
        String path;
        String params;
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            path = close < 0 ? rest.substring(1) : rest.substring(1, close);
            params = close < 0 ? "" : rest.substring(close + 1);
        } else {
            int space = rest.indexOf(' ');
            path = space < 0 ? rest : rest.substring(0, space);
            params = space < 0 ? "" : rest.substring(space);
        }
        OptionalLong size = OptionalLong.empty();
        boolean body8 = false;
        boolean utf8 = false;
        // Split at white space by hand: String.split("\\s+") compiles a regex on every MAIL FROM.
        int i = 0;
        int n = params.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(params.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(params.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String u = params.substring(start, i).toUpperCase(Locale.ROOT);
            if (u.startsWith("SIZE=")) {
                try {
                    size = OptionalLong.of(Long.parseLong(u.substring(5)));
                } catch (NumberFormatException e) {
                    size = OptionalLong.empty();
                }
            } else if (u.equals("BODY=8BITMIME") || u.equals("BODY=BINARYMIME")) {
                body8 = true;
            } else if (u.equals("SMTPUTF8")) {
                utf8 = true;
            }
        }
        return new MailParameters(path.strip(), size, body8, utf8);
    }
}
