package dev.behalf.policy.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML through SnakeYAML's node API so that every value keeps its line, and reports type
 * errors and unknown keys as {@link ConfigProblem}s instead of exceptions. One instance per file.
 */
final class YamlReader {
    private final String file;
    private final List<ConfigProblem> problems;

    YamlReader(String file, List<ConfigProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    /** How many problems have been reported so far (all files), to tell whether a step added one. */
    int problemCount() {
        return problems.size();
    }

    /** The document's root node, or empty (with a problem) when the text is not YAML. */
    Optional<Node> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(64 * 1024 * 1024);
        try {
            // What Yaml.compose does, without the Yaml facade: it also makes a constructor and a representer
            // this never uses (SnakeYAML's JavaBeans introspection and java.util.logging, ~0.1 s of start-up).
            Composer composer = new Composer(new ParserImpl(new StreamReader(new java.io.StringReader(text)), options),
                    new TextResolver(), options);
            return Optional.ofNullable(composer.getSingleNode());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problem(line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            problem(0, "", "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    void problem(int line, String field, String message) {
        problems.add(new ConfigProblem(file, line, field, message));
    }

    void problem(Node node, String field, String message) {
        problem(line(node), field, message);
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The entries of a mapping, in order; unknown keys are reported with the known ones. */
    Optional<Map<String, Node>> mapping(Node node, String field, Set<String> known) {
        if (!(node instanceof MappingNode m)) {
            problem(node, field, "expected a mapping (key: value lines), found " + describe(node));
            return Optional.empty();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), field, "keys must be plain words");
                continue;
            }
            String key = k.getValue();
            Optional<String> canonical = canonicalKey(known, key);
            if (canonical.isEmpty()) {
                problem(k, join(field, key), "unknown field '" + key + "'; known fields: " + String.join(", ", known));
                continue;
            }
            // SnakeYAML's duplicate-key check lives in its constructor, which compose() skips.
            Node first = out.putIfAbsent(canonical.get(), t.getValueNode());
            if (first != null) {
                problem(k, join(field, canonical.get()), "duplicate field '" + key + "' (first at line "
                        + keyLine(m, canonical.get()) + "); a field may appear once");
            }
        }
        return Optional.of(out);
    }

    /** The known field {@code key} names, in any case; the exact spelling is tried first (a hash lookup). */
    private static Optional<String> canonicalKey(Set<String> known, String key) {
        if (known.contains(key)) {
            return Optional.of(key);
        }
        for (String k : known) {
            if (k.equalsIgnoreCase(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The line of the first key of {@code m} spelled {@code key} in any case. */
    private static int keyLine(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equalsIgnoreCase(key)) {
                return line(k);
            }
        }
        return 0;
    }

    Optional<String> string(Node node, String field) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            if (v == null || v.isBlank() || isNull(s)) {
                problem(node, field, "must not be empty");
                return Optional.empty();
            }
            return Optional.of(v.strip());
        }
        problem(node, field, "expected a single value, found " + describe(node));
        return Optional.empty();
    }

    Optional<Boolean> bool(Node node, String field) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue().strip().toLowerCase(Locale.ROOT);
            switch (v) {
                case "true", "yes", "on", "$true" -> {
                    return Optional.of(true);
                }
                case "false", "no", "off", "$false" -> {
                    return Optional.of(false);
                }
                default -> { }
            }
        }
        problem(node, field, "expected true or false, found " + describe(node));
        return Optional.empty();
    }

    /** A list of values; a single value is a list of one, as in the cmdlets. */
    List<Node> list(Node node, String field) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        if (node instanceof ScalarNode s && isNull(s)) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        problem(node, field, "expected a list, found " + describe(node));
        return List.of();
    }

    /** A list of strings, each with its node for line numbers. */
    List<Located> strings(Node node, String field) {
        List<Located> out = new ArrayList<>();
        List<Node> items = list(node, field);
        for (int i = 0; i < items.size(); i++) {
            String f = field + "[" + i + "]";
            Node item = items.get(i);
            Optional<String> v = string(item, f);
            if (v.isPresent()) {
                out.add(new Located(v.get(), line(item), f));
            }
        }
        return out;
    }

    /** The values of {@link #strings}, without their lines. */
    static List<String> values(List<Located> located) {
        List<String> out = new ArrayList<>(located.size());
        for (Located l : located) {
            out.add(l.value());
        }
        return List.copyOf(out);
    }

    /**
     * Resolves every plain scalar to a string. SnakeYAML's default resolver runs a regular expression
     * per scalar to guess ints, floats, booleans and timestamps that this loader never uses (it reads
     * every value as text, booleans included); skipping it makes large directories load much faster.
     */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // none: every plain scalar stays a string
        }
    }

    /** A value with the line and field path it came from. */
    record Located(String value, int line, String field) {
    }

    /** YAML's null spellings, for plain (unquoted) scalars only: {@link TextResolver} leaves them as text. */
    private static boolean isNull(ScalarNode s) {
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return false;
        }
        String v = s.getValue();
        return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        return switch (node.getNodeId()) {
            case scalar -> "'" + ((ScalarNode) node).getValue() + "'";
            case sequence -> "a list";
            case mapping -> "a mapping";
            default -> "an alias";
        };
    }
}
