package dev.behalf.shell.internal.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses argument values:
 * <pre>
 * valueList = value { "," { NEWLINE } value }
 * value     = WORD | STRING | "$true" | "$false" | "$null"
 *           | "(" pipeline ")" | "@(" [ valueList ] ")" | hashtable | "{" condition "}"
 * hashtable = "@{" { sep } [ entry { sep { sep } entry } ] { sep } "}"      sep = NEWLINE | ";"
 * entry     = (WORD | STRING) "=" valueList
 * </pre>
 */
final class ValueParser {
    private final TokenCursor in;
    private final CmdletParser commands;

    ValueParser(TokenCursor in, CmdletParser commands) {
        this.in = in;
        this.commands = commands;
    }

    Value valueList() {
        Value first = value();
        if (!in.at(Token.Kind.COMMA)) {
            return first;
        }
        List<Value> items = new ArrayList<>();
        items.add(first);
        while (in.at(Token.Kind.COMMA)) {
            Token comma = in.next();
            in.skipNewlines();
            if (!in.atValueStart()) {
                throw in.error(in.at(Token.Kind.EOF) ? comma : in.peek(), "Missing expression after ','"
                        + ": expected another value of the list, found " + in.peek().describe(in.source()) + ".");
            }
            items.add(value());
        }
        return new Value.ListValue(first.at(), items);
    }

    Value value() {
        Token t = in.peek();
        in.enter(t);
        try {
            return switch (t.kind()) {
                case WORD, STRING -> new Value.Literal(in.next(), t.value());
                case VARIABLE -> variable(in.next());
                case LPAREN -> subPipeline(in.next());
                case AT_LPAREN -> array(in.next());
                case AT_LBRACE -> hashtable(in.next());
                case LBRACE -> new Value.Block(t, new ConditionParser(in).block(in.next()));
                default -> throw in.error(t, "Expected a value, found " + t.describe(in.source()) + ".");
            };
        } finally {
            in.leave();
        }
    }

    private Value variable(Token t) {
        if (in.at(Token.Kind.MEMBER)) {
            throw in.error(in.peek(), "Member access such as " + in.peek().describe(in.source())
                    + " is only available on $_ inside a script block.");
        }
        return switch (t.value().toLowerCase(Locale.ROOT)) {
            case "true" -> new Value.Bool(t, true);
            case "false" -> new Value.Bool(t, false);
            case "null" -> new Value.Null(t);
            case "_", "psitem" -> throw in.error(t, "The variable '$" + t.value()
                    + "' only has a value inside a script block, as in Where-Object {$_.User -like '*raymonds'}.");
            default -> throw in.error(t, "The variable '$" + t.value() + "' cannot be retrieved because it has not been set;"
                    + " the shell knows only $true, $false and $null. Write the value itself instead.");
        };
    }

    private Value subPipeline(Token open) {
        in.skipNewlines();
        if (in.at(Token.Kind.RPAREN)) {
            throw in.error(in.peek(), "An expression was expected after '(': a command such as "
                    + "(ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force).");
        }
        Pipeline p = commands.pipeline();
        in.skipNewlines();
        in.expect(Token.Kind.RPAREN, "Missing closing ')' in expression: expected ')' to close the '(' at line "
                + open.line() + " char " + open.column());
        return new Value.SubPipeline(open, p);
    }

    private Value array(Token open) {
        in.skipNewlines();
        List<Value> items = new ArrayList<>();
        if (!in.at(Token.Kind.RPAREN)) {
            Value v = valueList();
            items.addAll(v instanceof Value.ListValue l ? l.items() : List.of(v));
            in.skipNewlines();
        }
        in.expect(Token.Kind.RPAREN, "Missing closing ')' in array expression: expected ')' to close the '@(' at line "
                + open.line() + " char " + open.column());
        return new Value.ListValue(open, items);
    }

    private Value hashtable(Token open) {
        List<Value.Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (true) {
            while (in.at(Token.Kind.NEWLINE) || in.at(Token.Kind.SEMICOLON)) {
                in.next();
            }
            Token key = in.peek();
            if (key.kind() == Token.Kind.RBRACE) {
                in.next();
                return new Value.HashValue(open, entries);
            }
            if (key.kind() == Token.Kind.EOF) {
                throw in.error(key, "Missing closing '}' in hash literal: expected '}' to close the '@{' at line "
                        + open.line() + " char " + open.column() + ", found end of input.");
            }
            if (key.kind() != Token.Kind.WORD && key.kind() != Token.Kind.STRING) {
                throw in.error(key, "Missing key in hash literal: expected a key such as Add or Remove, found "
                        + key.describe(in.source()) + ".");
            }
            in.next();
            in.expect(Token.Kind.EQUALS, "Missing '=' operator after key '" + key.value()
                    + "' in hash literal: expected '='");
            in.skipNewlines();
            if (!in.atValueStart()) {
                throw in.error(in.peek(), "Missing statement after '=' in hash literal: expected the value of '"
                        + key.value() + "', found " + in.peek().describe(in.source()) + ".");
            }
            Value v = valueList();
            if (!keys.add(key.value().toLowerCase(Locale.ROOT))) {
                throw in.error(key, "Duplicate keys '" + key.value() + "' are not allowed in hash literals.");
            }
            entries.add(new Value.Entry(key, key.value(), v));
            if (!in.at(Token.Kind.SEMICOLON) && !in.at(Token.Kind.NEWLINE) && !in.at(Token.Kind.RBRACE)) {
                throw in.error(in.peek(), "The hash literal was incomplete: expected ';', a new line or '}' after the value of '"
                        + key.value() + "', found " + in.peek().describe(in.source()) + ".");
            }
        }
    }
}
