package dev.behalf.gateway.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads header fields out of stored raw messages, as bytes were delivered (no MIME library in between). */
final class Mailboxes {
    private Mailboxes() {
    }

    /** Every unfolded value of header {@code name} in the header section of {@code raw}. */
    static List<String> header(byte[] raw, String name) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n(?=[ \t])", "");
        List<String> out = new ArrayList<>();
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(line.substring(prefix.length()).strip());
            }
        }
        return out;
    }
}
