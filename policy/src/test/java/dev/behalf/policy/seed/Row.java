package dev.behalf.policy.seed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One row of a seed table: a YAML mapping with typed accessors that name the missing key. */
public record Row(Map<String, Object> values) {

    public Row {
        values = Map.copyOf(values);
    }

    public String id() {
        return text("id");
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public String text(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("row " + values.get("id") + " has no '" + key + "'");
        }
        return String.valueOf(v);
    }

    public Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    /** A list of strings; a single value counts as a list of one, an absent key as empty. */
    public List<String> texts(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    @SuppressWarnings("unchecked")
    public Row row(String key) {
        Object v = values.get(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("row " + values.get("id") + ": '" + key + "' is not a mapping");
        }
        return new Row((Map<String, Object>) m);
    }

    @SuppressWarnings("unchecked")
    public List<Row> rows(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) v).stream().map(Row::new).toList();
    }

    public Optional<Boolean> flag(String key) {
        return has(key) ? Optional.of(Boolean.parseBoolean(text(key))) : Optional.empty();
    }

    @Override
    public String toString() {
        return values.containsKey("id") ? text("id") : values.toString();
    }
}
