package dev.behalf.policy.directory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The stable identity of a directory object: its {@code Guid}.
 *
 * <p>Objects created without an explicit Guid get a name-based one ({@link #forName}), so the same
 * demo directory yields the same Guids on every start and state journals stay valid across restarts.
 */
public record RecipientId(UUID guid) {

    public RecipientId {
        Objects.requireNonNull(guid, "guid");
    }

    /** The deterministic Guid for an object named {@code name} (case-insensitive). */
    public static RecipientId forName(String name) {
        return new RecipientId(UUID.nameUUIDFromBytes(
                ("behalf:" + name.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
    }

    public static RecipientId parse(String text) {
        return new RecipientId(UUID.fromString(text.strip()));
    }

    @Override
    public boolean equals(Object o) {
        // Written out, not generated: a record's equals and hashCode go through an invokedynamic bootstrap and method
        // handles, and this one is a map key that every submission and every start looks up, many times.
        return o == this || o instanceof RecipientId r && guid.equals(r.guid);
    }

    @Override
    public int hashCode() {
        return guid.hashCode();
    }

    @Override
    public String toString() {
        return guid.toString();
    }
}
