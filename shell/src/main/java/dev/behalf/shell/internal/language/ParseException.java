package dev.behalf.shell.internal.language;

/** The only exception the tokenizer and parser throw: the text is not a command we understand. */
public final class ParseException extends RuntimeException {
    private final ParseError error;

    ParseException(ParseError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    static ParseException at(Token token, String message) {
        return new ParseException(ParseError.at(token, message));
    }

    public ParseError error() {
        return error;
    }
}
