package dev.behalf.shell.internal.language;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates a {@code Where-Object} condition against one pipeline item with PowerShell's rules:
 * comparisons ignore case; a collection on the left compares element by element and is true when
 * any element matches ({@code $_.AccessRights -like 'Full*'} on {@code {FullAccess, ReadPermission}});
 * a missing property is {@code $null}.
 */
public final class ConditionEvaluator {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private ConditionEvaluator() {
    }

    public static boolean test(Condition c, Item item) {
        if (c instanceof Condition.Or or) {
            return or.terms().stream().anyMatch(t -> test(t, item));
        } else if (c instanceof Condition.And and) {
            return and.terms().stream().allMatch(t -> test(t, item));
        } else if (c instanceof Condition.Not not) {
            return !test(not.term(), item);
        } else if (c instanceof Condition.Test t) {
            return Values.truthy(value(t.operand(), item));
        }
        Condition.Compare cmp = (Condition.Compare) c;
        Object left = value(cmp.left(), item);
        Object right = value(cmp.right(), item);
        Condition.Operator op = cmp.operator();
        if (left instanceof List<?> list) {
            if (op == Condition.Operator.CONTAINS || op == Condition.Operator.NOTCONTAINS) {
                boolean found = list.stream().anyMatch(e -> equal(e, right));
                return found == (op == Condition.Operator.CONTAINS);
            }
            return list.stream().anyMatch(e -> scalar(op, e, right, cmp.at()));
        }
        return scalar(op, left, right, cmp.at());
    }

    private static Object value(Condition.Operand operand, Item item) {
        if (operand instanceof Condition.Constant c) {
            return c.value();
        }
        Object current = item instanceof Item.Scalar s ? s.value() : item;
        for (String name : ((Condition.Property) operand).path()) {
            if (current instanceof ShellObject o) {
                current = o.value(name);
            } else if (current instanceof List<?> l && (name.equalsIgnoreCase("Count") || name.equalsIgnoreCase("Length"))) {
                current = l.size();
            } else if (current instanceof String s && name.equalsIgnoreCase("Length")) {
                current = s.length();
            } else {
                current = null;
            }
        }
        return current;
    }

    private static boolean scalar(Condition.Operator op, Object left, Object right, Token at) {
        return switch (op) {
            case EQ, CONTAINS -> equal(left, right);
            case NE, NOTCONTAINS -> !equal(left, right);
            case LIKE -> Wildcard.matches(Values.text(right), Values.text(left));
            case NOTLIKE -> !Wildcard.matches(Values.text(right), Values.text(left));
            case MATCH -> match(left, right, at);
            case NOTMATCH -> !match(left, right, at);
            case GT -> compare(left, right) > 0;
            case GE -> compare(left, right) >= 0;
            case LT -> compare(left, right) < 0;
            case LE -> compare(left, right) <= 0;
        };
    }

    private static boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        Double l = number(left);
        Double r = number(right);
        if (l != null && r != null) {
            return l.equals(r);
        }
        return Values.text(left).equalsIgnoreCase(Values.text(right));
    }

    private static int compare(Object left, Object right) {
        Double l = number(left);
        Double r = number(right);
        if (l != null && r != null) {
            return Double.compare(l, r);
        }
        return Values.text(left).compareToIgnoreCase(Values.text(right));
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && NUMBER.matcher(s.strip()).matches() && s.length() < 40) {
            return Double.valueOf(s.strip());
        }
        return null;
    }

    private static boolean match(Object left, Object right, Token at) {
        try {
            return Pattern.compile(Values.text(right), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(Values.text(left)).find();
        } catch (PatternSyntaxException e) {
            throw new CmdletException(at, "The regular expression pattern " + Values.text(right) + " is not valid: "
                    + e.getDescription() + ".");
        }
    }
}
