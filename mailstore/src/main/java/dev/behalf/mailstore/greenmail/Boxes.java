package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.core.Box;
import dev.behalf.mailstore.core.MessageStore;
import dev.behalf.policy.directory.Recipient;

/** The GreenMail user a signed-in IMAP or POP3 session gets for the store box {@link dev.behalf.policy.signin.SignIn} opened. */
final class Boxes {
    private final MessageStore store;

    Boxes(MessageStore store) {
        this.store = store;
    }

    /** The user a session gets after {@link dev.behalf.policy.signin.SignIn} opened {@code mailbox} for it. */
    MailboxUser open(Recipient mailbox) {
        Box box = store.box(mailbox);
        return new MailboxUser(box.token(), box.label()).signedIn();
    }
}
