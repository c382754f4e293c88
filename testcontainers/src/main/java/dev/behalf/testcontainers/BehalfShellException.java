package dev.behalf.testcontainers;

import java.util.List;

/** A cmdlet run through {@link BehalfContainer#shell(String)} failed; the message holds Exchange's error. */
public class BehalfShellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public BehalfShellException(String cmdlets, List<String> errors) {
        super("'" + cmdlets + "' failed: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
