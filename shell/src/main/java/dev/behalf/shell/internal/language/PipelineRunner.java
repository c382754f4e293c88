package dev.behalf.shell.internal.language;

import dev.behalf.policy.change.Propagation;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one pipeline: each command gets the previous one's output. A directory cmdlet that takes
 * {@code -Identity} from the pipeline runs once per piped object; Where/Select/Sort/Format take
 * them all at once; a cmdlet that takes no input refuses it, as PowerShell does.
 */
public final class PipelineRunner {
    private final ExecutionContext context;
    private final Binder binder;

    public PipelineRunner(ExecutionContext context) {
        this.context = context;
        this.binder = new Binder(this::run);
    }

    public List<Item> run(Pipeline pipeline) {
        List<Item> items = List.of();
        boolean first = true;
        for (Command command : pipeline.commands()) {
            items = stage(command, items, !first);
            first = false;
        }
        return items;
    }

    private List<Item> stage(Command command, List<Item> input, boolean piped) {
        CmdletDefinition cmdlet = command.cmdlet();
        switch (cmdlet.input()) {
            case OBJECTS -> {
                return invoke(cmdlet, binder.bind(command, null), input);
            }
            case IDENTITY -> {
                if (!piped) {
                    return invoke(cmdlet, binder.bind(command, null), List.of());
                }
                List<Item> out = new ArrayList<>();
                for (Item item : input) {
                    out.addAll(invoke(cmdlet, binder.bind(command, asObject(command, item)), List.of()));
                }
                return out;
            }
            default -> {
                if (piped && !input.isEmpty()) {
                    throw new CmdletException(command.name(), "The input object cannot be bound to any parameters for the command either"
                            + " because the command does not take pipeline input or the input and its properties do not match any of the"
                            + " parameters that take pipeline input.");
                }
                return invoke(cmdlet, binder.bind(command, null), List.of());
            }
        }
    }

    /** Runs the cmdlet; a {@code -PropagationDelay} it was given holds for the line's changes. */
    private List<Item> invoke(CmdletDefinition cmdlet, Arguments arguments, List<Item> input) {
        if (arguments.has(CmdletDefinition.PROPAGATION_DELAY)) {
            try {
                context.propagationDelay(Propagation.parseDelay(arguments.text(CmdletDefinition.PROPAGATION_DELAY)));
            } catch (IllegalArgumentException e) {
                throw new CmdletException(arguments.at(CmdletDefinition.PROPAGATION_DELAY), "Cannot bind parameter 'PropagationDelay': " + e.getMessage());
            }
        }
        return cmdlet.behaviour().invoke(arguments, input, context);
    }

    /** A piped plain value binds as the identity itself ({@code ... | Select -ExpandProperty Name | Get-Mailbox}). */
    private static ShellObject asObject(Command command, Item item) {
        if (item instanceof ShellObject o) {
            return o;
        }
        if (item instanceof Item.Scalar s) {
            return ShellObject.builder("System.String").add("Identity", Values.text(s.value())).build(View.table("Identity"));
        }
        throw new CmdletException(command.name(), "The input object cannot be bound to any parameters for the command either"
                + " because the command does not take pipeline input or the input and its properties do not match any of the"
                + " parameters that take pipeline input.");
    }
}
