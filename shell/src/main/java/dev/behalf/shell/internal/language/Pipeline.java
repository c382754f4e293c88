package dev.behalf.shell.internal.language;

import java.util.List;

/**
 * One command line: commands joined by {@code |}, and the source text they came from (which becomes
 * the origin of the change set the line produces).
 */
public record Pipeline(List<Command> commands, String text) {

    public Pipeline {
        commands = List.copyOf(commands);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a pipeline has at least one command");
        }
    }
}
