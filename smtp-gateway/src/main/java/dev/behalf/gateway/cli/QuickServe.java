package dev.behalf.gateway.cli;

import picocli.CommandLine;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code behalf serve --option value ...} without building picocli's model: the {@code Option}s of
 * {@link ServeCommand} stay the one declaration of serve's options (names, defaults, converters, help
 * text), and this reads them, through the table the build writes of them ({@link ServeOptionIndex}),
 * the way picocli does for the plain case: {@code --name value},
 * {@code --name=value}, a flag as {@code --name}, each option once, then its {@code BEHALF_} variable
 * ({@link EnvironmentDefaults}), then its {@code defaultValue}.
 *
 * <p>Why: picocli's reflective model of the three commands, its built-in converters and their
 * java.time and java.sql classes cost about 0.2 s of a start-up that must not be slower than
 * GreenMail's (docs/benchmarks.md). Anything else ({@code --help}, {@code --version}, a short or
 * unknown option, an option twice, a value that does not convert, a bind address that does not
 * resolve) is left to picocli, which gives its own help and error: this answers {@link Optional#empty()}
 * before anything has started.
 */
final class QuickServe {
    private QuickServe() {
    }

    /** The {@code serve} command of these arguments, its fields set as picocli would set them; or empty: let picocli parse. */
    static Optional<ServeCommand> parse(String[] args, UnaryOperator<String> environment) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return Optional.empty();
        }
        return parse(args, environment, ServeOptionIndex.bundled());
    }

    /** {@link #parse(String[], UnaryOperator)} with the options' table given; none, and picocli parses. */
    static Optional<ServeCommand> parse(String[] args, UnaryOperator<String> environment,
                                        Optional<List<ServeOptionIndex.Entry>> index) {
        if (args.length == 0 || !args[0].equals("serve") || index.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parseServe(args, environment, index.get()));
        } catch (Exception e) {
            // A value a converter refuses, a path or URI that is malformed, a table that names no field of
            // ServeCommand: picocli says it in its words.
            return Optional.empty();
        }
    }

    private static ServeCommand parseServe(String[] args, UnaryOperator<String> environment,
                                           List<ServeOptionIndex.Entry> entries) throws Exception {
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, Integer> byName = new HashMap<>();
        Field[] fields = new Field[entries.size()];
        for (int i = 0; i < fields.length; i++) {
            ServeOptionIndex.Entry entry = entries.get(i);
            if (!entry.plain()) {
                return null;
            }
            fields[i] = ServeCommand.class.getDeclaredField(entry.field());
            for (String name : entry.names()) {
                byName.put(name, i);
            }
        }
        ServeCommand command = new ServeCommand();
        boolean[] given = new boolean[fields.length];
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.equals("--")) {
                return null;
            }
            int eq = arg.indexOf('=');
            Integer option = byName.get(eq < 0 ? arg : arg.substring(0, eq));
            if (option == null || given[option]) {
                return null;
            }
            given[option] = true;
            Field field = fields[option];
            if (field.getType() == boolean.class) {
                if (eq >= 0) {
                    return null;
                }
                field.setBoolean(command, true);
                continue;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return null;
            }
            field.set(command, convert(field, entries.get(option), value));
        }
        for (int i = 0; i < fields.length; i++) {
            if (given[i]) {
                continue;
            }
            ServeOptionIndex.Entry entry = entries.get(i);
            String value = environment.apply(EnvironmentDefaults.variable(entry.longestName()));
            if (value == null || value.isEmpty()) {
                value = entry.defaultValue().equals(ServeOptionIndex.NO_DEFAULT) ? null : entry.defaultValue();
            }
            if (value == null) {
                continue;
            }
            Field field = fields[i];
            if (field.getType() == boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return null;
                }
                field.setBoolean(command, Boolean.parseBoolean(value));
            } else {
                field.set(command, convert(field, entry, value));
            }
        }
        // ServeCommand reports a bad --bind as picocli's usage error, which needs picocli's model.
        InetAddress.getByName(command.bind);
        return command;
    }

    private static Object convert(Field field, ServeOptionIndex.Entry option, String value) throws Exception {
        if (option.converter().isPresent()) {
            Class<?> converter = Class.forName(option.converter().get(), true, QuickServe.class.getClassLoader());
            return ((CommandLine.ITypeConverter<?>) converter.getDeclaredConstructor().newInstance()).convert(value);
        }
        Class<?> type = field.getType();
        if (type == String.class) {
            return value;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == Path.class) {
            return Path.of(value);
        }
        if (type == URI.class) {
            return new URI(value);
        }
        throw new IllegalArgumentException("no quick conversion to " + type.getName());
    }

    /** The command parsed by {@link #parse}, run as picocli's {@code execute} would: its exit code, 1 and the stack trace if it throws. */
    static int run(ServeCommand command) {
        try {
            return command.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            return 1;
        }
    }
}
