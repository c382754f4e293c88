package dev.behalf.shell.internal.format;

import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.Values;
import dev.behalf.shell.internal.language.View;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Format-Table}: a header row, a row of dashes as long as each header, then one row per
 * object; columns separated by one space, numbers right-aligned, trailing blanks trimmed. Columns
 * are as wide as their widest cell; without {@code -AutoSize} the table is kept within the
 * console's 120 characters by narrowing the widest columns and ending cut cells with
 * {@code ...}, as PowerShell does.
 */
public final class TableFormat {
    static final int CONSOLE_WIDTH = 120;

    private TableFormat() {
    }

    public static String render(List<ShellObject> objects, List<View.Column> columns, boolean autoSize, boolean hideHeaders) {
        if (objects.isEmpty() || columns.isEmpty()) {
            return "";
        }
        int n = columns.size();
        String[][] cells = new String[objects.size()][n];
        boolean[] numeric = new boolean[n];
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = hideHeaders ? 0 : columns.get(c).label().length();
            numeric[c] = true;
            boolean any = false;
            for (int r = 0; r < objects.size(); r++) {
                Object v = objects.get(r).value(columns.get(c).property());
                cells[r][c] = oneLine(Values.display(v));
                widths[c] = Math.max(widths[c], cells[r][c].length());
                numeric[c] &= v == null || Values.isNumber(v);
                any |= v != null;
            }
            numeric[c] &= any;
        }
        if (!autoSize) {
            fit(columns, widths, hideHeaders);
        }
        List<String> lines = new ArrayList<>();
        if (!hideHeaders) {
            lines.add(row(columns.stream().map(View.Column::label).toArray(String[]::new), widths, numeric));
            lines.add(row(columns.stream().map(col -> "-".repeat(col.label().length())).toArray(String[]::new), widths, numeric));
        }
        for (String[] r : cells) {
            lines.add(row(r, widths, numeric));
        }
        return "\n" + String.join("\n", lines) + "\n\n";
    }

    /** Narrows the widest column, one character at a time, until the table fits or nothing can give. */
    private static void fit(List<View.Column> columns, int[] widths, boolean hideHeaders) {
        while (total(widths) > CONSOLE_WIDTH) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                int min = Math.max(hideHeaders ? 0 : columns.get(c).label().length(), 4);
                if (widths[c] > min && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
        }
    }

    private static int total(int[] widths) {
        int sum = widths.length - 1;
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private static String row(String[] cells, int[] widths, boolean[] numeric) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String s = cut(cells[c], widths[c]);
            String pad = " ".repeat(widths[c] - s.length());
            sb.append(c == 0 ? "" : " ").append(numeric[c] ? pad + s : s + pad);
        }
        return sb.toString().stripTrailing();
    }

    private static String cut(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        return width > 3 ? s.substring(0, width - 3) + "..." : s.substring(0, width);
    }

    /** A cell is one line: line breaks inside a value would break the table. */
    static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
