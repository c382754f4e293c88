package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import dev.behalf.mailstore.core.Box;
import dev.behalf.mailstore.core.Folder;
import dev.behalf.mailstore.core.MessageStore;
import jakarta.mail.Quota;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The store as GreenMail's {@link Store}, which {@code ImapHostManagerImpl} takes: the namespace
 * {@code #mail}, one child per box ({@code #mail.<token>}, see {@code Tokens}), each box's folder tree
 * below it. Folder lookups are case-insensitive, as GreenMail's; CREATE, DELETE and RENAME change the
 * store (and its directories on disk) directly. Quotas are not supported.
 */
final class ImapStore implements Store {
    private static final char DELIMITER = ImapConstants.HIERARCHY_DELIMITER_CHAR;

    private final MessageStore store;
    private final ImapFolder namespace;
    private final Map<Folder, ImapFolder> views = new ConcurrentHashMap<>();

    ImapStore(MessageStore store) {
        this.store = store;
        this.namespace = new ImapFolder(store, null);
    }

    ImapFolder view(Folder folder) {
        return views.computeIfAbsent(folder, f -> new ImapFolder(store, f));
    }

    private static Folder folder(MailFolder mailFolder) {
        return mailFolder instanceof ImapFolder f ? f.folder() : null;
    }

    @Override
    public MailFolder getMailbox(String qualifiedMailboxName) {
        String[] parts = qualifiedMailboxName.split(Pattern.quote(ImapConstants.HIERARCHY_DELIMITER), -1);
        if (!parts[0].equalsIgnoreCase(ImapConstants.USER_NAMESPACE)) {
            return null;
        }
        if (parts.length == 1) {
            return namespace;
        }
        Optional<Box> box = store.boxByToken(parts[1]);
        if (box.isEmpty()) {
            return null;
        }
        return store.locked(() -> {
            Folder f = box.get().root();
            for (int i = 2; i < parts.length && f != null; i++) {
                f = parts[i].isEmpty() ? null : f.child(parts[i]);
            }
            return f == null ? null : view(f);
        });
    }

    @Override
    public MailFolder getMailbox(MailFolder parent, String mailboxName) {
        if (parent == namespace) {
            return store.boxByToken(mailboxName).map(b -> (MailFolder) view(b.root())).orElse(null);
        }
        Folder p = folder(parent);
        if (p == null) {
            return null;
        }
        return store.locked(() -> {
            Folder child = p.child(mailboxName);
            return child == null ? null : view(child);
        });
    }

    @Override
    public Collection<MailFolder> getChildren(MailFolder parent) {
        if (parent == namespace) {
            return store.boxes().stream().map(b -> (MailFolder) view(b.root())).toList();
        }
        Folder p = folder(parent);
        if (p == null) {
            return List.of();
        }
        return store.locked(() -> p.children().stream().map(c -> (MailFolder) view(c)).toList());
    }

    @Override
    public MailFolder createMailbox(MailFolder parent, String mailboxName, boolean selectable) throws FolderException {
        Folder p = folder(parent);
        if (p == null) {
            throw new FolderException("Boxes are made by the directory, not by CREATE");
        }
        if (mailboxName.isEmpty() || mailboxName.indexOf(DELIMITER) >= 0) {
            throw new FolderException("Invalid mailbox name " + mailboxName);
        }
        try {
            return view(store.createFolder(p, mailboxName, selectable));
        } catch (IllegalArgumentException e) {
            throw new FolderException("Mailbox " + mailboxName + " already exists.");
        }
    }

    @Override
    public MailFolder setSelectable(MailFolder folder, boolean selectable) {
        Folder f = folder(folder);
        if (f != null) {
            store.setSelectable(f, selectable);
        }
        return folder;
    }

    @Override
    public void deleteMailbox(MailFolder folder) throws FolderException {
        Folder f = folder(folder);
        if (f == null || f.isRoot()) {
            throw new FolderException("Cannot delete mailbox " + folder.getName());
        }
        try {
            store.deleteFolder(f);
        } catch (IllegalArgumentException e) {
            throw new FolderException("Cannot delete mailbox " + folder.getName() + " with children or messages.");
        }
        views.remove(f);
    }

    /**
     * {@code newName} is relative to the box, as {@code ImapHostManagerImpl} passes it (the client's
     * name): every level but the last must exist, and a folder can't move below itself.
     */
    @Override
    public void renameMailbox(MailFolder existingFolder, String newName) throws FolderException {
        Folder f = folder(existingFolder);
        if (f == null || f.isRoot()) {
            throw new FolderException("Cannot rename mailbox " + existingFolder.getName());
        }
        store.<Void, FolderException>locked(() -> {
            String[] path = newName.split(Pattern.quote(ImapConstants.HIERARCHY_DELIMITER), -1);
            Folder parent = f.box().root();
            for (int i = 0; i < path.length - 1; i++) {
                parent = path[i].isEmpty() ? null : parent.child(path[i]);
                if (parent == null) {
                    throw new FolderException("Cannot rename mailbox " + f.name() + " to " + newName
                            + ", mailbox " + path[i] + " does not exist");
                }
            }
            try {
                store.renameFolder(f, parent, path[path.length - 1]);
            } catch (IllegalArgumentException e) {
                throw new FolderException("Cannot rename mailbox " + f.name() + " to " + newName);
            }
            return null;
        });
    }

    /**
     * The folders whose qualified names match {@code searchPattern}: {@code *} matches anything,
     * {@code %} anything but the hierarchy delimiter (RFC 3501 §6.3.8), anywhere in the pattern.
     * Only patterns within one box match anything; the box root itself is never listed.
     */
    @Override
    public Collection<MailFolder> listMailboxes(String searchPattern) {
        String prefix = ImapConstants.USER_NAMESPACE + DELIMITER;
        if (!searchPattern.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return List.of();
        }
        String rest = searchPattern.substring(prefix.length());
        int dot = rest.indexOf(DELIMITER);
        if (dot < 0) {
            return List.of();
        }
        Optional<Box> box = store.boxByToken(rest.substring(0, dot));
        if (box.isEmpty()) {
            return List.of();
        }
        Pattern pattern = compile(rest.substring(dot + 1));
        return store.locked(() -> {
            List<MailFolder> out = new ArrayList<>();
            collect(box.get().root(), "", pattern, out);
            return out;
        });
    }

    private void collect(Folder parent, String parentName, Pattern pattern, List<MailFolder> out) {
        for (Folder child : parent.children()) {
            String name = parentName.isEmpty() ? child.name() : parentName + DELIMITER + child.name();
            if (pattern.matcher(name).matches()) {
                out.add(view(child));
            }
            collect(child, name, pattern, out);
        }
    }

    /** An IMAP list pattern as a regular expression; INBOX matches in any case (RFC 3501 §5.1). */
    private static Pattern compile(String listPattern) {
        StringBuilder regex = new StringBuilder();
        String inbox = ImapConstants.INBOX_NAME;
        int from = 0;
        if (listPattern.regionMatches(true, 0, inbox, 0, inbox.length())
                && (listPattern.length() == inbox.length() || listPattern.charAt(inbox.length()) == DELIMITER)) {
            regex.append("(?i:").append(inbox).append(')');
            from = inbox.length();
        }
        StringBuilder literal = new StringBuilder();
        for (int i = from; i < listPattern.length(); i++) {
            char c = listPattern.charAt(i);
            if (c == '*' || c == '%') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : "[^.]*"); // "." is the delimiter
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public Quota[] getQuota(String root, String qualifiedRootPrefix, boolean includeDefaultRoot) {
        return new Quota[0];
    }

    @Override
    public void setQuota(Quota quota, String qualifiedRootPrefix) {
        throw new UnsupportedOperationException("quotas are not supported");
    }

    @Override
    public void deleteQuota(String qualifiedRootPrefix) {
    }

    @Override
    public boolean isQuotaSupported() {
        return false;
    }

    @Override
    public void setQuotaSupported(boolean quotaSupported) {
        if (quotaSupported) {
            throw new UnsupportedOperationException("quotas are not supported");
        }
    }
}
