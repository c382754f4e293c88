package dev.behalf.shell.internal.format;

import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.Values;
import dev.behalf.shell.internal.language.View;
import dev.behalf.shell.internal.language.Wildcard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the end of a pipeline prints when no {@code Format-*} cmdlet did: each run of objects of
 * one type in that type's default view; plain values one per line.
 */
public final class Output {
    private Output() {
    }

    public static String render(List<Item> items) {
        StringBuilder sb = new StringBuilder();
        List<ShellObject> run = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof ShellObject o) {
                if (!run.isEmpty() && !run.get(0).typeName().equals(o.typeName())) {
                    sb.append(objects(run));
                    run.clear();
                }
                run.add(o);
                continue;
            }
            sb.append(objects(run));
            run.clear();
            if (item instanceof Item.Formatted f) {
                sb.append(f.text());
            } else if (item instanceof Item.Scalar s) {
                sb.append(Values.text(s.value())).append('\n');
            } else {
                sb.append("System.Security.SecureString\n");
            }
        }
        return sb.append(objects(run)).toString();
    }

    private static String objects(List<ShellObject> run) {
        if (run.isEmpty()) {
            return "";
        }
        View view = run.get(0).view();
        return view.layout() == View.Layout.TABLE
                ? TableFormat.render(run, view.columns(), false, false)
                : ListFormat.render(run, view.columns().stream().map(View.Column::property).toList());
    }

    /**
     * Property names as the user wrote them, resolved against an object: wildcards expand to every
     * matching property, other names take the object's spelling, unknown names stay as written
     * (PowerShell shows them empty rather than failing).
     */
    public static List<String> expand(List<String> requested, ShellObject sample) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : requested) {
            if (Wildcard.isPattern(r)) {
                sample.names().stream().filter(n -> Wildcard.matches(r, n)).forEach(out::add);
            } else {
                out.add(sample.property(r).map(ShellObject.Property::name).orElse(r));
            }
        }
        return new ArrayList<>(out);
    }

    /** The view PowerShell gives objects it has no view for: a table up to four properties, else a list. */
    public static View viewFor(List<String> properties) {
        return properties.size() <= 4 ? View.table(properties.toArray(String[]::new))
                : new View(View.Layout.LIST, properties.stream().map(p -> new View.Column(p, p)).toList());
    }
}
