package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.imap.ImapHostManagerImpl;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import dev.behalf.mailstore.core.MessageStore;

import java.util.Collection;
import java.util.List;

/**
 * GreenMail's folder host over the store ({@link ImapStore}), with the mailbox boundary added.
 *
 * <p>{@code ImapHostManagerImpl} takes any folder name starting with {@code #} as absolute
 * ({@code getQualifiedMailboxName}), so a signed-in client could {@code SELECT "#mail.<other box>.INBOX"}
 * or {@code LIST "" "#mail.*"} and read every mailbox: Full Access would mean nothing. Absolute names
 * are refused here as if the folder did not exist; a session sees only the tree of the box it signed in to.
 *
 * <p>RENAME of INBOX moves its messages, with their ids, into the new folder and leaves INBOX in place
 * (RFC 3501 §6.3.5); GreenMail's own version copies each message, which would give every one a new id.
 */
final class MailboxHost extends ImapHostManagerImpl {
    private final MessageStore store;

    MailboxHost(ImapStore folders, MessageStore store) {
        super(folders);
        this.store = store;
    }

    private static boolean absolute(String name) {
        return name != null && name.startsWith(ImapConstants.NAMESPACE_PREFIX);
    }

    /**
     * Absolute, or with an empty hierarchy level: GreenMail splits names on {@code .} and skips empty
     * levels, so {@code ""}, {@code ".."} or {@code ".x"} name the box's root folder itself, and
     * {@code RENAME ".." x} moved a whole box (INBOX and all) out of reach, after which every delivery
     * to it failed. Such names are refused as if the folder did not exist.
     */
    private static boolean outOfBounds(String name) {
        String d = ImapConstants.HIERARCHY_DELIMITER;
        return name == null || absolute(name) || name.isEmpty() || name.startsWith(d) || name.endsWith(d) || name.contains(d + d);
    }

    private static void refuseOutOfBounds(String... names) throws FolderException {
        for (String n : names) {
            if (outOfBounds(n)) {
                throw new FolderException("No such folder : " + n);
            }
        }
    }

    /**
     * {@code ""} alone is the box's root, which LIST "" "" shows (RFC 3501 §6.3.8: the hierarchy
     * delimiter); it holds no messages, and the commands that change folders refuse it.
     */
    @Override
    public MailFolder getFolder(GreenMailUser user, String mailboxName) {
        boolean root = mailboxName != null && mailboxName.isEmpty();
        return !root && outOfBounds(mailboxName) ? null : super.getFolder(user, mailboxName);
    }

    @Override
    public Collection<MailFolder> listMailboxes(GreenMailUser user, String mailboxPattern) throws FolderException {
        return absolute(mailboxPattern) ? List.of() : super.listMailboxes(user, mailboxPattern);
    }

    @Override
    public Collection<MailFolder> listSubscribedMailboxes(GreenMailUser user, String mailboxPattern) throws FolderException {
        return absolute(mailboxPattern) ? List.of() : super.listSubscribedMailboxes(user, mailboxPattern);
    }

    @Override
    public void subscribe(GreenMailUser user, String mailbox) throws FolderException {
        refuseOutOfBounds(mailbox);
        super.subscribe(user, mailbox);
    }

    @Override
    public void unsubscribe(GreenMailUser user, String mailbox) throws FolderException {
        refuseOutOfBounds(mailbox);
        super.unsubscribe(user, mailbox);
    }

    @Override
    public MailFolder createMailbox(GreenMailUser user, String mailboxName) throws FolderException {
        refuseOutOfBounds(mailboxName);
        return super.createMailbox(user, mailboxName);
    }

    @Override
    public void deleteMailbox(GreenMailUser user, String mailboxName) throws FolderException {
        refuseOutOfBounds(mailboxName);
        super.deleteMailbox(user, mailboxName);
    }

    @Override
    public void renameMailbox(GreenMailUser user, String oldMailboxName, String newMailboxName) throws FolderException {
        refuseOutOfBounds(oldMailboxName, newMailboxName);
        MailFolder folder = getFolder(user, oldMailboxName, true);
        if (folder != getInbox(user)) {
            super.renameMailbox(user, oldMailboxName, newMailboxName);
            return;
        }
        if (getFolder(user, newMailboxName) != null) {
            throw new FolderException("Cannot rename mailbox " + oldMailboxName + " to " + newMailboxName
                    + ", the name already existed mailbox for user " + user.getEmail());
        }
        store.<Void, FolderException>locked(() -> {
            MailFolder target = createMailbox(user, newMailboxName);
            store.moveAll(((ImapFolder) folder).folder(), ((ImapFolder) target).folder());
            return null;
        });
    }
}
