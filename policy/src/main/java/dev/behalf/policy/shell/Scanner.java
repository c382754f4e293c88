package dev.behalf.policy.shell;

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
