package dev.behalf.shell.internal.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cmdlet the shell knows: its name, aliases, parameters, what it takes from the pipeline, and
 * what it does.
 */
public record CmdletDefinition(String name, List<String> aliases, List<Parameter> parameters, Input input,
                        Behaviour behaviour) {

    /** What a cmdlet does with the objects piped into it. */
    public enum Input {
        /** Nothing: it only starts pipelines. */
        NONE,
        /** Runs once per piped object, with {@code -Identity} taken from the object (Get-Mailbox | Get-MailboxPermission). */
        IDENTITY,
        /** Receives all piped objects at once (Where-Object, Select-Object, Format-Table). */
        OBJECTS
    }

    /** The cmdlet's effect: objects out, changes and warnings through the context. */
    @FunctionalInterface
    public interface Behaviour {
        List<Item> invoke(Arguments arguments, List<Item> input, ExecutionContext context);
    }

    public CmdletDefinition {
        aliases = List.copyOf(aliases);
        parameters = List.copyOf(parameters);
    }

    /** A directory cmdlet that reads: {@code -DomainController} is accepted and ignored (there is one). */
    public static CmdletDefinition reading(String name, Input input, Behaviour behaviour, Parameter... parameters) {
        List<Parameter> all = new ArrayList<>(List.of(parameters));
        all.add(Parameter.of("DomainController", Parameter.Type.TEXT));
        return new CmdletDefinition(name, List.of(), all, input, behaviour);
    }

    /** The common parameter of changing cmdlets that delays their grant changes ({@code 00:02:00}, {@code 2m}, {@code 0}). */
    public static final String PROPAGATION_DELAY = "PropagationDelay";

    /**
     * A directory cmdlet that changes things: adds {@code -Confirm} and {@code -WhatIf}, and Behalf's
     * {@code -PropagationDelay} (how long the grant changes of the line take to be in force; issue 14.5).
     */
    public static CmdletDefinition changing(String name, Input input, Behaviour behaviour, Parameter... parameters) {
        List<Parameter> all = new ArrayList<>(List.of(parameters));
        // PowerShell's own aliases of these common parameters.
        all.add(new Parameter("Confirm", Parameter.Type.SWITCH, -1, false, false, List.of("cf")));
        all.add(new Parameter("WhatIf", Parameter.Type.SWITCH, -1, false, false, List.of("wi")));
        all.add(Parameter.of("DomainController", Parameter.Type.TEXT));
        all.add(Parameter.of(PROPAGATION_DELAY, Parameter.Type.TEXT));
        return new CmdletDefinition(name, List.of(), all, input, behaviour);
    }

    /**
     * The parameters {@code typed} can mean: the one whose name or alias it is, else every one it is
     * a prefix of (PowerShell accepts {@code -Auto} for {@code -AutoSize} when unambiguous).
     */
    List<Parameter> match(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(t) || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(t))) {
                return List.of(p);
            }
        }
        List<Parameter> prefixed = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!t.isEmpty() && (p.name().toLowerCase(Locale.ROOT).startsWith(t)
                    || p.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith(t)))) {
                prefixed.add(p);
            }
        }
        return prefixed;
    }

    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
