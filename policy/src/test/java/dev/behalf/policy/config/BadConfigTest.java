package dev.behalf.policy.config;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.seed.Row;
import dev.behalf.policy.seed.SeedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad directory configs are refused whole, each problem with file, line and field ({@code seed/bad-configs.yaml}). */
class BadConfigTest {

    static List<Row> cases() {
        return SeedFile.rows("bad-configs.yaml", "cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badConfigIsRefusedWithFileLineAndField(Row row) {
        Map<String, String> files = files(row);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> DirectoryLoader.parse(files),
                () -> row.id() + ": loaded, but must be refused:\n" + files);
        List<String> problems = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(row.texts("problems"), problems, () -> row.id() + "\n files: " + files + "\n problems:\n  "
                + String.join("\n  ", problems));
        int n = problems.size();
        assertEquals(n + " problem" + (n == 1 ? "" : "s") + " in the directory config:\n  " + String.join("\n  ", problems),
                e.getMessage(), row.id());
    }

    @Test
    void loadOfAFolderNamesEachFileByItsPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "organization: { name: Contoso, domain: contoso.com }\n");
        Files.writeString(dir.resolve("b.yml"), "recipients:\n  - { name: Terry Adams, type: Mailbox }\n");
        Files.writeString(dir.resolve("notes.txt"), "not: [yaml");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> DirectoryLoader.load(dir));
        assertEquals(List.of(dir.resolve("b.yml") + ":2 recipients[0].type"),
                e.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.field()).toList());
    }

    @Test
    void loadOfAMissingFolderSaysWhatToPass(@TempDir Path dir) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> DirectoryLoader.load(dir.resolve("nope")));
        assertEquals(dir.resolve("nope") + ": no such directory; pass --config DIR pointing at a folder with directory.yaml",
                e.problems().get(0).toString());
    }

    @Test
    void loadOfAFolderWithoutYamlSaysWhatItNeeds(@TempDir Path dir) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> DirectoryLoader.load(dir));
        assertEquals(dir + ": no *.yaml file here; a directory needs at least an organization and recipients",
                e.problems().get(0).toString());
    }

    @Test
    void filesMergeInOrderAndAGoodConfigLoads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1-org.yaml"), "organization: { name: Contoso, domain: contoso.com }\ndefaults: { password: pw }\n");
        Files.writeString(dir.resolve("2-people.yaml"), "recipients:\n  - { name: Terry Adams, alias: terrya, type: UserMailbox }\n");
        Files.writeString(dir.resolve("3-grants.yaml"), """
                recipients:
                  - { name: Raymond Sam, alias: raymonds, type: UserMailbox }
                grants:
                  sendAs: [{ identity: terrya, trustee: raymonds }]
                """);
        Directory d = DirectoryLoader.load(dir);
        assertEquals(List.of("Terry Adams", "Raymond Sam"), d.recipients().stream().map(r -> r.name()).toList());
        assertEquals(1, d.recipients().iterator().next().sendAs().size());
    }

    private static Map<String, String> files(Row row) {
        Map<String, String> files = new LinkedHashMap<>();
        Row f = row.row("files");
        // Row copies into an unordered map; the YAML order of the files is kept by their names.
        f.values().keySet().stream().sorted().forEach(k -> files.put(k, f.text(k)));
        return files;
    }
}
