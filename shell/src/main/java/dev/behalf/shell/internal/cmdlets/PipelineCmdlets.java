package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Secret;
import dev.behalf.shell.internal.format.ListFormat;
import dev.behalf.shell.internal.format.Output;
import dev.behalf.shell.internal.format.TableFormat;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.Condition;
import dev.behalf.shell.internal.language.ConditionEvaluator;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;
import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.Values;
import dev.behalf.shell.internal.language.View;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.NONE;
import static dev.behalf.shell.internal.language.CmdletDefinition.Input.OBJECTS;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * The PowerShell cmdlets Exchange examples pipe into: {@code Where-Object}, {@code Select-Object},
 * {@code Sort-Object}, {@code Format-Table}, {@code Format-List}, and {@code ConvertTo-SecureString}
 * for passwords.
 */
final class PipelineCmdlets {
    private PipelineCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                new CmdletDefinition("Where-Object", List.of("where", "?"), List.of(
                        Parameter.of("FilterScript", Type.SCRIPT_BLOCK).at(0).required()), OBJECTS, PipelineCmdlets::where),
                new CmdletDefinition("Select-Object", List.of("select"), List.of(
                        Parameter.of("Property", Type.PROPERTIES).at(0), Parameter.of("First", Type.INTEGER),
                        Parameter.of("Last", Type.INTEGER), Parameter.of("Skip", Type.INTEGER),
                        Parameter.of("ExpandProperty", Type.TEXT)), OBJECTS, PipelineCmdlets::select),
                new CmdletDefinition("Sort-Object", List.of("sort"), List.of(
                        Parameter.of("Property", Type.PROPERTIES).at(0), Parameter.of("Descending", Type.SWITCH)),
                        OBJECTS, PipelineCmdlets::sort),
                new CmdletDefinition("Format-Table", List.of("ft"), List.of(
                        Parameter.of("Property", Type.PROPERTIES).at(0), Parameter.of("AutoSize", Type.SWITCH),
                        Parameter.of("HideTableHeaders", Type.SWITCH), Parameter.of("Wrap", Type.SWITCH)),
                        OBJECTS, PipelineCmdlets::table),
                new CmdletDefinition("Format-List", List.of("fl"), List.of(
                        Parameter.of("Property", Type.PROPERTIES).at(0)), OBJECTS, PipelineCmdlets::list),
                new CmdletDefinition("ConvertTo-SecureString", List.of(), List.of(
                        Parameter.of("String", Type.TEXT).at(0).required(), Parameter.of("AsPlainText", Type.SWITCH),
                        Parameter.of("Force", Type.SWITCH)), NONE, PipelineCmdlets::secureString));
    }

    private static List<Item> where(Arguments a, List<Item> in, ExecutionContext ctx) {
        Condition c = a.condition("FilterScript").orElseThrow();
        return in.stream().filter(i -> ConditionEvaluator.test(c, i)).toList();
    }

    private static List<Item> select(Arguments a, List<Item> in, ExecutionContext ctx) {
        List<Item> items = new ArrayList<>(in);
        int skip = Math.min(items.size(), Math.max(0, a.integer("Skip").orElse(0)));
        items = items.subList(skip, items.size());
        if (a.integer("First").isPresent()) {
            items = items.subList(0, Math.min(items.size(), Math.max(0, a.integer("First").getAsInt())));
        }
        if (a.integer("Last").isPresent()) {
            items = items.subList(Math.max(0, items.size() - Math.max(0, a.integer("Last").getAsInt())), items.size());
        }
        List<Item> out = new ArrayList<>();
        for (Item item : items) {
            if (a.has("ExpandProperty")) {
                out.addAll(expandProperty(a, item));
            } else if (a.has("Property") && item instanceof ShellObject o) {
                List<String> names = Output.expand(a.texts("Property"), o);
                ShellObject.Builder b = ShellObject.builder("Selected." + o.typeName());
                names.forEach(n -> b.add(n, o.value(n)));
                out.add(b.build(Output.viewFor(names)));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static List<Item> expandProperty(Arguments a, Item item) {
        String name = a.text("ExpandProperty");
        if (!(item instanceof ShellObject o) || o.property(name).isEmpty()) {
            throw new CmdletException(a.at("ExpandProperty"), "Property \"" + name + "\" cannot be found.");
        }
        Object v = o.value(name);
        if (v instanceof List<?> l) {
            return l.stream().map(e -> (Item) new Item.Scalar(e)).toList();
        }
        return v == null ? List.of() : List.of(new Item.Scalar(v));
    }

    private static List<Item> sort(Arguments a, List<Item> in, ExecutionContext ctx) {
        List<String> keys = a.texts("Property").isEmpty() ? List.of("Name") : a.texts("Property");
        Comparator<Item> order = (x, y) -> {
            for (String k : keys) {
                int c = Values.text(key(x, k)).compareToIgnoreCase(Values.text(key(y, k)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        List<Item> out = new ArrayList<>(in);
        out.sort(a.flag("Descending") ? order.reversed() : order);
        return out;
    }

    private static Object key(Item item, String property) {
        return item instanceof ShellObject o ? o.value(property) : item instanceof Item.Scalar s ? s.value() : null;
    }

    private static List<Item> table(Arguments a, List<Item> in, ExecutionContext ctx) {
        List<ShellObject> objects = objects(in);
        if (objects.isEmpty()) {
            return scalars(in);
        }
        List<View.Column> columns = a.texts("Property").isEmpty() ? objects.get(0).view().columns()
                : Output.expand(a.texts("Property"), objects.get(0)).stream().map(n -> new View.Column(n, n)).toList();
        List<Item> out = new ArrayList<>(List.of(new Item.Formatted(
                TableFormat.render(objects, columns, a.flag("AutoSize"), a.flag("HideTableHeaders")))));
        out.addAll(scalars(in));
        return out;
    }

    private static List<Item> list(Arguments a, List<Item> in, ExecutionContext ctx) {
        List<ShellObject> objects = objects(in);
        // Without properties, Format-List shows every property, as it does for Exchange objects.
        List<String> requested = a.texts("Property");
        List<Item> out = new ArrayList<>();
        if (!objects.isEmpty()) {
            out.add(new Item.Formatted(ListFormat.render(objects, requested)));
        }
        out.addAll(scalars(in));
        return out;
    }

    private static List<ShellObject> objects(List<Item> in) {
        return in.stream().filter(i -> i instanceof ShellObject).map(i -> (ShellObject) i).toList();
    }

    private static List<Item> scalars(List<Item> in) {
        return in.stream().filter(i -> !(i instanceof ShellObject)).toList();
    }

    /** Windows PowerShell 5.1, which the Exchange Management Shell runs on, needs -Force with -AsPlainText. */
    private static List<Item> secureString(Arguments a, List<Item> in, ExecutionContext ctx) {
        if (!a.flag("AsPlainText")) {
            throw new CmdletException(a.at("String"), "ConvertTo-SecureString without -AsPlainText expects an encrypted standard string,"
                    + " which the shell can't decrypt; write ConvertTo-SecureString -String '...' -AsPlainText -Force.");
        }
        if (!a.flag("Force")) {
            throw new CmdletException(a.at("AsPlainText"), "The system cannot protect plain text input. To suppress this warning and"
                    + " convert the plain text to a SecureString, reissue the command specifying the Force parameter.");
        }
        return List.of(new Item.SecureText(Secret.of(a.text("String"))));
    }
}
