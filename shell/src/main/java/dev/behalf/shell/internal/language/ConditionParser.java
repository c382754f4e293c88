package dev.behalf.shell.internal.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the inside of a script block, after its {@code {}:
 * <pre>
 * block   = { NEWLINE } or { NEWLINE } "}"
 * or      = and { "-or" { NEWLINE } and }
 * and     = unary { "-and" { NEWLINE } unary }
 * unary   = ("-not" | "!") unary | "(" or ")" | operand [ OPERATOR operand ]
 * operand = "$_" { MEMBER } | STRING | WORD | "$true" | "$false" | "$null"
 * </pre>
 */
final class ConditionParser {
    private static final String OPERATORS = "-eq, -ne, -like, -notlike, -match, -notmatch, -contains, -notcontains, -gt, -ge, -lt, -le";

    private final TokenCursor in;

    ConditionParser(TokenCursor in) {
        this.in = in;
    }

    Condition block(Token open) {
        in.skipNewlines();
        if (in.at(Token.Kind.RBRACE)) {
            throw in.error(in.peek(), "The script block is empty: expected a condition such as {$_.AccessRights -like 'Full*'}.");
        }
        Condition c = or();
        in.skipNewlines();
        in.expect(Token.Kind.RBRACE, "Missing closing '}' in statement block: expected '}' to close the '{' at line "
                + open.line() + " char " + open.column() + ", or an operator (-and, -or, " + OPERATORS + ")");
        return c;
    }

    private Condition or() {
        List<Condition> terms = new ArrayList<>();
        terms.add(and());
        while (isWord("or")) {
            in.next();
            in.skipNewlines();
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.Or(terms);
    }

    private Condition and() {
        List<Condition> terms = new ArrayList<>();
        terms.add(unary());
        while (isWord("and")) {
            in.next();
            in.skipNewlines();
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.And(terms);
    }

    private boolean isWord(String operator) {
        return in.at(Token.Kind.PARAMETER) && in.peek().value().equalsIgnoreCase(operator);
    }

    private Condition unary() {
        Token t = in.peek();
        in.enter(t);
        try {
            if (t.kind() == Token.Kind.NOT || isWord("not")) {
                in.next();
                return new Condition.Not(unary());
            }
            if (t.kind() == Token.Kind.LPAREN) {
                in.next();
                in.skipNewlines();
                Condition inner = or();
                in.skipNewlines();
                in.expect(Token.Kind.RPAREN, "Missing closing ')' in expression: expected ')' to close the '(' at line "
                        + t.line() + " char " + t.column());
                return inner;
            }
            return comparison();
        } finally {
            in.leave();
        }
    }

    private Condition comparison() {
        Condition.Operand left = operand();
        if (!in.at(Token.Kind.PARAMETER) || isWord("and") || isWord("or")) {
            return new Condition.Test(left);
        }
        Token op = in.next();
        Optional<Condition.Operator> operator = Condition.Operator.byName(op.value());
        if (operator.isEmpty()) {
            throw in.error(op, "The operator '-" + op.value() + "' is not supported; use one of " + OPERATORS + ", -and, -or, -not.");
        }
        in.skipNewlines();
        return new Condition.Compare(left, op, operator.get(), operand());
    }

    private Condition.Operand operand() {
        Token t = in.peek();
        switch (t.kind()) {
            case STRING, WORD -> {
                in.next();
                return new Condition.Constant(t, t.value());
            }
            case VARIABLE -> {
                in.next();
                return variable(t);
            }
            default -> throw in.error(t, "Expected $_.Property, a quoted string or a number in the script block, found "
                    + t.describe(in.source()) + ".");
        }
    }

    private Condition.Operand variable(Token t) {
        String name = t.value().toLowerCase(Locale.ROOT);
        if (name.equals("_") || name.equals("psitem")) {
            List<String> path = new ArrayList<>();
            while (in.at(Token.Kind.MEMBER)) {
                path.add(in.next().value());
            }
            return new Condition.Property(t, path);
        }
        if (in.at(Token.Kind.MEMBER)) {
            throw in.error(in.peek(), "Member access is only available on $_ (the current object).");
        }
        return switch (name) {
            case "true" -> new Condition.Constant(t, Boolean.TRUE);
            case "false" -> new Condition.Constant(t, Boolean.FALSE);
            case "null" -> new Condition.Constant(t, null);
            default -> throw in.error(t, "The variable '$" + t.value() + "' cannot be retrieved because it has not been set;"
                    + " in a script block use $_ (the current object), $true, $false or $null.");
        };
    }
}
