package dev.behalf.shell.internal.language;

import java.util.Optional;

/**
 * A command that fails: the message is what the user sees. When the fault lies in one argument,
 * {@code at} points at it. Thrown inside the shell and turned into a {@link dev.behalf.shell.ShellResult} error; a
 * failing command line changes nothing.
 */
public final class CmdletException extends RuntimeException {
    private final transient Optional<Token> at;

    public CmdletException(String message) {
        super(message, null, false, false);
        this.at = Optional.empty();
    }

    public CmdletException(Token at, String message) {
        super(message, null, false, false);
        this.at = Optional.of(at);
    }

    Optional<Token> at() {
        return at;
    }

    /** The message, with PowerShell's position block when an argument is at fault. */
    public String render(String source) {
        return at.map(t -> ParseError.at(t, getMessage()).render(source)).orElse(getMessage());
    }
}
