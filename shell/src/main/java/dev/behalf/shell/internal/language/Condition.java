package dev.behalf.shell.internal.language;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The body of a {@code Where-Object} script block: comparisons joined by {@code -and}, {@code -or}, {@code -not}. */
public sealed interface Condition {

    record Or(List<Condition> terms) implements Condition {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record And(List<Condition> terms) implements Condition {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Not(Condition term) implements Condition {
    }

    /** {@code left -op right}. */
    record Compare(Operand left, Token at, Operator operator, Operand right) implements Condition {
    }

    /** An operand on its own, true when PowerShell would find it true ({@code {$_.IsInherited}}). */
    record Test(Operand operand) implements Condition {
    }

    /** One side of a comparison. */
    sealed interface Operand {
    }

    /** {@code $_} (empty path) or {@code $_.AccessRights}. */
    record Property(Token at, List<String> path) implements Operand {
        public Property {
            path = List.copyOf(path);
        }
    }

    /** A string, number, {@code $true}/{@code $false}, or {@code $null} (a null value). */
    record Constant(Token at, Object value) implements Operand {
    }

    /** PowerShell's comparison operators; all ignore case, as PowerShell's do by default. */
    enum Operator {
        EQ, NE, LIKE, NOTLIKE, MATCH, NOTMATCH, CONTAINS, NOTCONTAINS, GT, GE, LT, LE;

        /** {@code eq} or {@code ieq} (the explicit case-insensitive spelling). */
        static Optional<Operator> byName(String name) {
            String n = name.toUpperCase(Locale.ROOT);
            String plain = n.startsWith("I") && n.length() > 2 ? n.substring(1) : n;
            return Arrays.stream(values()).filter(o -> o.name().equals(plain)).findFirst();
        }

        String spelling() {
            return "-" + name().toLowerCase(Locale.ROOT);
        }
    }
}
