package dev.behalf.shell.internal.language;

import java.util.List;

/** How PowerShell shows a value in a table or list, and how it reads one as true or false. */
public final class Values {
    /** PowerShell's {@code $FormatEnumerationLimit}: a collection shows its first four items. */
    static final int ENUMERATION_LIMIT = 4;

    private Values() {
    }

    /** A value as text: {@code True}, {@code 42}, {@code {FullAccess, ReadPermission}}, {@code ""} for null. */
    public static String display(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < Math.min(list.size(), ENUMERATION_LIMIT); i++) {
                sb.append(i == 0 ? "" : ", ").append(text(list.get(i)));
            }
            return sb.append(list.size() > ENUMERATION_LIMIT ? "...}" : "}").toString();
        }
        return text(value);
    }

    /** A scalar as text; a list's items joined by spaces, as PowerShell converts an array to a string. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                sb.append(sb.isEmpty() ? "" : " ").append(text(o));
            }
            return sb.toString();
        }
        if (value instanceof ShellObject o) {
            return o.value("Identity") != null ? text(o.value("Identity")) : o.typeName();
        }
        return value.toString();
    }

    /** PowerShell truthiness: null, false, 0, "" and empty lists are false. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        } else if (value instanceof Boolean b) {
            return b;
        } else if (value instanceof Number n) {
            return n.doubleValue() != 0;
        } else if (value instanceof String s) {
            return !s.isEmpty();
        } else if (value instanceof List<?> l) {
            return l.size() == 1 ? truthy(l.get(0)) : !l.isEmpty();
        }
        return true;
    }

    public static boolean isNumber(Object value) {
        return value instanceof Number;
    }
}
