package dev.behalf.shell.internal.language;

/**
 * PowerShell string literals. Single quotes are verbatim except that a doubled quote is one quote;
 * double quotes also take backtick escapes ({@code `n}, {@code `"}, ...) and a doubled double quote.
 * Variables inside double quotes are not expanded: the subset has none worth expanding.
 */
final class Quoting {
    private static final String SINGLE = "'\u2018\u2019\u201A\u201B";
    private static final String DOUBLE = "\"\u201C\u201D\u201E";

    private Quoting() {
    }

    /** Reads the string starting at the scanner's quote and returns its value. */
    static String string(Scanner in, Scanner.Mark start) {
        boolean single = SINGLE.indexOf(in.peek()) >= 0;
        String quotes = single ? SINGLE : DOUBLE;
        char opening = in.peek();
        in.advance();
        StringBuilder sb = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.peek();
            if (quotes.indexOf(c) >= 0) {
                if (quotes.indexOf(in.peekAt(1)) >= 0) {
                    sb.append(c);
                    in.advance();
                    in.advance();
                    continue;
                }
                in.advance();
                return sb.toString();
            }
            if (!single && c == '`' && in.peekAt(1) != Scanner.END) {
                in.advance();
                if (in.peek() == '\n' || in.peek() == '\r') {
                    sb.append('\n');
                    in.newline();
                } else {
                    sb.append(escape(in.peek()));
                    in.advance();
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                sb.append('\n');
                in.newline();
            } else {
                sb.append(c);
                in.advance();
            }
        }
        throw ParseException.at(new Token(Token.Kind.STRING, "", start.line(), start.column(), start.pos(), 1),
                "The string is missing the terminator: " + (single ? "'" : "\"") + ". Add a closing "
                        + (single ? "'" : "\"") + " to match the " + opening + " here.");
    }

    /** The character a backtick escape stands for: {@code `n} is a newline, {@code `x} is x. */
    static char escape(char c) {
        return switch (c) {
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'e' -> '\u001B';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000B';
            default -> c;
        };
    }
}
