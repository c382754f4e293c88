package dev.behalf.shell.internal.language;

/**
 * Why a command text can't be run, and where: the 1-based line and column of the offending token,
 * how many characters it spans, and a message saying what was found and what was expected.
 */
public record ParseError(int line, int column, int length, String message) {

    static ParseError at(Token token, String message) {
        return new ParseError(token.line(), token.column(), Math.max(1, token.length()), message);
    }

    /**
     * PowerShell's layout: position, the source line, a {@code ~} underline under the token, then
     * the message.
     * <pre>
     * At line:1 char:23
     * + Add-MailboxPermission -Usr raymonds
     * +                       ~~~~
     * A parameter cannot be found that matches parameter name 'Usr'. ...
     * </pre>
     */
    public String render(String source) {
        String[] lines = source.split("\r\n|\r|\n", -1);
        String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        int from = Math.min(Math.max(column - 1, 0), text.length());
        int width = Math.max(1, Math.min(length, text.length() - from));
        return "At line:" + line + " char:" + column + "\n"
                + "+ " + text.stripTrailing() + "\n"
                + "+ " + " ".repeat(from) + "~".repeat(width) + "\n"
                + message;
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
