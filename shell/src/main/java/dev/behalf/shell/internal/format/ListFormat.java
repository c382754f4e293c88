package dev.behalf.shell.internal.format;

import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Format-List}: one {@code Name : Value} line per property, names padded to the longest,
 * objects separated by a blank line.
 */
public final class ListFormat {
    private ListFormat() {
    }

    /** @param requested property names or wildcards, expanded per object; empty means every property */
    public static String render(List<ShellObject> objects, List<String> requested) {
        if (objects.isEmpty()) {
            return "";
        }
        List<String> blocks = new ArrayList<>();
        for (ShellObject o : objects) {
            List<String> names = requested.isEmpty() ? o.names() : Output.expand(requested, o);
            int width = names.stream().mapToInt(String::length).max().orElse(0);
            List<String> lines = new ArrayList<>();
            for (String name : names) {
                String label = name + " ".repeat(width - name.length());
                lines.add((label + " : " + TableFormat.oneLine(Values.display(o.value(name)))).stripTrailing());
            }
            blocks.add(String.join("\n", lines));
        }
        return "\n" + String.join("\n\n", blocks) + "\n\n";
    }
}
