package dev.behalf.policy.routing;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;

import java.util.List;

/** Where one envelope recipient goes (spec §6). */
public sealed interface Route {

    /** The envelope address as given. */
    SmtpAddress address();

    /** A mailbox: its Inbox. Hidden mailboxes still receive mail. */
    record ToMailbox(SmtpAddress address, Recipient mailbox) implements Route {
    }

    /**
     * A group, expanded (recursively; dynamic groups by their filter, now): its mailboxes and the
     * external addresses of its mail users, each once.
     */
    record ToGroup(SmtpAddress address, Recipient group, List<Recipient> mailboxes, List<SmtpAddress> external)
            implements Route {
        public ToGroup {
            mailboxes = List.copyOf(mailboxes);
            external = List.copyOf(external);
        }
    }

    /** Outside the accepted domains, or a mail user: captured, never relayed. */
    record ToExternal(SmtpAddress address, SmtpAddress capturedAs) implements Route {
    }

    /** In an accepted domain but no object owns it: refused at RCPT. */
    record Unknown(SmtpAddress address) implements Route {
        public Refusal refusal() {
            return Refusal.RECIPIENT_NOT_FOUND;
        }
    }
}
