package dev.behalf.gateway.cli;

import dev.behalf.policy.reply.Dialect;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentDefaultsTest {

    private static CommandLine serve(Map<String, String> env) {
        return new CommandLine(new ServeCommand()).setDefaultValueProvider(new EnvironmentDefaults(env::get));
    }

    /** A value of the option's type that differs from its default, as its variable would carry it. */
    private static String sample(OptionSpec o) {
        Class<?> type = o.type();
        if (type == boolean.class) return "true";
        if (type == int.class || type == Integer.class) return o.longestName().equals("--max-message-size") ? "1MB" : "7";
        if (type == Path.class) return "/somewhere/" + o.longestName().substring(2);
        if (type == Dialect.class) return "exchange-server";
        if (type == java.net.URI.class) return "http://127.0.0.1:9/hook";
        if (type == dev.behalf.policy.signin.BasicAuth.class) return "retired";
        if (type == java.time.Duration.class) return "2m";
        return "value-of-" + o.longestName().substring(2);
    }

    @Test
    void everyServeOptionHasItsVariable() {
        Map<String, String> env = new HashMap<>();
        CommandLine probe = serve(Map.of());
        for (OptionSpec o : probe.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                env.put(EnvironmentDefaults.variable(o), sample(o));
            }
        }
        CommandLine cl = serve(env);
        cl.parseArgs();
        int checked = 0;
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object value = o.getValue();
            String s = sample(o);
            Object expected = o.type() == boolean.class ? Boolean.TRUE
                    : o.longestName().equals("--max-message-size") ? 1024 * 1024
                    : (o.type() == int.class || o.type() == Integer.class) ? 7
                    : o.type() == Path.class ? Path.of(s)
                    : o.type() == Dialect.class ? Dialect.EXCHANGE_SERVER
                    : o.type() == java.net.URI.class ? java.net.URI.create(s)
                    : o.type() == dev.behalf.policy.signin.BasicAuth.class ? dev.behalf.policy.signin.BasicAuth.RETIRED
                    : o.type() == java.time.Duration.class ? java.time.Duration.ofMinutes(2) : s;
            assertEquals(expected, value, o.longestName() + " from " + EnvironmentDefaults.variable(o));
            checked++;
        }
        assertTrue(checked >= 20, "serve has " + checked + " options");
    }

    @Test
    void namesAreTheLongOptionInCapitals() {
        CommandLine cl = serve(Map.of());
        assertEquals("BEHALF_SMTP_PORT", EnvironmentDefaults.variable(cl.getCommandSpec().findOption("--smtp-port")));
        assertEquals("BEHALF_TLS_KEYSTORE_PASSWORD", EnvironmentDefaults.variable(cl.getCommandSpec().findOption("--tls-keystore-password")));
        assertEquals("BEHALF_ADMIN_TOKEN", EnvironmentDefaults.variable(cl.getCommandSpec().findOption("--admin-token")));
    }

    @Test
    void theCommandLineWinsAndUnsetOrEmptyKeepsTheDefault() {
        CommandLine cl = serve(Map.of("BEHALF_SMTP_PORT", "3525", "BEHALF_IMAP_PORT", ""));
        cl.parseArgs("--smtp-port", "4525");
        ServeCommand serve = cl.getCommand();
        assertEquals(4525, serve.smtpPort);
        assertEquals(2143, serve.imapPort);
        assertEquals(2110, serve.pop3Port);
        assertFalse(serve.allowPlainAuth);
    }

    @Test
    void aBadValueIsRefusedLikeABadOption() {
        CommandLine cl = serve(Map.of("BEHALF_SMTP_PORT", "twenty-five"));
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class, cl::parseArgs);
        assertTrue(e.getMessage().contains("--smtp-port") && e.getMessage().contains("twenty-five"), e.getMessage());
    }
}
