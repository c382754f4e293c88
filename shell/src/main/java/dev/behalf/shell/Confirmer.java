package dev.behalf.shell;

/**
 * Answers the confirmation prompts of {@code Remove-*} and {@code Add-RecipientPermission} (and of
 * any cmdlet given {@code -Confirm}). A cmdlet given {@code -Confirm:$false} does not ask.
 *
 * <p>Called on the thread running {@link Shell#run}, once per object about to change; returning
 * false skips that change and the command goes on. An interactive front end shows the prompt and
 * asks; a non-interactive caller (the HTTP shell endpoint, tests) uses {@link #yes()}.
 */
@FunctionalInterface
public interface Confirmer {

    /**
     * @param prompt Exchange's wording, two lines: {@code Are you sure you want to perform this action?}
     *               and what is about to happen
     * @return true to go ahead
     */
    boolean confirm(String prompt);

    /** The non-interactive answer: yes to everything. */
    static Confirmer yes() {
        return prompt -> true;
    }

    /** No to everything: commands that would ask change nothing. */
    static Confirmer no() {
        return prompt -> false;
    }
}
