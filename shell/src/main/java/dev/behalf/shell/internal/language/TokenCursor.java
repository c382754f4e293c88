package dev.behalf.shell.internal.language;

import java.util.List;

/** The parsers' shared position in the token list, with the nesting guard that keeps recursion bounded. */
final class TokenCursor {
    /** Deeper nesting than this is refused rather than risking the stack on hostile input. */
    static final int MAX_DEPTH = 32;

    private final String source;
    private final List<Token> tokens;
    private int index;
    private int depth;

    TokenCursor(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    String source() {
        return source;
    }

    Token peek() {
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    boolean at(Token.Kind kind) {
        return peek().kind() == kind;
    }

    Token next() {
        Token t = peek();
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    /** The token before the current one (the last consumed). */
    Token previous() {
        return tokens.get(Math.max(0, Math.min(index, tokens.size()) - 1));
    }

    void skipNewlines() {
        while (at(Token.Kind.NEWLINE)) {
            next();
        }
    }

    /** Consumes a token of {@code kind} or fails with {@code message} pointing at what is there instead. */
    Token expect(Token.Kind kind, String message) {
        if (!at(kind)) {
            throw error(peek(), message + ", found " + peek().describe(source) + ".");
        }
        return next();
    }

    ParseException error(Token at, String message) {
        return ParseException.at(at, message);
    }

    /** Whether the current token can start an argument value. */
    boolean atValueStart() {
        return switch (peek().kind()) {
            case WORD, STRING, VARIABLE, LPAREN, AT_LPAREN, AT_LBRACE, LBRACE -> true;
            default -> false;
        };
    }

    void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "The command is nested too deeply: more than " + MAX_DEPTH
                    + " levels of parentheses, braces or -not.");
        }
    }

    void leave() {
        depth--;
    }
}
