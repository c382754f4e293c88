package dev.behalf.gateway.smtp;

import dev.behalf.message.Address;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.Optional;

/** One mailbox of a From or Sender header: display name (decoded) and address. */
record Mailbox(Optional<String> displayName, SmtpAddress address) {

    /** {@code Display Name <address>}, the name quoted when it holds specials, so it reads back as one mailbox. */
    @Override
    public String toString() {
        return new Address(displayName, address.toString(), false).display();
    }
}
