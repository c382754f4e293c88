package dev.behalf.mailstore;

import java.util.Objects;

/** The opaque, URL-safe id of one stored copy, stable across restarts of a durable store. */
public record MessageId(String value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || !value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
            throw new IllegalArgumentException("not a message id: '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
