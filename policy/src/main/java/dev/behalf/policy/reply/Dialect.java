package dev.behalf.policy.reply;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which Exchange the replies imitate (spec §5). Exchange Online is the default. */
public enum Dialect {
    EXCHANGE_ONLINE("exchange-online"), EXCHANGE_SERVER("exchange-server");

    private final String cliName;

    Dialect(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in config, e.g. {@code exchange-online}. */
    public String cliName() {
        return cliName;
    }

    public static Optional<Dialect> byName(String name) {
        String wanted = name.strip();
        for (Dialect d : values()) {
            if (d.cliName.equalsIgnoreCase(wanted) || d.name().equalsIgnoreCase(wanted)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static String names() {
        return Arrays.stream(values()).map(Dialect::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
