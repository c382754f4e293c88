package dev.behalf.shell.internal.language;

/**
 * One lexical token of a command text, with where it starts (1-based line and column, 0-based
 * offset) and how many source characters it spans, so that errors can point at it.
 *
 * @param value the token's meaning: a word or string unescaped, a parameter or variable name
 *              without its sigil, a member name without its dot
 */
record Token(Kind kind, String value, int line, int column, int offset, int length) {

    enum Kind {
        /** A bare word: a cmdlet name, an unquoted argument ({@code raymonds}, {@code Send-As}). */
        WORD,
        /** A single- or double-quoted string, unescaped. */
        STRING,
        /** {@code -Identity}. */
        PARAMETER,
        /** {@code -Confirm:}, the parameter form glued to its value. */
        COLON_PARAMETER,
        /** {@code $true}, {@code $_}. */
        VARIABLE,
        /** {@code .AccessRights} right after a variable. */
        MEMBER,
        COMMA, SEMICOLON, NEWLINE, PIPE, LPAREN, RPAREN, LBRACE, RBRACE,
        /** {@code @{} opening a hashtable. */
        AT_LBRACE,
        /** {@code @(} opening an array sub-expression. */
        AT_LPAREN,
        /** {@code =} inside a hashtable. */
        EQUALS,
        /** {@code !} inside a script block. */
        NOT,
        EOF
    }

    int end() {
        return offset + length;
    }

    /** How the token reads in an error message: the source text, or a name for punctuation. */
    String describe(String source) {
        return switch (kind) {
            case EOF -> "end of input";
            case NEWLINE -> "end of line";
            default -> "'" + source.substring(offset, Math.min(source.length(), end())) + "'";
        };
    }
}
