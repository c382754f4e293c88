package dev.behalf.policy.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The directory attributes that dynamic distribution groups filter on (spec §1): Department, Company,
 * Title, StateOrProvince, Office, City and CustomAttribute1..15. Names are case-insensitive and
 * stored in their canonical spelling.
 */
public record Attributes(Map<String, String> values) {

    /** The canonical names, in display order. */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("Department", "Company", "Title", "StateOrProvince", "Office", "City"));
        for (int i = 1; i <= 15; i++) {
            names.add("CustomAttribute" + i);
        }
        NAMES = List.copyOf(names);
    }

    public static final Attributes NONE = new Attributes(Map.of());

    public Attributes {
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Optional<String> name = canonical(e.getKey());
            if (name.isEmpty()) {
                throw new IllegalArgumentException("unknown attribute '" + e.getKey() + "'; known: " + String.join(", ", NAMES));
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                copy.put(name.get(), e.getValue().strip());
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** The canonical spelling of an attribute name, or empty when it is not one we know. */
    public static Optional<String> canonical(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (String k : NAMES) {
            if (k.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public Optional<String> get(String name) {
        return canonical(name).map(values::get);
    }

    public Attributes with(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        String key = canonical(name).orElseThrow(() -> new IllegalArgumentException("unknown attribute '" + name + "'"));
        if (value == null || value.isBlank()) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Attributes(copy);
    }
}
