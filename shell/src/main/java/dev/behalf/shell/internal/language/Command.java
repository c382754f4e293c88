package dev.behalf.shell.internal.language;

import java.util.List;
import java.util.Optional;

/**
 * One cmdlet call with its arguments already matched to the cmdlet's parameters (named ones by
 * name or unambiguous prefix, positional ones by position), as PowerShell binds them.
 *
 * @param name the token naming the cmdlet (or its alias), for error positions
 */
record Command(Token name, CmdletDefinition cmdlet, List<Argument> arguments) {

    Command {
        arguments = List.copyOf(arguments);
    }

    Optional<Argument> argument(String parameter) {
        return arguments.stream().filter(a -> a.parameter().name().equalsIgnoreCase(parameter)).findFirst();
    }
}
