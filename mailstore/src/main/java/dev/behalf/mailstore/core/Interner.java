package dev.behalf.mailstore.core;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each equal value, for the summary fields many messages have in common (the
 * From and To of a test's messages are a handful of addresses): a reference per message instead of
 * a string. Bounded: past {@link #LIMIT} distinct values, new ones are kept as they are. The gateway's
 * decision records share their repeated values through one too.
 */
public final class Interner {
    static final int LIMIT = 16_384;

    private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>();

    /** A value computed from {@code raw} by {@code how}: the same raw header value is read once. */
    @SuppressWarnings("unchecked")
    <T> T derive(String raw, java.util.function.Function<String, T> how) {
        Derived key = new Derived(raw, how.getClass());
        Object known = values.get(key);
        if (known != null) {
            return (T) known;
        }
        T value = intern(how.apply(raw));
        if (values.size() < LIMIT) {
            values.putIfAbsent(key, value);
        }
        return value;
    }

    /** The key of a derived value: the raw text and what was computed from it. */
    private record Derived(String raw, Class<?> how) {
    }

    /** The shared instance equal to {@code value} (an immutable value: strings, immutable lists, records). */
    @SuppressWarnings("unchecked")
    public <T> T intern(T value) {
        if (value == null) {
            return null;
        }
        Object known = values.get(value);
        if (known != null) {
            return (T) known;
        }
        if (values.size() >= LIMIT) {
            return value;
        }
        Object raced = values.putIfAbsent(value, value);
        return raced == null ? value : (T) raced;
    }
}
