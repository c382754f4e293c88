package dev.behalf.shell.internal.language;

import java.util.List;

/** An argument value as written: evaluated only when its command runs. */
sealed interface Value {

    /** Where the value starts, for error messages. */
    Token at();

    /** A bare word or a quoted string. */
    record Literal(Token at, String text) implements Value {
    }

    /** {@code $true} or {@code $false}. */
    record Bool(Token at, boolean value) implements Value {
    }

    /** {@code $null}. */
    record Null(Token at) implements Value {
    }

    /** {@code a, b, c} or {@code @(a, b)}. */
    record ListValue(Token at, List<Value> items) implements Value {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** {@code @{Add="a","b"; Remove="c"}}; keys keep their spelling, lookups ignore case. */
    record HashValue(Token at, List<Entry> entries) implements Value {
        public HashValue {
            entries = List.copyOf(entries);
        }
    }

    /** One {@code key = value} of a hashtable. */
    record Entry(Token key, String name, Value value) {
    }

    /** {@code (ConvertTo-SecureString ...)}: a pipeline whose output is the value. */
    record SubPipeline(Token at, Pipeline pipeline) implements Value {
    }

    /** {@code {$_.AccessRights -like 'Full*'}}. */
    record Block(Token at, Condition condition) implements Value {
    }
}
