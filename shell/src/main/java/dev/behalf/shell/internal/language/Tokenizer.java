package dev.behalf.shell.internal.language;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a command text into {@link Token}s the way PowerShell's argument mode does: bare words run
 * to whitespace or punctuation, {@code -Name} is a parameter, strings follow PowerShell quoting.
 *
 * <p>Lexing depends a little on where we are, as in PowerShell: {@code =} is a token only inside a
 * hashtable {@code @{...}} and {@code !} only inside a script block, so that {@code CN=x} and
 * {@code P@ss!} stay words elsewhere. A stack of open brackets tracks that. Text copied from web
 * pages often has typographic quotes and dashes; PowerShell accepts them, and so do we.
 */
final class Tokenizer {
    private static final String DASHES = "-\u2013\u2014\u2015";
    private static final String SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";
    private static final String DOUBLE_QUOTES = "\"\u201C\u201D\u201E";

    private enum Bracket { PAREN, BLOCK, HASH }

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Bracket> open = new ArrayDeque<>();
    private final Scanner in;

    private Tokenizer(String src) {
        this.src = src;
        this.in = new Scanner(src);
    }

    /** The tokens of {@code text}, ending with an {@link Token.Kind#EOF} token. */
    static List<Token> tokenize(String text) {
        Tokenizer t = new Tokenizer(text);
        t.run();
        return t.tokens;
    }

    private void run() {
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                tokens.add(new Token(Token.Kind.EOF, "", in.line(), in.column(), in.pos(), 0));
                return;
            }
            Scanner.Mark start = in.mark();
            char c = in.peek();
            if (c == '\n' || c == '\r') {
                in.newline();
                emit(Token.Kind.NEWLINE, "", start);
            } else if (c == '#') {
                in.skipToEndOfLine();
            } else if (c == '<' && in.peekAt(1) == '#') {
                in.skipBlockComment();
            } else if (!punctuation(c, start)) {
                if (SINGLE_QUOTES.indexOf(c) >= 0 || DOUBLE_QUOTES.indexOf(c) >= 0) {
                    emit(Token.Kind.STRING, Quoting.string(in, start), start);
                } else if (c == '$') {
                    variable(start);
                } else if (DASHES.indexOf(c) >= 0 && isNameStart(in.peekAt(1))) {
                    parameter(start);
                } else {
                    emit(Token.Kind.WORD, word(), start);
                }
            }
        }
    }

    private boolean punctuation(char c, Scanner.Mark start) {
        Token.Kind kind;
        switch (c) {
            case ',' -> kind = Token.Kind.COMMA;
            case ';' -> kind = Token.Kind.SEMICOLON;
            case '|' -> kind = Token.Kind.PIPE;
            case '(' -> {
                kind = Token.Kind.LPAREN;
                open.push(Bracket.PAREN);
            }
            case ')' -> {
                kind = Token.Kind.RPAREN;
                close(Bracket.PAREN);
            }
            case '{' -> {
                kind = Token.Kind.LBRACE;
                open.push(Bracket.BLOCK);
            }
            case '}' -> {
                kind = Token.Kind.RBRACE;
                if (!close(Bracket.BLOCK)) {
                    close(Bracket.HASH);
                }
            }
            case '@' -> {
                char next = in.peekAt(1);
                if (next != '{' && next != '(') {
                    return false;
                }
                in.advance();
                kind = next == '{' ? Token.Kind.AT_LBRACE : Token.Kind.AT_LPAREN;
                open.push(next == '{' ? Bracket.HASH : Bracket.PAREN);
            }
            case '=' -> {
                if (open.peek() != Bracket.HASH) {
                    return false;
                }
                kind = Token.Kind.EQUALS;
            }
            case '!' -> {
                if (open.peek() != Bracket.BLOCK) {
                    return false;
                }
                kind = Token.Kind.NOT;
            }
            default -> {
                return false;
            }
        }
        in.advance();
        emit(kind, String.valueOf(c), start);
        return true;
    }

    /** Pops {@code b} when it is the innermost open bracket; a stray closer is the parser's to report. */
    private boolean close(Bracket b) {
        if (open.peek() == b) {
            open.pop();
            return true;
        }
        return false;
    }

    private void variable(Scanner.Mark start) {
        in.advance();
        String name;
        if (!in.atEnd() && "?$^".indexOf(in.peek()) >= 0) {
            name = String.valueOf(in.peek());
            in.advance();
        } else {
            name = name();
        }
        if (name.isEmpty()) {
            throw ParseException.at(new Token(Token.Kind.VARIABLE, "$", start.line(), start.column(), start.pos(), 1),
                    "Variable reference is not valid. '$' was not followed by a valid variable name character.");
        }
        emit(Token.Kind.VARIABLE, name, start);
        while (!in.atEnd() && in.peek() == '.' && isNameStart(in.peekAt(1))) {
            Scanner.Mark member = in.mark();
            in.advance();
            emit(Token.Kind.MEMBER, name(), member);
        }
    }

    private void parameter(Scanner.Mark start) {
        in.advance();
        String name = name();
        if (!in.atEnd() && in.peek() == ':') {
            in.advance();
            emit(Token.Kind.COLON_PARAMETER, name, start);
        } else {
            emit(Token.Kind.PARAMETER, name, start);
        }
    }

    private String name() {
        StringBuilder sb = new StringBuilder();
        while (!in.atEnd() && (Character.isLetterOrDigit(in.peek()) || in.peek() == '_')) {
            sb.append(in.peek());
            in.advance();
        }
        return sb.toString();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /**
     * A bare word. Braces belong to it once it has started ({@code DiscoverySearchMailbox{D919...}}),
     * as in PowerShell, except a closing brace it did not open: that one ends a script block.
     */
    private String word() {
        StringBuilder sb = new StringBuilder();
        int braces = 0;
        while (!in.atEnd()) {
            char c = in.peek();
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || ",;|()".indexOf(c) >= 0
                    || SINGLE_QUOTES.indexOf(c) >= 0 || DOUBLE_QUOTES.indexOf(c) >= 0
                    || (c == '=' && open.peek() == Bracket.HASH)
                    || (c == '}' && braces == 0)
                    || (c == '{' && sb.isEmpty())) {
                break;
            }
            if (c == '`') {
                char next = in.peekAt(1);
                if (next == Scanner.END) {
                    sb.append(c);
                    in.advance();
                    break;
                }
                if (next == '\n' || next == '\r') {
                    break;
                }
                in.advance();
                sb.append(Quoting.escape(in.peek()));
                in.advance();
                continue;
            }
            braces += c == '{' ? 1 : c == '}' ? -1 : 0;
            sb.append(c);
            in.advance();
        }
        return sb.toString();
    }

    private void emit(Token.Kind kind, String value, Scanner.Mark start) {
        tokens.add(new Token(kind, value, start.line(), start.column(), start.pos(), in.pos() - start.pos()));
    }
}
