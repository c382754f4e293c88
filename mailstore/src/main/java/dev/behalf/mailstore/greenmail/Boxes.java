package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.policy.directory.Recipient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every box the store holds: one per directory mailbox (kept when the mailbox is removed, as Exchange
 * keeps a disconnected mailbox) and one per captured external address. A box is a GreenMail folder tree
 * {@code #mail.<token>} that always starts with {@code INBOX} and {@code Sent Items}; it is not a
 * GreenMail user, so nobody signs in to it except through {@link dev.behalf.policy.signin.SignIn}.
 */
final class Boxes {
    private final Mirror mirror;
    private final Map<MailboxKey, Box> byKey = new ConcurrentHashMap<>();
    private final Map<String, Box> byToken = new ConcurrentHashMap<>();

    Boxes(Mirror mirror) {
        this.mirror = mirror;
    }

    /** The box for {@code key}, created (with INBOX and Sent Items) when it doesn't exist yet. */
    Box ensure(MailboxKey key, String label) {
        Box existing = byKey.get(key);
        if (existing != null) {
            return existing;
        }
        return mirror.locked(() -> {
            Box again = byKey.get(key);
            if (again != null) {
                return again;
            }
            String token = Tokens.of(key);
            Store store = mirror.store();
            MailFolder namespace = store.getMailbox(ImapConstants.USER_NAMESPACE);
            MailFolder root = child(store, namespace, token, false);
            child(store, root, ImapConstants.INBOX_NAME, true);
            child(store, root, Folders.SENT_ITEMS, true);
            Box box = new Box(key, token, new MailboxUser(token, label));
            byKey.put(key, box);
            byToken.put(token, box);
            mirror.register(box);
            return box;
        });
    }

    /** The GreenMail user a session gets after {@link dev.behalf.policy.signin.SignIn} opened {@code mailbox} for it. */
    MailboxUser open(Recipient mailbox) {
        String label = mailbox.primarySmtpAddress().map(Object::toString).orElse(mailbox.name());
        return ensure(new MailboxKey.Mailbox(mailbox.id()), label).user().signedIn();
    }

    Optional<Box> find(MailboxKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Optional<Box> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    Collection<Box> all() {
        return List.copyOf(byKey.values());
    }

    /** The box's folder named {@code name} ({@code .}-separated), created with its parents when missing. */
    FolderRecord folder(Box box, String name) {
        return mirror.locked(() -> {
            Store store = mirror.store();
            MailFolder f = store.getMailbox(ImapConstants.USER_NAMESPACE + ImapConstants.HIERARCHY_DELIMITER + box.token());
            List<String> path = new ArrayList<>();
            for (String segment : name.split("\\" + ImapConstants.HIERARCHY_DELIMITER)) {
                if (segment.isEmpty()) {
                    throw new IllegalArgumentException("folder name '" + name + "' has an empty segment");
                }
                path.add(segment);
                f = child(store, f, segment, true);
            }
            mirror.register(box);
            return mirror.record(f).orElseThrow(() -> new IllegalStateException("folder " + path + " was not registered"));
        });
    }

    private static MailFolder child(Store store, MailFolder parent, String name, boolean selectable) {
        MailFolder existing = store.getMailbox(parent, name);
        if (existing != null) {
            return existing;
        }
        try {
            return store.createMailbox(parent, name, selectable);
        } catch (FolderException e) {
            throw new IllegalStateException("can't create folder " + name + " in " + parent.getFullName(), e);
        }
    }
}
