package dev.behalf.policy.directory;

import java.util.Optional;

/**
 * Why a set of recipients is not a valid directory: which object, which field, what is wrong.
 *
 * @param recipient the object at fault, when one is
 * @param field     the attribute, e.g. {@code alias} or {@code fullAccess[2].trustee}
 */
public record DirectoryProblem(Optional<RecipientId> recipient, String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
