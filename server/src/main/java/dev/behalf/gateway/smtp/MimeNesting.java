package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how deeply a message's MIME parts nest, and how many there are, in one pass over its lines,
 * without building the parts. The store parses every MIME level of a message it files, recursively and in time that grows
 * with depth times size, while holding the store lock: a 300 KB message nested 4,000 deep stalled
 * every delivery for 40 seconds. So the gateway refuses nesting past a limit before storing.
 *
 * <p>A level is a multipart (RFC 2046 §5.1) or an encapsulated message (message/rfc822, §5.2.1).
 * Boundary lines are recognised as RFC 2046 writes them ({@code --boundary}, {@code --boundary--},
 * trailing white space allowed); a boundary that never closes still counts as a level.
 */
final class MimeNesting {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)(?:^|;)\\s*boundary\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

    private MimeNesting() {
    }

    /**
     * Throws when the parts of {@code message} nest deeper than {@code max} levels, or when it has more
     * than {@code maxParts} body parts at all levels together: the store's cost grows with the parts too
     * (100,000 one-line parts, 3.4 MB, held it for over a minute). Exchange Online's limit is 250.
     */
    static void check(ParsedMessage message, int max, int maxParts) throws MalformedMessageException {
        int parts = 0;
        byte[] raw = message.raw();
        List<String> open = new ArrayList<>();
        String type = contentType(message);
        int pos = message.fields().isEmpty() ? 0 : message.bodyStart();
        pos = enter(type, raw, pos, open, max, 0);
        while (pos < raw.length && !open.isEmpty()) {
            int next = nextLine(raw, pos);
            String line = line(raw, pos, next);
            pos = next;
            for (int i = open.size() - 1; i >= 0; i--) {
                String delimiter = "--" + open.get(i);
                if (!line.startsWith(delimiter)) {
                    continue;
                }
                String rest = line.substring(delimiter.length());
                if (rest.startsWith("--") && rest.substring(2).isBlank()) {
                    open.subList(i, open.size()).clear();
                    break;
                }
                if (rest.isBlank()) {
                    if (++parts > maxParts) {
                        throw new MalformedMessageException(Refusal.TOO_COMPLEX, "more than " + maxParts + " MIME body parts");
                    }
                    open.subList(i + 1, open.size()).clear();
                    int[] at = {pos};
                    String partType = headers(raw, at);
                    pos = enter(partType, raw, at[0], open, max, 0);
                    break;
                }
            }
        }
    }

    /** Opens the levels a part of {@code type} starts (a multipart, or messages wrapping one); returns where its body starts. */
    private static int enter(String type, byte[] raw, int pos, List<String> open, int max, int wrapped)
            throws MalformedMessageException {
        String t = type.toLowerCase(Locale.ROOT).strip();
        if (t.startsWith("message/rfc822") || t.startsWith("message/global")) {
            refuseBeyond(open.size() + wrapped + 1, max);
            int[] at = {pos};
            String inner = headers(raw, at);
            return enter(inner.isEmpty() ? "text/plain" : inner, raw, at[0], open, max, wrapped + 1);
        }
        if (t.startsWith("multipart/")) {
            Matcher m = BOUNDARY.matcher(type.substring(type.indexOf(';') < 0 ? type.length() : type.indexOf(';')));
            if (m.find()) {
                open.add(m.group(1) != null ? m.group(1) : m.group(2));
                refuseBeyond(open.size() + wrapped, max);
            }
        }
        return pos;
    }

    private static void refuseBeyond(int depth, int max) throws MalformedMessageException {
        if (depth > max) {
            throw new MalformedMessageException(Refusal.TOO_COMPLEX, "MIME parts nest more than " + max + " levels deep");
        }
    }

    /** Reads a header block from {@code at[0]} up to and including its empty line; returns its Content-Type value. */
    private static String headers(byte[] raw, int[] at) {
        String type = "";
        StringBuilder current = null;
        int pos = at[0];
        while (pos < raw.length) {
            int next = nextLine(raw, pos);
            String line = line(raw, pos, next);
            pos = next;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(line);
                continue;
            }
            if (current != null && type.isEmpty()) {
                type = contentTypeValue(current.toString());
            }
            current = new StringBuilder(line);
        }
        if (current != null && type.isEmpty()) {
            type = contentTypeValue(current.toString());
        }
        at[0] = pos;
        return type;
    }

    private static String contentTypeValue(String field) {
        int colon = field.indexOf(':');
        return colon > 0 && field.substring(0, colon).strip().equalsIgnoreCase("Content-Type") ? field.substring(colon + 1).strip() : "";
    }

    private static String contentType(ParsedMessage message) {
        return message.section().first("Content-Type").map(f -> f.unfolded().strip()).orElse("text/plain");
    }

    private static int nextLine(byte[] raw, int pos) {
        for (int i = pos; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    private static String line(byte[] raw, int from, int to) {
        int end = to;
        while (end > from && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        return new String(raw, from, end - from, StandardCharsets.ISO_8859_1);
    }
}
