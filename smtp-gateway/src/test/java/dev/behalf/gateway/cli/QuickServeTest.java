package dev.behalf.gateway.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link QuickServe} sets every field exactly as picocli does, or leaves the arguments to picocli. */
class QuickServeTest {

    private static ServeCommand picocli(Map<String, String> env, String... serveArgs) {
        CommandLine cl = new CommandLine(new ServeCommand()).setDefaultValueProvider(new EnvironmentDefaults(env::get));
        cl.parseArgs(serveArgs);
        return cl.getCommand();
    }

    private static Optional<ServeCommand> quick(Map<String, String> env, String... serveArgs) {
        List<String> args = new ArrayList<>(List.of("serve"));
        args.addAll(List.of(serveArgs));
        return QuickServe.parse(args.toArray(String[]::new), env::get);
    }

    private static void assertSameAsPicocli(Map<String, String> env, String... serveArgs) throws IllegalAccessException {
        ServeCommand expected = picocli(env, serveArgs);
        ServeCommand actual = quick(env, serveArgs).orElseThrow(() -> new AssertionError("left to picocli: " + List.of(serveArgs)));
        int compared = 0;
        for (Field f : ServeCommand.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class)) {
                assertEquals(f.get(expected), f.get(actual), f.getName() + " of " + List.of(serveArgs) + " " + env);
                compared++;
            }
        }
        assertTrue(compared >= 20, "serve has " + compared + " options");
    }

    @Test
    void theDefaultsAreTheAnnotations() throws Exception {
        assertSameAsPicocli(Map.of());
        ServeCommand serve = quick(Map.of()).orElseThrow();
        assertEquals(2525, serve.smtpPort);
        assertEquals(35 * 1024 * 1024, serve.maxMessageSize);
        assertFalse(serve.allowPlainAuth);
    }

    @Test
    void everyOptionOnTheCommandLineInBothSpellings() throws Exception {
        String[] given = {"--config", "/somewhere/config", "--bind", "127.0.0.1", "--hostname", "mx.contoso.com",
                "--smtp-port", "0", "--smtps-port", "4465", "--imap-port", "7", "--pop3-port", "8", "--http-port", "9",
                "--data-dir", "/tmp/data", "--dialect", "exchange-server", "--max-message-size", "512KB",
                "--max-recipients", "12", "--enforce-envelope", "--admin-token", "s3cret", "--generate-admin-token",
                "--tls-keystore", "/k.p12", "--tls-keystore-password", "pw", "--allow-plain-auth", "--idle-timeout", "30",
                "--session-timeout", "60", "--max-connections", "5", "--max-connections-per-ip", "2",
                "--no-sign-in-throttle", "--basic-auth", "retired", "--webhook", "http://127.0.0.1:9/hook",
                "--propagation-delay", "2m", "--faults", "/f.yaml"};
        assertSameAsPicocli(Map.of(), given);
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            boolean flag = i + 1 == given.length || given[i + 1].startsWith("--");
            joined.add(flag ? given[i] : given[i] + "=" + given[++i]);
        }
        assertSameAsPicocli(Map.of(), joined.toArray(String[]::new));
        assertEquals(512 * 1024, quick(Map.of(), given).orElseThrow().maxMessageSize);
    }

    @Test
    void variablesComeBetweenTheCommandLineAndTheDefaults() throws Exception {
        Map<String, String> env = Map.of("BEHALF_SMTP_PORT", "3525", "BEHALF_IMAP_PORT", "", "BEHALF_ALLOW_PLAIN_AUTH", "true",
                "BEHALF_DIALECT", "exchange-server", "BEHALF_DATA_DIR", "/var/behalf", "BEHALF_PROPAGATION_DELAY", "30s");
        assertSameAsPicocli(env);
        assertSameAsPicocli(env, "--smtp-port", "4525");
        assertEquals(4525, quick(env, "--smtp-port", "4525").orElseThrow().smtpPort);
        assertEquals(3525, quick(env).orElseThrow().smtpPort);
    }

    @Test
    void theTableTheBuildWroteIsTheAnnotations() {
        List<ServeOptionIndex.Entry> annotated = ServeOptionIndex.of(ServeCommand.class);
        assertTrue(annotated.size() >= 20, "serve has " + annotated.size() + " options");
        assertEquals(annotated, ServeOptionIndex.bundled().orElseThrow(
                () -> new AssertionError(ServeOptionIndex.RESOURCE + " is missing: the build's process-classes step writes it")));
        assertEquals(annotated, ServeOptionIndex.read(ServeOptionIndex.write(annotated)));
        ServeOptionIndex.Entry dialect = annotated.stream().filter(e -> e.field().equals("dialect")).findFirst().orElseThrow();
        assertEquals(List.of("--dialect"), dialect.names());
        assertEquals(Optional.of(ServeCommand.DialectConverter.class.getName()), dialect.converter());
        assertEquals(ServeOptionIndex.NO_DEFAULT,
                annotated.stream().filter(e -> e.field().equals("dataDir")).findFirst().orElseThrow().defaultValue());
    }

    @Test
    void withoutAUsableTableTheCommandLineIsPicocliS() {
        String[] args = {"serve", "--smtp-port", "0"};
        List<ServeOptionIndex.Entry> table = ServeOptionIndex.bundled().orElseThrow();
        assertTrue(QuickServe.parse(args, k -> null, Optional.of(table)).isPresent());
        assertTrue(QuickServe.parse(args, k -> null, Optional.empty()).isEmpty(), "a class path without the table");
        assertTrue(QuickServe.parse(args, k -> null, Optional.of(List.of())).isEmpty(), "an empty table");
        List<ServeOptionIndex.Entry> stale = new ArrayList<>(table);
        stale.add(new ServeOptionIndex.Entry("noSuchField", List.of("--gone"), ServeOptionIndex.NO_DEFAULT, Optional.empty(), true));
        assertTrue(QuickServe.parse(args, k -> null, Optional.of(stale)).isEmpty(), "a table naming a field serve lacks");
        List<ServeOptionIndex.Entry> unusual = new ArrayList<>(table);
        unusual.set(0, new ServeOptionIndex.Entry(table.get(0).field(), table.get(0).names(), table.get(0).defaultValue(),
                table.get(0).converter(), false));
        assertTrue(QuickServe.parse(args, k -> null, Optional.of(unusual)).isEmpty(), "an option only picocli reads");
    }

    @Test
    void aCellThatWouldBreakTheTableIsRefused() {
        for (String bad : new String[] {"a\tb", "a\nb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ServeOptionIndex.Entry("field", List.of("--x"), bad, Optional.empty(), true));
            assertTrue(e.getMessage().contains(ServeOptionIndex.RESOURCE), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new ServeOptionIndex.Entry("field", List.of("--a,b"), "", Optional.empty(), true));
        assertThrows(IllegalArgumentException.class,
                () -> ServeOptionIndex.read("field\t--x\n"));
    }

    @Test
    void helpVersionAndAnythingUnusualOrWrongIsPicocliS() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"--version"}, {"-V"}, {"--nope"}, {"stray"},
                {"--smtp-port", "1", "--smtp-port", "2"}, {"--smtp-port", "twenty-five"}, {"--smtp-port"},
                {"--smtp-port", "--imap-port", "1"}, {"--enforce-envelope=true"}, {"--dialect", "gmail"},
                {"--max-message-size", "12"}, {"--basic-auth", "sometimes"}, {"--propagation-delay", "soon"},
                {"--webhook", "http://bad host/"}, {"--bind", "no-such-host.invalid"}, {"--", "--smtp-port", "1"}}) {
            assertTrue(quick(Map.of(), args).isEmpty(), List.of(args) + " is left to picocli");
        }
        assertTrue(quick(Map.of("BEHALF_SMTP_PORT", "twenty-five")).isEmpty(), "a bad variable is picocli's error too");
        assertTrue(quick(Map.of("BEHALF_ALLOW_PLAIN_AUTH", "yes")).isEmpty());
        assertTrue(QuickServe.parse(new String[] {"shell", "-c", "Get-Mailbox"}, k -> null).isEmpty());
        assertTrue(QuickServe.parse(new String[0], k -> null).isEmpty());
    }
}
