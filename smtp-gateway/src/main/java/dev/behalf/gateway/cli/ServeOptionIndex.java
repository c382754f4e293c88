package dev.behalf.gateway.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Option}s of {@link ServeCommand} as a table that {@link QuickServe} reads without touching an
 * annotation. The build writes it from those annotations (exec-maven-plugin in process-classes runs
 * {@link #main}) into {@value #RESOURCE}; nobody edits it, and {@code QuickServeTest} holds it to them.
 *
 * <p>Why a table: the first annotation a JVM reads makes the JDK's annotation parser and a proxy class for
 * picocli's {@code Option}, 25-45 ms of the main thread before the directory can start loading, on a start
 * that must not be slower than GreenMail's (docs/benchmarks.md). A build without the table (a class path an
 * IDE assembled) still starts: {@link QuickServe} then leaves the command line to picocli.
 */
public final class ServeOptionIndex {
    static final String RESOURCE = "/META-INF/behalf/serve-options.tsv";
    /** picocli's {@code Option.defaultValue()} when none is given. */
    static final String NO_DEFAULT = "__no_default_value__";

    /**
     * One option field: its names, its {@code defaultValue} ({@link #NO_DEFAULT} when none), the converter
     * class it names, if one, and whether {@link QuickServe} can read it the way picocli does.
     */
    record Entry(String field, List<String> names, String defaultValue, Optional<String> converter, boolean plain) {
        Entry {
            names = List.copyOf(names);
            if (field.isEmpty() || names.isEmpty()) {
                throw new IllegalArgumentException("an option needs a field and a name");
            }
            for (String name : names) {
                if (name.contains(",")) {
                    throw new IllegalArgumentException("a comma in the option name " + name);
                }
                cell(name);
            }
            cell(field);
            cell(defaultValue);
            if (converter.isPresent()) {
                cell(converter.get());
            }
        }

        /** A cell holds no tab or line break (and a name no comma): the table could not be read back. */
        private static void cell(String text) {
            if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an option's field, name, default or converter breaks a line of " + RESOURCE);
            }
        }

        /** picocli's {@code OptionSpec.longestName()}: the longest name, the first of equals. */
        String longestName() {
            String longest = names.get(0);
            for (String name : names) {
                if (name.length() > longest.length()) {
                    longest = name;
                }
            }
            return longest;
        }
    }

    private ServeOptionIndex() {
    }

    /** The table of a command class, read from its annotations: what the build writes. */
    static List<Entry> of(Class<?> command) {
        List<Entry> entries = new ArrayList<>();
        for (Field field : command.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option == null) {
                continue;
            }
            Optional<String> converter = option.converter().length == 1
                    ? Optional.of(option.converter()[0].getName()) : Optional.empty();
            entries.add(new Entry(field.getName(), List.of(option.names()), option.defaultValue(), converter,
                    plain(option) && !Modifier.isFinal(field.getModifiers())));
        }
        return entries;
    }

    /** Options read like picocli reads them: one value (or none, a flag), no splitting, arity, negation or prompting. */
    private static boolean plain(Option option) {
        return option.arity().isEmpty() && option.split().isEmpty() && !option.negatable() && !option.required()
                && !option.interactive() && !option.usageHelp() && !option.versionHelp()
                && !option.defaultValue().contains("${") && option.converter().length <= 1;
    }

    /** One line an option: field, names (comma-separated), default, converter ({@code -} for none), {@code plain} or {@code picocli}. */
    static String write(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.field()).append('\t').append(String.join(",", e.names())).append('\t').append(e.defaultValue())
                    .append('\t').append(e.converter().orElse("-")).append('\t').append(e.plain() ? "plain" : "picocli").append('\n');
        }
        return text.toString();
    }

    static List<Entry> read(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 5 || !cells[4].equals("plain") && !cells[4].equals("picocli")) {
                throw new IllegalArgumentException(RESOURCE + ": not a line of the table: " + line);
            }
            entries.add(new Entry(cells[0], List.of(cells[1].split(",")), cells[2],
                    cells[3].equals("-") ? Optional.empty() : Optional.of(cells[3]), cells[4].equals("plain")));
        }
        return entries;
    }

    /** The table the build put next to the classes, or empty when this class path has none. */
    static Optional<List<Entry>> bundled() {
        try (InputStream in = ServeOptionIndex.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Writes {@link ServeCommand}'s table under the class output directory given (the build's step). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ServeOptionIndex CLASS_OUTPUT_DIRECTORY");
        }
        Path out = Path.of(args[0], RESOURCE.substring(1));
        Files.createDirectories(out.getParent());
        Files.writeString(out, write(of(ServeCommand.class)), StandardCharsets.UTF_8);
    }
}
