package dev.behalf.mailstore;

import java.util.Objects;

/** The opaque, URL-safe id of one stored copy, stable across restarts of a durable store. */
public record MessageId(String value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
        boolean ok = !value.isEmpty();
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
        }
        if (!ok) {
            throw new IllegalArgumentException("not a message id: '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
