package dev.behalf.shell.internal.language;

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
                return cmdlet.behaviour().invoke(binder.bind(command, null), input, context);
            }
            case IDENTITY -> {
                if (!piped) {
                    return cmdlet.behaviour().invoke(binder.bind(command, null), List.of(), context);
                }
                List<Item> out = new ArrayList<>();
                for (Item item : input) {
                    out.addAll(cmdlet.behaviour().invoke(binder.bind(command, asObject(command, item)), List.of(), context));
                }
                return out;
            }
            default -> {
                if (piped && !input.isEmpty()) {
                    throw new CmdletException(command.name(), "The input object cannot be bound to any parameters for the command either"
                            + " because the command does not take pipeline input or the input and its properties do not match any of the"
                            + " parameters that take pipeline input.");
                }
                return cmdlet.behaviour().invoke(binder.bind(command, null), List.of(), context);
            }
        }
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
