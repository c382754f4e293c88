package dev.behalf.gateway.cli;

import dev.behalf.gateway.Defaults;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.BehalfOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defaults live in {@link Defaults}; {@code serve --help}, the README's option table and the builder say the same. */
class DocumentedDefaultsTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern OPTION_LINE = Pattern.compile("^\\s{0,8}(?:-\\w, )?(--[\\w-]+)");
    private static final Pattern DEFAULT = Pattern.compile("\\(default: ([^)]*)\\)");

    /** Every {@code serve} option with a default, and that default as the help and the README write it. */
    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("--config", Defaults.CONFIG_DIR);
        m.put("--bind", Defaults.BIND_ADDRESS);
        m.put("--hostname", Defaults.HOST_NAME);
        m.put("--smtp-port", String.valueOf(Defaults.SMTP_PORT));
        m.put("--imap-port", String.valueOf(Defaults.IMAP_PORT));
        m.put("--pop3-port", String.valueOf(Defaults.POP3_PORT));
        m.put("--http-port", String.valueOf(Defaults.HTTP_PORT));
        m.put("--dialect", Defaults.DIALECT);
        m.put("--max-message-size", Defaults.MAX_MESSAGE_SIZE_MB + "MB");
        m.put("--max-recipients", String.valueOf(Defaults.MAX_RECIPIENTS));
        m.put("--idle-timeout", String.valueOf(Defaults.IDLE_TIMEOUT_SECONDS));
        m.put("--session-timeout", String.valueOf(Defaults.SESSION_TIMEOUT_SECONDS));
        return m;
    }

    @Test
    void serveHelpShowsTheDefaultsOfTheCode() {
        CommandLine serve = BehalfCommand.commandLine().getSubcommands().get("serve");
        Map<String, String> shown = helpDefaults(serve.getHelp().optionList());
        Map<String, String> expected = defaults();
        assertEquals(expected, filter(shown, expected), "defaults in `behalf serve --help`");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), serve.getCommandSpec().findOption(e.getKey()).defaultValue(), e.getKey());
        }
    }

    @Test
    void theReadmeOptionTableQuotesTheDefaultsOfTheCode() throws IOException {
        Map<String, String> documented = readmeDefaults(Files.readString(README));
        Map<String, String> expected = defaults();
        assertTrue(documented.keySet().containsAll(expected.keySet()), "README's option table lists " + documented.keySet());
        assertEquals(expected, filter(documented, expected), "defaults in the README's option table");
    }

    @Test
    void theBuilderStartsFromTheSameDefaults() {
        BehalfOptions o = Behalf.builder().options();
        assertEquals(Defaults.CONFIG_DIR, o.configDir().toString());
        assertEquals(Defaults.BIND_ADDRESS, o.bindAddress().getHostAddress());
        assertEquals(Defaults.HOST_NAME, o.hostName());
        assertEquals(List.of(Defaults.SMTP_PORT, Defaults.IMAP_PORT, Defaults.POP3_PORT, Defaults.HTTP_PORT),
                List.of(o.smtpPort(), o.imapPort(), o.pop3Port(), o.httpPort()));
        assertEquals(Defaults.DIALECT, o.dialect().toString());
        assertEquals(new ServeCommand.SizeConverter().convert(Defaults.MAX_MESSAGE_SIZE_MB + "MB"), o.maxMessageSize());
        assertEquals(Defaults.MAX_RECIPIENTS, o.maxRecipients());
        assertEquals(Defaults.IDLE_TIMEOUT_SECONDS, o.idleTimeout().toSeconds());
        assertEquals(Defaults.SESSION_TIMEOUT_SECONDS, o.sessionTimeout().toSeconds());
    }

    /** picocli's option list: each option's block, from its line to the next option's, and the "(default: x)" in it. */
    private static Map<String, String> helpDefaults(String optionList) {
        Map<String, String> out = new LinkedHashMap<>();
        String option = null;
        StringBuilder block = new StringBuilder();
        for (String line : (optionList + "\n  --end").split("\n")) {
            Matcher m = OPTION_LINE.matcher(line);
            if (m.find()) {
                if (option != null) {
                    Matcher d = DEFAULT.matcher(block.toString().replaceAll("\\s+", " "));
                    if (d.find()) {
                        out.put(option, d.group(1));
                    }
                }
                option = m.group(1);
                block.setLength(0);
            }
            block.append(' ').append(line);
        }
        return out;
    }

    /** Rows of the README's "| option | default | |" table: every option named in the first cell, its default in the second. */
    private static Map<String, String> readmeDefaults(String readme) {
        int start = readme.indexOf("| option | default |");
        assertTrue(start >= 0, "README has no option table");
        Map<String, String> out = new LinkedHashMap<>();
        for (String row : readme.substring(start).split("\n")) {
            if (!row.startsWith("|")) {
                break;
            }
            String[] cells = row.split("\\|");
            if (cells.length < 3) {
                continue;
            }
            List<String> names = Pattern.compile("--[\\w-]+").matcher(cells[1]).results().map(MatchResult::group).toList();
            String[] values = cells[2].replace("`", "").strip().split(",\\s*");
            for (int i = 0; i < names.size(); i++) {
                String v = values[Math.min(i, values.length - 1)].strip();
                out.put(names.get(i), v.endsWith(" s") ? v.substring(0, v.length() - 2) : v);
            }
        }
        return out;
    }

    private static Map<String, String> filter(Map<String, String> all, Map<String, String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.keySet().forEach(k -> out.put(k, all.get(k)));
        return out;
    }
}
