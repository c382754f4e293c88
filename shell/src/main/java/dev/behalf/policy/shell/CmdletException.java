package dev.behalf.policy.shell;

import java.util.Optional;

/**
 * A command that fails: the message is what the user sees. When the fault lies in one argument,
 * {@code at} points at it. Thrown inside the shell and turned into a {@link ShellResult} error; a
 * failing command line changes nothing.
 */
final class CmdletException extends RuntimeException {
    private final transient Optional<Token> at;

    CmdletException(String message) {
        super(message, null, false, false);
        this.at = Optional.empty();
    }

    CmdletException(Token at, String message) {
        super(message, null, false, false);
        this.at = Optional.of(at);
    }

    Optional<Token> at() {
        return at;
    }

    /** The message, with PowerShell's position block when an argument is at fault. */
    String render(String source) {
        return at.map(t -> ParseError.at(t, getMessage()).render(source)).orElse(getMessage());
    }
}
