package dev.behalf.shell.internal.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates a command's argument values and converts them to its parameters' types, with
 * PowerShell's messages when they don't fit; binds {@code -Identity} from a piped object; checks
 * mandatory parameters.
 */
final class Binder {
    private final Function<Pipeline, List<Item>> subPipelines;

    /** @param subPipelines runs a parenthesised pipeline and returns what it output */
    Binder(Function<Pipeline, List<Item>> subPipelines) {
        this.subPipelines = subPipelines;
    }

    Arguments bind(Command command, ShellObject piped) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Token> positions = new HashMap<>();
        for (Argument a : command.arguments()) {
            // Not Optional.map: $null evaluates to null, which map would turn into "absent" (a bare switch, true).
            Object raw = a.value().isPresent() ? evaluate(a.value().get()) : Boolean.TRUE;
            Token at = a.value().map(Value::at).orElse(a.at());
            values.put(key(a.parameter()), Conversion.convert(a.parameter(), raw, at));
            positions.put(key(a.parameter()), at);
        }
        for (Parameter p : command.cmdlet().parameters()) {
            if (piped != null && p.fromPipeline() && !values.containsKey(key(p))) {
                Object fromObject = piped.value(p.name());
                if (fromObject != null) {
                    values.put(key(p), Conversion.convert(p, fromObject, command.name()));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Parameter p : command.cmdlet().parameters()) {
            if (p.mandatory() && !values.containsKey(key(p))) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new CmdletException(command.name(), "Cannot process command because of one or more missing mandatory parameters: "
                    + String.join(" ", missing) + ". " + command.cmdlet().name() + " needs -" + String.join(", -", missing) + ".");
        }
        return new Arguments(command.name(), values, positions);
    }

    private static String key(Parameter p) {
        return p.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The runtime value of an argument: String, Boolean, null, {@code List<Object>},
     * {@code Map<String,Object>} (a hashtable, keys as written), {@link Condition}, or what a
     * sub-pipeline output (nothing is null, one item is that item, several are a list).
     */
    Object evaluate(Value v) {
        if (v instanceof Value.Literal l) {
            return l.text();
        } else if (v instanceof Value.Bool b) {
            return b.value();
        } else if (v instanceof Value.Null) {
            return null;
        } else if (v instanceof Value.ListValue list) {
            List<Object> out = new ArrayList<>();
            for (Value item : list.items()) {
                out.add(evaluate(item));
            }
            return out;
        } else if (v instanceof Value.HashValue hash) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Value.Entry e : hash.entries()) {
                out.put(e.name(), evaluate(e.value()));
            }
            return out;
        } else if (v instanceof Value.SubPipeline sub) {
            List<Object> out = new ArrayList<>();
            for (Item item : subPipelines.apply(sub.pipeline())) {
                out.add(item instanceof Item.Scalar s ? s.value() : item);
            }
            return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
        } else {
            return ((Value.Block) v).condition();
        }
    }
}
