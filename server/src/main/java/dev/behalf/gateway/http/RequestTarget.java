package dev.behalf.gateway.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The request-target of one request, read once: the origin-form path, percent-decoded and with dot
 * segments removed (RFC 3986 §5.2.4), and the raw query. Routing and the route's access policy both
 * read {@link #path()}; nothing reads the raw target again.
 *
 * <p>Anything that is not a plain origin-form target is refused, so no two readers can see
 * different paths in it: absolute-form ({@code http://host/...}, we are no proxy), authority-form
 * ({@code host:port}), asterisk-form ({@code *}), a target without its leading {@code /}, a
 * fragment, raw bytes outside printable ASCII or a backslash, bad or double percent-encoding
 * ({@code %25}), an encoded {@code /} or {@code \} or control character inside a segment, bytes that
 * are not UTF-8 (overlong forms included), and {@code ..} that would climb above the root.
 *
 * <pre>{@code
 * RequestTarget t = RequestTarget.parse("/ui/%2e%2e/api/shell?x=1");   // t.path() is "/api/shell"
 * }</pre>
 *
 * @param path     starts with {@code /}: the decoded segments joined with {@code /}
 * @param segments the decoded segments (none for {@code /}); they never contain {@code /}; empty ones
 *                 (from {@code //} or a trailing {@code /}) are kept, and match no route
 * @param rawQuery the text after the first {@code ?}, still percent-encoded; empty when there is none
 */
public record RequestTarget(String path, List<String> segments, String rawQuery) {

    public RequestTarget {
        segments = List.copyOf(segments);
    }

    /** A request-target this server refuses to read; answered 400 with the message. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    public static RequestTarget parse(String raw) {
        if (raw.isEmpty()) {
            throw new Invalid("the request-target is empty: send a path such as /api/health");
        }
        if (raw.equals("*")) {
            throw new Invalid("asterisk-form (*) is only for OPTIONS, which this server does not answer: send a path");
        }
        if (raw.charAt(0) != '/') {
            throw new Invalid(notOriginForm(raw));
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '#') {
                throw new Invalid("a fragment (#...) is never sent to a server: leave it out of the request-target");
            }
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                throw new Invalid("the request-target has " + describe(c) + " at offset " + i
                        + ": percent-encode it (RFC 3986 §2.1)");
            }
        }
        int q = raw.indexOf('?');
        String rawPath = q < 0 ? raw : raw.substring(0, q);
        String rawQuery = q < 0 ? "" : raw.substring(q + 1);
        List<String> out = new ArrayList<>();
        String[] parts = rawPath.substring(1).split("/", -1);
        boolean trailingSlash = false;
        for (int i = 0; i < parts.length; i++) {
            String segment = decode(parts[i]);
            boolean last = i == parts.length - 1;
            // RFC 3986 §5.2.4: "." and ".." (also when percent-encoded: §6.2.2.2) go; a final one leaves a "/".
            if (segment.equals(".")) {
                trailingSlash = last;
            } else if (segment.equals("..")) {
                if (out.isEmpty()) {
                    throw new Invalid("'..' in " + rawPath + " climbs above the root");
                }
                out.remove(out.size() - 1);
                trailingSlash = last;
            } else {
                out.add(segment);
                trailingSlash = false;
            }
        }
        if (trailingSlash) {
            out.add("");
        }
        String path = "/" + String.join("/", out);
        // "/" alone is the root, not one empty segment.
        List<String> segments = out.size() == 1 && out.get(0).isEmpty() ? List.of() : out;
        return new RequestTarget(path, segments, rawQuery);
    }

    private static String notOriginForm(String raw) {
        if (raw.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return "absolute-form (" + abbreviate(raw) + ") is for proxies, and this server is none: send only the path";
        }
        if (raw.matches("[^/?#]*:[0-9]*")) {
            return "authority-form (" + abbreviate(raw) + ") is for CONNECT, which this server does not answer: send a path";
        }
        return "the request-target must start with '/' (origin-form, RFC 9112 §3.2.1), not '" + abbreviate(raw) + "'";
    }

    /** One segment's text: %XX decoded once, as strict UTF-8; an encoded '/', '\\', '%' or control refused. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
            if (lo < 0) {
                throw new Invalid("'" + abbreviate(segment.substring(i)) + "' is not a percent-encoded byte (%XX)");
            }
            bytes.write(hi << 4 | lo);
            i += 2;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid("the path segment '" + abbreviate(segment) + "' does not decode as UTF-8");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '\\') {
                throw new Invalid("an encoded '" + c + "' inside the path segment '" + abbreviate(segment)
                        + "' is refused: a segment can't contain a separator");
            }
            if (c == '%') {
                throw new Invalid("an encoded '%' (%25) in '" + abbreviate(segment) + "' is refused: paths are decoded once");
            }
            if (Character.isISOControl(c)) {
                throw new Invalid("the path segment '" + abbreviate(segment) + "' encodes a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        return text;
    }

    private static String describe(char c) {
        return c == '\\' ? "a backslash" : c == ' ' ? "a space" : "the byte 0x" + String.format("%02X", (int) c);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
