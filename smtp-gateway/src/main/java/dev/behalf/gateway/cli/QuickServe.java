package dev.behalf.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code behalf serve --option value ...} without building picocli's model: the {@link Option}s of
 * {@link ServeCommand} stay the one declaration of serve's options (names, defaults, converters, help
 * text), and this reads them the way picocli does for the plain case: {@code --name value},
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
    /** picocli's {@code Option.defaultValue()} when none is given. */
    private static final String NO_DEFAULT = "__no_default_value__";

    private QuickServe() {
    }

    /** The {@code serve} command of these arguments, its fields set as picocli would set them; or empty: let picocli parse. */
    static Optional<ServeCommand> parse(String[] args, UnaryOperator<String> environment) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parseServe(args, environment));
        } catch (Exception e) {
            // A value a converter refuses, a path or URI that is malformed: picocli says it in its words.
            return Optional.empty();
        }
    }

    private static ServeCommand parseServe(String[] args, UnaryOperator<String> environment) throws Exception {
        Map<String, Field> byName = new HashMap<>();
        List<Field> options = new ArrayList<>();
        for (Field field : ServeCommand.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option == null) {
                continue;
            }
            if (!plain(option) || Modifier.isFinal(field.getModifiers())) {
                return null;
            }
            options.add(field);
            for (String name : option.names()) {
                byName.put(name, field);
            }
        }
        ServeCommand command = new ServeCommand();
        Set<Field> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.equals("--")) {
                return null;
            }
            int eq = arg.indexOf('=');
            Field field = byName.get(eq < 0 ? arg : arg.substring(0, eq));
            if (field == null || !given.add(field)) {
                return null;
            }
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
            field.set(command, convert(field, value));
        }
        for (Field field : options) {
            if (given.contains(field)) {
                continue;
            }
            Option option = field.getAnnotation(Option.class);
            String value = environment.apply(EnvironmentDefaults.variable(longest(option.names())));
            if (value == null || value.isEmpty()) {
                value = option.defaultValue().equals(NO_DEFAULT) ? null : option.defaultValue();
            }
            if (value == null) {
                continue;
            }
            if (field.getType() == boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return null;
                }
                field.setBoolean(command, Boolean.parseBoolean(value));
            } else {
                field.set(command, convert(field, value));
            }
        }
        // ServeCommand reports a bad --bind as picocli's usage error, which needs picocli's model.
        InetAddress.getByName(command.bind);
        return command;
    }

    /** Options this reads like picocli: one value (or none, a flag), no splitting, arity, negation or prompting. */
    private static boolean plain(Option option) {
        return option.arity().isEmpty() && option.split().isEmpty() && !option.negatable() && !option.required()
                && !option.interactive() && !option.usageHelp() && !option.versionHelp()
                && !option.defaultValue().contains("${") && option.converter().length <= 1;
    }

    private static Object convert(Field field, String value) throws Exception {
        Class<? extends CommandLine.ITypeConverter<?>>[] converter = field.getAnnotation(Option.class).converter();
        if (converter.length == 1) {
            var constructor = converter[0].getDeclaredConstructor();
            return constructor.newInstance().convert(value);
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

    /** picocli's {@code OptionSpec.longestName()}: the longest name, the first of equals. */
    static String longest(String[] names) {
        String longest = names[0];
        for (String name : names) {
            if (name.length() > longest.length()) {
                longest = name;
            }
        }
        return longest;
    }
}
