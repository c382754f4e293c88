package dev.behalf.gateway.smtp;

import dev.behalf.policy.directory.SmtpAddress;

import java.util.Optional;

/** One mailbox of a From or Sender header: display name (decoded) and address. */
record Mailbox(Optional<String> displayName, SmtpAddress address) {

    @Override
    public String toString() {
        return displayName.map(n -> n + " <" + address + ">").orElse(address.toString());
    }
}
