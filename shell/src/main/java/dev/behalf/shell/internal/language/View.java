package dev.behalf.shell.internal.language;

import java.util.List;

/**
 * How an object prints when nothing formats it: as a table with these columns, or as a list.
 * A column's label may differ from its property, as Exchange's views do ({@code Inherited} shows
 * {@code IsInherited}).
 */
public record View(Layout layout, List<Column> columns) {

    public enum Layout { TABLE, LIST }

    public record Column(String label, String property) {
    }

    public View {
        columns = List.copyOf(columns);
    }

    /** A table whose column labels are the property names. */
    public static View table(String... properties) {
        return new View(Layout.TABLE, java.util.Arrays.stream(properties).map(p -> new Column(p, p)).toList());
    }

    public View relabel(String label, String property) {
        return new View(layout, columns.stream().map(c -> c.label().equals(label) ? new Column(label, property) : c).toList());
    }
}
