package dev.behalf.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads each {@code serve} option's default from the environment, so a container is configured
 * with {@code -e} alone: {@code --smtp-port} is {@code BEHALF_SMTP_PORT}, {@code --data-dir}
 * {@code BEHALF_DATA_DIR}, a flag such as {@code --allow-plain-auth} is {@code BEHALF_ALLOW_PLAIN_AUTH=true}.
 * An option on the command line beats its variable; an unset or empty variable leaves the
 * documented default. Values are converted and checked exactly as the option's own are.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String PREFIX = "BEHALF_";

    private final UnaryOperator<String> environment;

    /** Used by picocli ({@code defaultValueProvider} on {@link ServeCommand}). */
    EnvironmentDefaults() {
        this(System::getenv);
    }

    EnvironmentDefaults(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** {@code --tls-keystore-password} -> {@code BEHALF_TLS_KEYSTORE_PASSWORD}. */
    static String variable(OptionSpec option) {
        return variable(option.longestName());
    }

    /** {@code --smtp-port} -> {@code BEHALF_SMTP_PORT}. */
    static String variable(String longestName) {
        return PREFIX + longestName.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = environment.apply(variable(option));
        return value == null || value.isEmpty() ? null : value;
    }
}
