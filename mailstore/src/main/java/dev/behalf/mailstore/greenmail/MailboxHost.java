package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.imap.ImapHostManagerImpl;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import com.icegreen.greenmail.user.GreenMailUser;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * GreenMail's folder host with two additions.
 *
 * <p><b>The mailbox boundary.</b> {@code ImapHostManagerImpl} takes any folder name starting with
 * {@code #} as absolute ({@code getQualifiedMailboxName}), so a signed-in client could
 * {@code SELECT "#mail.<other box>.INBOX"} or {@code LIST "" "#mail.*"} and read every mailbox: Full
 * Access would mean nothing. Absolute names are refused here as if the folder did not exist; a session
 * sees only the tree of the box it signed in to.
 *
 * <p><b>Folder changes reach the mirror.</b> CREATE, DELETE and RENAME change the folder tree without
 * telling folder listeners, so they are wrapped to update the mirror (and the directories on disk)
 * under its lock, before the command replies.
 */
final class MailboxHost extends ImapHostManagerImpl {
    private final Mirror mirror;
    private final Boxes boxes;

    MailboxHost(Store store, Mirror mirror, Boxes boxes) {
        super(store);
        this.mirror = mirror;
        this.boxes = boxes;
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

    @Override
    public MailFolder getFolder(GreenMailUser user, String mailboxName) {
        return outOfBounds(mailboxName) ? null : super.getFolder(user, mailboxName);
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
        return mirror.lockedFolderWork(() -> {
            MailFolder created = super.createMailbox(user, mailboxName);
            mirror.register(box(user));
            return created;
        });
    }

    @Override
    public void deleteMailbox(GreenMailUser user, String mailboxName) throws FolderException {
        refuseOutOfBounds(mailboxName);
        mirror.lockedFolderWork(() -> {
            Optional<FolderRecord> rec = Optional.ofNullable(getFolder(user, mailboxName)).flatMap(mirror::record);
            super.deleteMailbox(user, mailboxName);
            rec.ifPresent(mirror::folderDeleted);
            return null;
        });
    }

    @Override
    public void renameMailbox(GreenMailUser user, String oldMailboxName, String newMailboxName) throws FolderException {
        refuseOutOfBounds(oldMailboxName, newMailboxName);
        mirror.lockedFolderWork(() -> {
            MailFolder folder = getFolder(user, oldMailboxName);
            Optional<FolderRecord> rec = Optional.ofNullable(folder).flatMap(mirror::record);
            List<String> oldPath = rec.map(r -> r.path).orElse(List.of());
            boolean inbox = folder != null && folder == getInbox(user);
            super.renameMailbox(user, oldMailboxName, newMailboxName);
            if (inbox) {
                // GreenMail renames INBOX by copying every message to a new folder and emptying INBOX;
                // the sync pairs each copy with its original, so ids and files move along.
                mirror.register(box(user));
                mirror.markDirty(folder);
                MailFolder target = getFolder(user, newMailboxName);
                if (target != null) {
                    mirror.markDirty(target);
                }
                mirror.sync();
            } else {
                rec.ifPresent(r -> mirror.folderRenamed(r, oldPath));
            }
            return null;
        });
    }

    private Box box(GreenMailUser user) {
        return boxes.byToken(user.getQualifiedMailboxName()).orElseThrow(() ->
                new IllegalStateException("session user " + user + " has no box"));
    }
}
