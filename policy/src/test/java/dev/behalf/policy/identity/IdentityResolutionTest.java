package dev.behalf.policy.identity;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.policy.seed.Row;
import dev.behalf.policy.seed.SeedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Identity strings (spec §2) and sign-in names, one row of {@code seed/identities.yaml} per case. */
class IdentityResolutionTest {
    private static final String FILE = "identities.yaml";
    private static final Directory DIRECTORY = DemoDirectory.with(String.valueOf(
            ((Map<?, ?>) SeedFile.load(FILE)).get("add")));

    static List<Row> resolve() {
        return SeedFile.rows(FILE, "resolve");
    }

    static List<Row> login() {
        return SeedFile.rows(FILE, "login");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolve")
    void identityResolvesPerSpecSection2(Row row) {
        String identity = row.text("identity");
        Resolution r = DIRECTORY.resolve(identity);
        String context = row.id() + ": '" + identity + "' resolved to " + r;
        assertEquals(identity, r.identity(), context);
        switch (row.text("expect")) {
            case "NotFound" -> assertInstanceOf(Resolution.NotFound.class, r, context);
            case "Ambiguous" -> {
                Resolution.Ambiguous a = assertInstanceOf(Resolution.Ambiguous.class, r, context);
                assertEquals(row.texts("matches").stream().sorted().toList(),
                        a.matches().stream().map(Recipient::name).sorted().toList(), context);
            }
            default -> assertEquals(row.text("expect"),
                    assertInstanceOf(Resolution.Found.class, r, context).recipient().name(), context);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("login")
    void accountSignsInByItsLoginForms(Row row) {
        Optional<Recipient> account = DIRECTORY.account(row.text("login"));
        String expected = row.text("expect");
        assertEquals(expected.equals("None") ? Optional.empty() : Optional.of(expected), account.map(Recipient::name),
                row.id() + ": '" + row.text("login") + "'");
    }

    @Test
    void everyDemoObjectResolvesByItsGuidNameDistinguishedNameLegacyDnAndCanonicalName() {
        Directory demo = DemoDirectory.load();
        for (Recipient r : demo.recipients()) {
            for (String identity : List.of(r.id().toString(), r.name(), r.distinguishedName(), r.legacyExchangeDn(),
                    demo.organization().canonicalName(r.distinguishedName()))) {
                Resolution res = demo.resolve(identity);
                assertEquals(r.id(), assertInstanceOf(Resolution.Found.class, res, r.name() + " by '" + identity + "': " + res.getClass())
                        .recipient().id(), identity);
            }
        }
    }

    @Test
    void aNameNeedingLdapEscapesResolvesByItsDistinguishedName() {
        Directory d = DemoDirectory.with("""
                recipients:
                  - { name: "Smith, Anna", alias: annas, type: UserMailbox }
                """);
        Recipient anna = DemoDirectory.find(d, "Smith, Anna");
        assertEquals("CN=Smith\\, Anna,CN=Users,DC=contoso,DC=com", anna.distinguishedName());
        assertEquals(anna.id(), assertInstanceOf(Resolution.Found.class,
                d.resolve("CN=Smith\\, Anna,CN=Users,DC=contoso,DC=com")).recipient().id());
        assertEquals(anna.id(), assertInstanceOf(Resolution.Found.class,
                d.resolve("contoso.com/Users/Smith, Anna")).recipient().id());
    }
}
