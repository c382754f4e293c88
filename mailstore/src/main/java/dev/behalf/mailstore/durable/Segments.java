package dev.behalf.mailstore.durable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one %-codec for names that become file names: every byte outside {@code [A-Za-z0-9_-]} of the
 * UTF-8 text is written {@code %XX}, so any IMAP folder name (spaces, dots, slashes, non-ASCII) or
 * external address maps to one portable name without {@code .} and back. Folder directories and box
 * tokens ({@code dev.behalf.mailstore.core.Tokens}) both use it.
 */
public final class Segments {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Segments() {
    }

    public static String encode(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** The text of an encoded name; {@link IllegalArgumentException} when {@code encoded} is not one. */
    public static String decode(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new IllegalArgumentException("'" + encoded + "' has a % not followed by two hex digits at " + i);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                throw new IllegalArgumentException("'" + encoded + "' has an unencoded non-ASCII character at " + i);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
