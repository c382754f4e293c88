package dev.behalf.message;

import java.util.Objects;

/**
 * One field of a header section: its name, its value as Jakarta Mail's {@code Header.getValue()} gives
 * it (folded, lines joined by CRLF, leading white space skipped), and the byte range {@code [start, end)}
 * of the whole field in the message, continuation lines and final line break included.
 */
public record HeaderField(String name, String value, int start, int end) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad byte range [" + start + ", " + end + ") for field " + name);
        }
    }

    /** Whether this field has the given name; field names compare case-insensitively (RFC 5322 §1.2.2). */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The value with its folding removed (RFC 5322 §2.2.3). */
    public String unfolded() {
        return HeaderText.unfold(value);
    }

    /** The unfolded value with RFC 2047 encoded-words decoded: what a client shows for unstructured text. */
    public String text() {
        return HeaderText.decode(unfolded().strip());
    }

    /** The same field at another place in another message (its bytes copied unchanged). */
    HeaderField movedBy(int delta) {
        return new HeaderField(name, value, start + delta, end + delta);
    }
}
