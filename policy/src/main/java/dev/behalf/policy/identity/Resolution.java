package dev.behalf.policy.identity;

import dev.behalf.policy.directory.Recipient;

import java.util.List;

/**
 * The result of resolving an identity string (spec §2): exactly one object, none, or several.
 * Never picks one of several silently.
 */
public sealed interface Resolution {

    /** The identity text as given. */
    String identity();

    record Found(String identity, Recipient recipient) implements Resolution {
    }

    record NotFound(String identity) implements Resolution {
    }

    record Ambiguous(String identity, List<Recipient> matches) implements Resolution {
        public Ambiguous {
            matches = List.copyOf(matches);
        }
    }
}
