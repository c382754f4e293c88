package dev.behalf.policy.directory;

import java.util.Arrays;
import java.util.Optional;

/** Active Directory inheritance of a mailbox permission entry; {@code All} by default. */
public enum InheritanceType {
    None, All, Descendents, SelfAndChildren, Children;

    public static Optional<InheritanceType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
