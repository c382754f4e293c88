package dev.behalf.policy.config;

import dev.behalf.policy.directory.Directory;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the YAML directory in {@code config/}: every {@code *.yaml} / {@code *.yml} file, in name
 * order, merged. Identities in references (members, grants) are resolved with the same rules as the
 * cmdlets (spec §2). Any problem refuses the whole load with file, line and field
 * ({@link InvalidConfigException}); a partly loaded directory is never returned.
 *
 * <pre>{@code
 * Directory d = DirectoryLoader.load(Path.of("config"));
 * }</pre>
 */
public final class DirectoryLoader {

    private DirectoryLoader() {
    }

    /** Loads every YAML file of {@code configDir}; throws {@link InvalidConfigException} listing all problems. */
    public static Directory load(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            throw new InvalidConfigException(List.of(new ConfigProblem(configDir.toString(), 0, "",
                    "no such directory; pass --config DIR pointing at a folder with directory.yaml")));
        }
        Map<String, String> files = new LinkedHashMap<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(configDir)) {
            List<Path> yaml = new ArrayList<>();
            for (Path p : list) {
                if (isYaml(p)) {
                    yaml.add(p);
                }
            }
            Collections.sort(yaml);
            for (Path p : yaml) {
                files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + configDir, e);
        }
        if (files.isEmpty()) {
            throw new InvalidConfigException(List.of(new ConfigProblem(configDir.toString(), 0, "",
                    "no *.yaml file here; a directory needs at least an organization and recipients")));
        }
        return parse(files);
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    /** Parses YAML texts keyed by file name (used for error messages), merged in the given order. */
    public static Directory parse(Map<String, String> files) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigModel model = new ConfigModel();
        for (Map.Entry<String, String> f : files.entrySet()) {
            YamlReader yaml = new YamlReader(f.getKey(), problems);
            Optional<Node> root = yaml.parse(f.getValue());
            if (root.isPresent()) {
                ModelReader.readFile(yaml, root.get(), model);
            }
        }
        if (model.organization == null && problems.isEmpty()) {
            String where = files.keySet().stream().findFirst().orElse("config");
            problems.add(new ConfigProblem(where, 0, "organization", "missing: say at least 'organization: {name: Contoso, domain: contoso.com}'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new Assembly(model, problems).build();
    }

}
