package dev.behalf.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A rewrite of a message's header section that keeps every byte it does not change: fields go on top,
 * fields of some names are removed, fields go right after the first field of a name, fields go last; the
 * other fields, their folding and the body are copied as they were. {@link #apply()} gives the new
 * message with its section, the kept fields moved rather than read again, so a rewritten message costs
 * no second parse. Meant for a section that {@link HeaderSection#parse} accepted.
 *
 * <p>A field is given whole ({@code "Sender: Holly Holt <hollyh@contoso.com>"}) and may contain line
 * breaks only as folding (CR LF before a space or a tab); anything else is refused, so a value can never
 * start a field of its own.
 */
public final class HeaderEdit {
    private static final byte[] CRLF = {'\r', '\n'};

    private final HeaderSection section;
    private final List<String> prepend = new ArrayList<>();
    private final List<String> remove = new ArrayList<>();
    private final List<String> removePrefixes = new ArrayList<>();
    private final List<String[]> after = new ArrayList<>();
    private final List<String> append = new ArrayList<>();

    HeaderEdit(HeaderSection section) {
        this.section = section;
    }

    /** Puts a field before all others (trace fields: Return-Path, Received). */
    public HeaderEdit prepend(String field) {
        prepend.add(checked(field));
        return this;
    }

    /** Removes every field of this name that the message has. */
    public HeaderEdit remove(String name) {
        remove.add(name);
        return this;
    }

    /** Removes every field whose name starts with {@code prefix}, in any case (a namespace, such as {@code X-MS-Exchange-Organization-}). */
    public HeaderEdit removeNamesStartingWith(String prefix) {
        removePrefixes.add(prefix);
        return this;
    }

    /** Puts a field right after the first field named {@code anchor}, or at the end of the section when there is none. */
    public HeaderEdit insertAfter(String anchor, String field) {
        after.add(new String[] {anchor, checked(field)});
        return this;
    }

    /** Puts a field last in the section. */
    public HeaderEdit append(String field) {
        append.add(checked(field));
        return this;
    }

    public HeaderSection apply() {
        byte[] raw = section.raw();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 512);
        List<HeaderField> fields = new ArrayList<>(section.fields().size() + prepend.size() + after.size() + append.size());
        for (String f : prepend) {
            write(out, fields, f);
        }
        boolean[] placed = new boolean[after.size()];
        int headerEnd = 0;
        for (HeaderField f : section.fields()) {
            headerEnd = f.end();
            if (removed(f)) {
                continue;
            }
            int at = out.size();
            out.write(raw, f.start(), f.end() - f.start());
            boolean terminated = f.end() > 0 && raw[f.end() - 1] == '\n';
            if (!terminated) {
                out.writeBytes(CRLF);
            }
            fields.add(new HeaderField(f.name(), f.value(), at, out.size()));
            for (int i = 0; i < after.size(); i++) {
                if (!placed[i] && f.is(after.get(i)[0])) {
                    write(out, fields, after.get(i)[1]);
                    placed[i] = true;
                }
            }
        }
        for (int i = 0; i < after.size(); i++) {
            if (!placed[i]) {
                write(out, fields, after.get(i)[1]);
            }
        }
        for (String f : append) {
            write(out, fields, f);
        }
        // The empty line, then the body exactly as received.
        out.writeBytes(CRLF);
        int newBodyStart = out.size();
        int bodyStart = section.fields().isEmpty() ? 0 : section.bodyStart();
        if (section.fields().isEmpty() || bodyStart > headerEnd) {
            out.write(raw, bodyStart, raw.length - bodyStart);
        }
        return new HeaderSection(out.toByteArray(), fields, newBodyStart);
    }

    private boolean removed(HeaderField f) {
        for (String name : remove) {
            if (f.is(name)) {
                return true;
            }
        }
        for (String prefix : removePrefixes) {
            if (f.name().regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static void write(ByteArrayOutputStream out, List<HeaderField> fields, String field) {
        int at = out.size();
        out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
        int colon = field.indexOf(':');
        int v = colon + 1;
        while (v < field.length() && " \t\r\n".indexOf(field.charAt(v)) >= 0) {
            v++;
        }
        fields.add(new HeaderField(field.substring(0, colon).trim(), field.substring(v), at, out.size()));
    }

    /** A whole field: a valid name, a colon, and line breaks only where they fold. */
    private static String checked(String field) {
        int colon = field.indexOf(':');
        boolean name = colon > 0;
        for (int i = 0; name && i < colon; i++) {
            name = field.charAt(i) > 32 && field.charAt(i) < 127;
        }
        if (!name) {
            throw new IllegalArgumentException("not a header field (Name: value): " + escaped(field));
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            boolean folding = c == '\r' && i + 2 < field.length() && field.charAt(i + 1) == '\n'
                    && (field.charAt(i + 2) == ' ' || field.charAt(i + 2) == '\t');
            if (c == '\0' || c == '\n' || (c == '\r' && !folding)) {
                throw new IllegalArgumentException("a header field may only contain folding line breaks: " + escaped(field));
            }
            if (folding) {
                i++;
            }
        }
        return field;
    }

    private static String escaped(String field) {
        return field.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
