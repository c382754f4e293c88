package dev.behalf.shell.internal.language;

/**
 * What flows through a pipeline: directory objects, plain values, secure strings, or the text a
 * {@code Format-*} cmdlet produced (which, as in PowerShell, only the end of the pipeline can take).
 */
public sealed interface Item permits ShellObject, Item.Scalar, Item.SecureText, Item.Formatted {

    /** A plain value ({@code Select-Object -ExpandProperty}): a string, boolean, number or list. */
    record Scalar(Object value) implements Item {
    }

    /** The result of {@code ConvertTo-SecureString}; never printed. */
    record SecureText(dev.behalf.policy.directory.Secret secret) implements Item {
    }

    /** Rendered output of {@code Format-Table} / {@code Format-List}. */
    record Formatted(String text) implements Item {
    }
}
