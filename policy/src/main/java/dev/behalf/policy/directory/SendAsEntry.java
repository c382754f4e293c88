package dev.behalf.policy.directory;

import java.util.Objects;

/** One Send As entry on a mailbox or group (spec §3). */
public record SendAsEntry(RecipientId trustee, AccessControl control) {

    public SendAsEntry {
        Objects.requireNonNull(trustee, "trustee");
        Objects.requireNonNull(control, "control");
    }

    public static SendAsEntry allow(RecipientId trustee) {
        return new SendAsEntry(trustee, AccessControl.Allow);
    }
}
