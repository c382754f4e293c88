package dev.behalf.shell;

import java.util.List;
import java.util.Objects;

/**
 * What running a command text produced.
 *
 * @param output   formatted objects and {@code What if:} lines, as the Exchange Management Shell
 *                 prints them (tables and lists start and end with a blank line)
 * @param warnings each one starting {@code WARNING: }, exactly as the shell prints it (spec §9)
 * @param errors   one per failing command line; a syntax error reads {@code At line:L char:C}, the
 *                 line, a {@code ~} underline and the message; a failing command changes nothing
 */
public record ShellResult(String output, List<String> warnings, List<String> errors) {

    public ShellResult {
        Objects.requireNonNull(output, "output");
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** True when no command line failed (warnings don't count). */
    public boolean ok() {
        return errors.isEmpty();
    }
}
