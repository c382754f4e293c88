package dev.behalf.shell.internal.language;

import dev.behalf.policy.text.Spelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses a command text into a {@link Script}: command lines separated by new lines or {@code ;},
 * each a pipeline of cmdlet calls whose arguments are matched to the cmdlet's parameters here, so
 * that an unknown cmdlet or parameter is reported with its line and column before anything runs.
 *
 * <p>Grammar (PowerShell's, reduced to what Exchange examples use):
 * <pre>
 * script    = { separator } [ pipeline { separator { separator } pipeline } ] { separator }
 * pipeline  = command { "|" { NEWLINE } command }
 * command   = WORD { PARAMETER [ valueList ] | COLON_PARAMETER valueList | valueList }
 * valueList = value { "," { NEWLINE } value }                          (see {@link ValueParser})
 * </pre>
 * Never throws anything but {@link ParseException}.
 */
public final class CmdletParser {
    private final TokenCursor in;
    private final CmdletCatalog catalog;
    private final ValueParser values;

    private CmdletParser(TokenCursor in, CmdletCatalog catalog) {
        this.in = in;
        this.catalog = catalog;
        this.values = new ValueParser(in, this);
    }

    public static Script parse(String text, CmdletCatalog catalog) {
        TokenCursor cursor = new TokenCursor(text, Tokenizer.tokenize(text));
        return new CmdletParser(cursor, catalog).script();
    }

    private Script script() {
        List<Pipeline> lines = new ArrayList<>();
        while (true) {
            while (in.at(Token.Kind.NEWLINE) || in.at(Token.Kind.SEMICOLON)) {
                in.next();
            }
            if (in.at(Token.Kind.EOF)) {
                return new Script(lines);
            }
            lines.add(pipeline());
            if (!in.at(Token.Kind.NEWLINE) && !in.at(Token.Kind.SEMICOLON) && !in.at(Token.Kind.EOF)) {
                throw in.error(in.peek(), "Unexpected token " + in.peek().describe(in.source())
                        + " in expression or statement; expected '|', ';' or the end of the line.");
            }
        }
    }

    /** A pipeline; ends before a separator, a closing parenthesis or the end of input. */
    Pipeline pipeline() {
        Token first = in.peek();
        List<Command> commands = new ArrayList<>();
        commands.add(command());
        while (in.at(Token.Kind.PIPE)) {
            Token pipe = in.next();
            in.skipNewlines();
            if (!in.at(Token.Kind.WORD)) {
                throw in.error(in.at(Token.Kind.EOF) ? pipe : in.peek(), "An empty pipe element is not allowed: expected a cmdlet after '|', found "
                        + in.peek().describe(in.source()) + ".");
            }
            Command previous = commands.get(commands.size() - 1);
            if (isFormatter(previous.cmdlet())) {
                throw in.error(in.peek(), previous.cmdlet().name() + " must be the last command of a pipeline: it outputs text, not objects"
                        + " that " + in.peek().value() + " could take.");
            }
            commands.add(command());
        }
        Token last = in.previous();
        String text = in.source().substring(first.offset(), Math.max(first.offset(), last.end())).strip();
        return new Pipeline(commands, text);
    }

    private static boolean isFormatter(CmdletDefinition c) {
        return c.name().startsWith("Format-");
    }

    private Command command() {
        Token name = in.peek();
        if (name.kind() != Token.Kind.WORD) {
            throw in.error(name, "Unexpected token " + name.describe(in.source())
                    + "; expected the name of a cmdlet, such as Get-Mailbox.");
        }
        in.next();
        CmdletDefinition cmdlet = catalog.find(name.value()).orElseThrow(() -> in.error(name, "The term '" + name.value()
                + "' is not recognized as the name of a cmdlet, function, script file, or operable program."
                + catalog.suggest(name.value()).map(s -> " Did you mean '" + s + "'?").orElse(
                        " Check the spelling of the name; the shell knows " + String.join(", ", catalog.names()) + ".")));
        Map<Parameter, Argument> named = new LinkedHashMap<>();
        List<Value> positional = new ArrayList<>();
        while (!endOfCommand()) {
            Token t = in.peek();
            if (t.kind() == Token.Kind.PARAMETER || t.kind() == Token.Kind.COLON_PARAMETER) {
                in.next();
                Parameter p = parameter(cmdlet, t);
                if (named.containsKey(p)) {
                    throw in.error(t, "Cannot bind parameter because parameter '" + p.name() + "' is specified more than once."
                            + " To give several values, use a comma list: -" + p.name() + " value1,value2.");
                }
                named.put(p, new Argument(p, t, argumentValue(cmdlet, p, t)));
            } else if (in.atValueStart()) {
                positional.add(values.valueList());
            } else {
                throw in.error(t, "Unexpected token " + t.describe(in.source()) + " in the arguments of " + cmdlet.name()
                        + "; expected a -Parameter or a value.");
            }
        }
        bindPositional(cmdlet, named, positional);
        return new Command(name, cmdlet, new ArrayList<>(named.values()));
    }

    private boolean endOfCommand() {
        return switch (in.peek().kind()) {
            case PIPE, NEWLINE, SEMICOLON, EOF, RPAREN -> true;
            default -> false;
        };
    }

    private Optional<Value> argumentValue(CmdletDefinition cmdlet, Parameter p, Token t) {
        boolean glued = t.kind() == Token.Kind.COLON_PARAMETER;
        if (p.isSwitch() && !glued) {
            return Optional.empty();
        }
        if (!in.atValueStart()) {
            throw in.error(glued ? in.peek() : t, "Missing an argument for parameter '" + p.name() + "' of " + cmdlet.name()
                    + ". Specify a parameter of type '" + p.type().label() + "' and try again.");
        }
        return Optional.of(p.isSwitch() ? values.value() : values.valueList());
    }

    private Parameter parameter(CmdletDefinition cmdlet, Token t) {
        List<Parameter> matches = cmdlet.match(t.value());
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw in.error(t, "A parameter cannot be found that matches parameter name '" + t.value() + "'."
                    + Spelling.closestOrPrefix(t.value(), cmdlet.parameterNames()).map(s -> " Did you mean -" + s + "?").orElse("")
                    + " Valid parameters of " + cmdlet.name() + ": " + dashed(cmdlet.parameterNames()) + ".");
        }
        throw in.error(t, "Parameter cannot be processed because the parameter name '" + t.value()
                + "' is ambiguous. Possible matches include: " + dashed(matches.stream().map(Parameter::name).toList()) + ".");
    }

    private static String dashed(List<String> names) {
        return names.stream().map(n -> "-" + n).collect(Collectors.joining(", "));
    }

    /** PowerShell binds named arguments first, then positional ones to the free positions in order. */
    private void bindPositional(CmdletDefinition cmdlet, Map<Parameter, Argument> named, List<Value> positional) {
        List<Parameter> free = cmdlet.parameters().stream()
                .filter(p -> p.position() >= 0 && !named.containsKey(p))
                .sorted(Comparator.comparingInt(Parameter::position))
                .collect(Collectors.toCollection(ArrayList::new));
        for (Value v : positional) {
            if (free.isEmpty()) {
                String hint = v instanceof Value.Bool
                        ? " To give a switch a value, glue it with a colon, as in -Confirm:$false."
                        : " Quote values that contain spaces, as in -Identity \"Terry Adams\".";
                throw in.error(v.at(), "A positional parameter cannot be found that accepts argument "
                        + v.at().describe(in.source()) + " of " + cmdlet.name() + "." + hint);
            }
            Parameter p = free.remove(0);
            named.put(p, new Argument(p, v.at(), Optional.of(v)));
        }
    }
}
