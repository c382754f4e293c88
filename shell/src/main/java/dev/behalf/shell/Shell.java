package dev.behalf.shell;

import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.shell.internal.cmdlets.Cmdlets;
import dev.behalf.shell.internal.format.Output;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.CmdletParser;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.ParseException;
import dev.behalf.shell.internal.language.Pipeline;
import dev.behalf.shell.internal.language.PipelineRunner;
import dev.behalf.shell.internal.language.Script;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Exchange Management Shell subset: runs cmdlet text copied from Microsoft's documentation
 * against the live directory.
 *
 * <p>A text holds one or more command lines (separated by new lines or {@code ;}). The whole text
 * is parsed first; a syntax error runs nothing. Then each line runs in order against the directory
 * as the previous lines left it; its changes are applied together through
 * {@link LiveDirectory#apply} with the line's text as the origin, so they are atomic and journaled.
 * A line that fails changes nothing, and the next line still runs, as in PowerShell.
 *
 * <p>Thread-safe: runs are serialised with each other (a line reads and writes whole recipient
 * records, so two concurrent lines must not interleave).
 * <pre>{@code
 * ShellResult r = new Shell(live).run("Set-Mailbox seanc@contoso.com -GrantSendOnBehalfTo hollyh");
 * }</pre>
 */
public final class Shell {
    private final LiveDirectory directory;
    private final Object lock = new Object();

    public Shell(LiveDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Runs {@code text} non-interactively: every confirmation prompt is answered yes. */
    public ShellResult run(String text) {
        return run(text, Confirmer.yes());
    }

    /** Runs {@code text}; {@code confirmer} answers the prompts of {@code Remove-*} and the like. */
    public ShellResult run(String text, Confirmer confirmer) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(confirmer, "confirmer");
        Script script;
        try {
            script = CmdletParser.parse(text, Cmdlets.STANDARD);
        } catch (ParseException e) {
            return new ShellResult("", List.of(), List.of(e.error().render(text)));
        }
        StringBuilder output = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        synchronized (lock) {
            for (Pipeline line : script.pipelines()) {
                // Read, compute and apply with no other writer (the web admin) in between.
                directory.exclusively(() -> {
                    run(line, text, confirmer, output, warnings, errors);
                    return null;
                });
            }
        }
        return new ShellResult(output.toString(), warnings, errors);
    }

    private void run(Pipeline line, String text, Confirmer confirmer, StringBuilder output, List<String> warnings,
                     List<String> errors) {
        ExecutionContext context = new ExecutionContext(directory.current(), confirmer::confirm);
        try {
            List<Item> items = new PipelineRunner(context).run(line);
            directory.apply(new ChangeSet(context.changes(), line.text()), context.propagationDelay().orElse(directory.propagationDelay()));
            context.hostLines().forEach(l -> output.append(l).append('\n'));
            output.append(Output.render(items));
        } catch (CmdletException e) {
            errors.add(e.render(text));
        } catch (InvalidDirectoryException e) {
            errors.add(e.getMessage());
        } finally {
            warnings.addAll(context.warnings());
        }
    }

    /** Every cmdlet name the shell accepts (aliases such as {@code where} and {@code ft} aside), sorted. */
    public static List<String> cmdletNames() {
        return Cmdlets.STANDARD.names();
    }

    /** The parameters of a cmdlet (given by name or alias, any case); empty for an unknown cmdlet. */
    public static List<String> parameterNames(String cmdlet) {
        return Cmdlets.STANDARD.find(cmdlet).map(CmdletDefinition::parameterNames).orElse(List.of());
    }
}
