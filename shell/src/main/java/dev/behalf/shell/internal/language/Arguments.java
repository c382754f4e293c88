package dev.behalf.shell.internal.language;

import dev.behalf.policy.directory.Secret;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The converted arguments of one command, by parameter name (case-insensitive). Values have the
 * type their {@link Parameter.Type} promises: Boolean for switches and booleans, String for text
 * and identities, {@code List<String>} for lists, {@link Edit}, Integer, {@link Secret},
 * {@link Condition}.
 */
public final class Arguments {
    private final Token command;
    private final Map<String, Object> values;
    private final Map<String, Token> positions;

    Arguments(Token command, Map<String, Object> values, Map<String, Token> positions) {
        this.command = command;
        this.values = new HashMap<>(values);
        this.positions = new HashMap<>(positions);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public boolean has(String name) {
        return values.containsKey(key(name));
    }

    /** Where the argument was written, or the command name when it came from the pipeline or is absent. */
    public Token at(String name) {
        return positions.getOrDefault(key(name), command);
    }

    private <T> Optional<T> get(String name, Class<T> type) {
        return Optional.ofNullable(values.get(key(name))).map(type::cast);
    }

    /** A mandatory text argument (the binder guarantees it is there). */
    public String text(String name) {
        return optionalText(name).orElseThrow(() -> new IllegalStateException("-" + name + " is not bound"));
    }

    public Optional<String> optionalText(String name) {
        return get(name, String.class);
    }

    /** A switch or boolean; false when absent. */
    public boolean flag(String name) {
        return bool(name).orElse(false);
    }

    public Optional<Boolean> bool(String name) {
        return get(name, Boolean.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(String name) {
        return get(name, List.class).map(l -> (List<String>) l).orElse(List.of());
    }

    public Optional<Edit> edit(String name) {
        return get(name, Edit.class);
    }

    public OptionalInt integer(String name) {
        Optional<Integer> i = get(name, Integer.class);
        return i.isPresent() ? OptionalInt.of(i.get()) : OptionalInt.empty();
    }

    public Optional<Secret> secret(String name) {
        return get(name, Secret.class);
    }

    public Optional<Condition> condition(String name) {
        return get(name, Condition.class);
    }
}
