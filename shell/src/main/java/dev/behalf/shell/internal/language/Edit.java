package dev.behalf.shell.internal.language;

import java.util.List;

/**
 * A change to a multi-valued property such as {@code GrantSendOnBehalfTo}: a value or list replaces
 * it ({@code $null} is the empty list), a hashtable {@code @{Add=...; Remove=...}} edits it.
 */
public sealed interface Edit {

    record Replace(List<String> values) implements Edit {
        public Replace {
            values = List.copyOf(values);
        }
    }

    record Modify(List<String> add, List<String> remove) implements Edit {
        public Modify {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }
    }
}
