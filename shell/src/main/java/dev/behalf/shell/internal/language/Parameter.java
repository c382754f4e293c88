package dev.behalf.shell.internal.language;

import java.util.List;

/**
 * One parameter of a cmdlet: its name, the kind of value it takes, and how it binds.
 *
 * @param position     0-based position for positional binding, or -1 for named only
 * @param mandatory    the command fails without it (PowerShell would prompt; a script can't answer)
 * @param fromPipeline binds from the same-named property of each piped object (usually {@code Identity}) when not given
 */
public record Parameter(String name, Type type, int position, boolean mandatory, boolean fromPipeline, List<String> aliases) {

    /** What a parameter takes; the label is the .NET type PowerShell names in its messages. */
    public enum Type {
        SWITCH("System.Management.Automation.SwitchParameter"),
        BOOLEAN("System.Boolean"),
        TEXT("System.String"),
        IDENTITY("System.String"),
        TEXT_LIST("System.String[]"),
        /** A multi-valued property: a value, a list, {@code @{Add=..; Remove=..}} or {@code $null}. */
        MULTI_VALUED("Microsoft.Exchange.Data.MultiValuedProperty"),
        INTEGER("System.Int32"),
        SECURE_STRING("System.Security.SecureString"),
        SCRIPT_BLOCK("System.Management.Automation.ScriptBlock"),
        PROPERTIES("System.Object[]");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    public Parameter {
        aliases = List.copyOf(aliases);
    }

    public static Parameter of(String name, Type type) {
        return new Parameter(name, type, -1, false, false, List.of());
    }

    public Parameter at(int newPosition) {
        return new Parameter(name, type, newPosition, mandatory, fromPipeline, aliases);
    }

    public Parameter required() {
        return new Parameter(name, type, position, true, fromPipeline, aliases);
    }

    /** Binds from the same-named property of each piped object. */
    public Parameter pipeable() {
        return new Parameter(name, type, position, mandatory, true, aliases);
    }

    boolean isSwitch() {
        return type == Type.SWITCH;
    }

    /** The common {@code -Identity} parameter: first by position, bound from piped objects. */
    public static Parameter identity() {
        return of("Identity", Type.IDENTITY).at(0).required().pipeable();
    }
}
