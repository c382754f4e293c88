package dev.behalf.shell.internal.language;

/** A cursor over the source text that keeps the 1-based line and column of its position. */
final class Scanner {
    /** What {@link #peekAt} returns past the end of the text. */
    static final char END = '\uFFFF';

    private final String src;
    private int pos;
    private int line = 1;
    private int column = 1;

    /** A saved position. */
    record Mark(int pos, int line, int column) {
    }

    Scanner(String src) {
        this.src = src;
    }

    boolean atEnd() {
        return pos >= src.length();
    }

    char peek() {
        return peekAt(0);
    }

    char peekAt(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : END;
    }

    /** Moves past one character that is not a line break. */
    void advance() {
        pos++;
        column++;
    }

    /** Moves past a line break: {@code \n}, {@code \r\n} or a lone {@code \r}. */
    void newline() {
        if (peek() == '\r' && peekAt(1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        column = 1;
    }

    /** Whitespace and line continuations (a backtick right before the end of a line). */
    void skipBlanks() {
        while (!atEnd()) {
            char c = peek();
            if (c == '`' && (peekAt(1) == '\n' || peekAt(1) == '\r')) {
                advance();
                newline();
            } else if (c != '\n' && c != '\r' && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                advance();
            } else {
                return;
            }
        }
    }

    /** Skips a {@code <# ... #>} comment starting here; an unterminated one is a parse error at its start. */
    void skipBlockComment() {
        Mark start = mark();
        int close = src.indexOf("#>", pos + 2);
        if (close < 0) {
            throw ParseException.at(new Token(Token.Kind.WORD, "<#", start.line(), start.column(), start.pos(), 2),
                    "The comment is missing the terminator: '#>'.");
        }
        while (pos < close + 2) {
            if (peek() == '\n' || peek() == '\r') {
                newline();
            } else {
                advance();
            }
        }
    }

    void skipToEndOfLine() {
        while (!atEnd() && peek() != '\n' && peek() != '\r') {
            advance();
        }
    }

    Mark mark() {
        return new Mark(pos, line, column);
    }

    int pos() {
        return pos;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
