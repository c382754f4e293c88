package dev.behalf.policy.shell;

import java.util.List;

/**
 * How an object prints when nothing formats it: as a table with these columns, or as a list.
 * A column's label may differ from its property, as Exchange's views do ({@code Inherited} shows
 * {@code IsInherited}).
 */
record View(Layout layout, List<Column> columns) {

    enum Layout { TABLE, LIST }

    record Column(String label, String property) {
    }

    View {
        columns = List.copyOf(columns);
    }

    /** A table whose column labels are the property names. */
    static View table(String... properties) {
        return new View(Layout.TABLE, java.util.Arrays.stream(properties).map(p -> new Column(p, p)).toList());
    }

    View relabel(String label, String property) {
        return new View(layout, columns.stream().map(c -> c.label().equals(label) ? new Column(label, property) : c).toList());
    }
}
