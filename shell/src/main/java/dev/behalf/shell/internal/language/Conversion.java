package dev.behalf.shell.internal.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts a runtime value to what a parameter takes, failing with PowerShell's wording (and never
 * echoing a password). See {@link Arguments} for the result types.
 */
final class Conversion {
    private Conversion() {
    }

    static Object convert(Parameter p, Object value, Token at) {
        return switch (p.type()) {
            case SWITCH, BOOLEAN -> bool(p, value, at);
            case TEXT, IDENTITY -> text(p, value, at);
            case TEXT_LIST, PROPERTIES -> list(p, value, at);
            case MULTI_VALUED -> edit(p, value, at);
            case INTEGER -> integer(p, value, at);
            case SECURE_STRING -> secret(p, value, at);
            case SCRIPT_BLOCK -> condition(p, value, at);
        };
    }

    private static Object bool(Parameter p, Object value, Token at) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("0") || s.equals("1"))) {
            return s.equals("1");
        }
        throw new CmdletException(at, "Cannot process argument transformation on parameter '" + p.name() + "'. Cannot convert value \""
                + describe(value) + "\" to type \"" + p.type().label() + "\". Boolean parameters accept only Boolean values and numbers,"
                + " such as $True, $False, 1 or 0.");
    }

    static String text(Parameter p, Object value, Token at) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof ShellObject o && o.value("Identity") != null) {
            return Values.text(o.value("Identity"));
        }
        if (value instanceof List<?> l && l.size() == 1) {
            return text(p, l.get(0), at);
        }
        if (value == null) {
            if (p.type() == Parameter.Type.TEXT) {
                return "";
            }
            throw new CmdletException(at, "Cannot bind argument to parameter '" + p.name() + "' because it is null.");
        }
        if (value instanceof List<?>) {
            throw new CmdletException(at, "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter '"
                    + p.name() + "': -" + p.name() + " takes one value, not a list.");
        }
        throw new CmdletException(at, "Cannot convert the \"" + describe(value) + "\" value to type \"System.String\" required by parameter '"
                + p.name() + "'.");
    }

    private static List<String> list(Parameter p, Object value, Token at) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : value instanceof List<?> l ? l : List.of(value)) {
            if (item instanceof List<?> nested) {
                for (Object n : nested) {
                    out.add(text(p, n, at));
                }
            } else {
                out.add(text(p, item, at));
            }
        }
        return out;
    }

    private static Edit edit(Parameter p, Object value, Token at) {
        if (!(value instanceof Map<?, ?> map)) {
            return new Edit.Replace(list(p, value, at));
        }
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equalsIgnoreCase("Add")) {
                add.addAll(list(p, e.getValue(), at));
            } else if (key.equalsIgnoreCase("Remove")) {
                remove.addAll(list(p, e.getValue(), at));
            } else {
                throw new CmdletException(at, "Cannot bind parameter '" + p.name() + "': the hash table key '" + key
                        + "' isn't supported. Only Add and Remove are, as in @{Add=\"a\",\"b\"; Remove=\"c\"}.");
            }
        }
        return new Edit.Modify(add, remove);
    }

    private static Integer integer(Parameter p, Object value, Token at) {
        String s = text(p, value, at).strip();
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new CmdletException(at, "Cannot process argument transformation on parameter '" + p.name() + "'. Cannot convert value \""
                    + s + "\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"");
        }
    }

    private static Object secret(Parameter p, Object value, Token at) {
        if (value instanceof Item.SecureText s) {
            return s.secret();
        }
        throw new CmdletException(at, "Cannot process argument transformation on parameter '" + p.name() + "'. Cannot convert the value of type \""
                + type(value) + "\" to type \"System.Security.SecureString\". Write -" + p.name()
                + " (ConvertTo-SecureString -String '...' -AsPlainText -Force).");
    }

    private static Object condition(Parameter p, Object value, Token at) {
        if (value instanceof Condition c) {
            return c;
        }
        throw new CmdletException(at, "Cannot bind parameter '" + p.name() + "'. Cannot convert the \"" + describe(value)
                + "\" value of type \"" + type(value) + "\" to type \"System.Management.Automation.ScriptBlock\"."
                + " Write a script block, as in {$_.AccessRights -like 'Full*'}.");
    }

    private static String describe(Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return Values.text(value);
        }
        return type(value);
    }

    private static String type(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "System.String";
        } else if (value instanceof Boolean) {
            return "System.Boolean";
        } else if (value instanceof List<?>) {
            return "System.Object[]";
        } else if (value instanceof Map<?, ?>) {
            return "System.Collections.Hashtable";
        } else if (value instanceof Item.SecureText) {
            return "System.Security.SecureString";
        } else if (value instanceof Condition) {
            return "System.Management.Automation.ScriptBlock";
        } else if (value instanceof ShellObject o) {
            return o.typeName();
        }
        return value.getClass().getSimpleName();
    }
}
