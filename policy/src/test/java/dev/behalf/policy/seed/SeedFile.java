package dev.behalf.policy.seed;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A data table under {@code src/test/resources/seed/}: one YAML file per table (STYLE, Tests).
 * Values come back as plain maps, lists and strings; rows read them through {@link Row}.
 */
public final class SeedFile {
    private SeedFile() {
    }

    /** The parsed YAML document of {@code seed/<name>}. */
    public static Object load(String name) {
        try (InputStream in = SeedFile.class.getResourceAsStream("/seed/" + name)) {
            Objects.requireNonNull(in, "no test resource seed/" + name);
            return new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading seed/" + name, e);
        }
    }

    /** The document's {@code key} entry, which must be a list of mappings: the rows of a table. */
    @SuppressWarnings("unchecked")
    public static List<Row> rows(String name, String key) {
        Map<String, Object> doc = (Map<String, Object>) load(name);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Objects.requireNonNull(doc.get(key),
                "seed/" + name + " has no '" + key + "' list");
        return rows.stream().map(Row::new).toList();
    }

    /** The document's {@code key} entry as a mapping. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(String name, String key) {
        Map<String, Object> doc = (Map<String, Object>) load(name);
        return (Map<String, Object>) Objects.requireNonNull(doc.get(key), "seed/" + name + " has no '" + key + "'");
    }
}
