package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.BehalfFlagUpdates;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ImapSession;
import com.icegreen.greenmail.imap.ImapSessionFolder;
import com.icegreen.greenmail.imap.ImapSessionState;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.MessageFlags;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;

import java.util.List;

/**
 * One IMAP session's state, as GreenMail's {@code ImapSessionImpl} (final, 2.1.13) keeps it, except
 * that the selected folder finds a message by UID in logarithmic time.
 *
 * <p>Why: GreenMail's FETCH and STORE walk every UID of the folder and ask the session folder for
 * each one's sequence number; {@code ImapSessionFolder.getMsn} copies the folder's whole UID array and
 * scans it, and {@code getMessage(uid)} scans the message list. One {@code FETCH n (BODY.PEEK[])}
 * on a 50,000-message Inbox so took over three minutes (docs/benchmarks.md). The session is the seam:
 * {@link ImapConnection} creates it, and every command reaches the folder through it.
 */
final class BoxSession implements ImapSession {
    private final ImapHostManager host;
    private final UserManager users;
    private final ImapHandler handler;
    private final String clientAddress;
    private ImapSessionState state = ImapSessionState.NON_AUTHENTICATED;
    private GreenMailUser user;
    private ImapSessionFolder selected;

    BoxSession(ImapHostManager host, UserManager users, ImapHandler handler, String clientAddress) {
        this.host = host;
        this.users = users;
        this.handler = handler;
        this.clientAddress = clientAddress;
    }

    @Override
    public ImapHostManager getHost() {
        return host;
    }

    @Override
    public UserManager getUserManager() {
        return users;
    }

    @Override
    public String getClientIP() {
        return clientAddress;
    }

    @Override
    public void unsolicitedResponses(ImapResponse response) throws FolderException {
        unsolicitedResponses(response, false);
    }

    /** As {@code ImapSessionImpl.unsolicitedResponses}: EXISTS and RECENT, flag changes, expunges. */
    @Override
    public void unsolicitedResponses(ImapResponse response, boolean omitExpunged) throws FolderException {
        ImapSessionFolder folder = selected;
        if (folder == null) {
            return;
        }
        if (folder.isSizeChanged()) {
            response.existsResponse(folder.getMessageCount());
            response.recentResponse(folder.getRecentCount(true));
            folder.setSizeChanged(false);
        }
        for (BehalfFlagUpdates.Update update : BehalfFlagUpdates.take(folder)) {
            StringBuilder out = new StringBuilder("FLAGS ").append(MessageFlags.format(update.flags()));
            if (update.uid() != null) {
                out.append(" UID ").append(update.uid());
            }
            response.fetchResponse(update.msn(), out.toString());
        }
        if (!omitExpunged) {
            for (int msn : folder.getExpunged()) {
                response.expungeResponse(msn);
            }
        }
    }

    @Override
    public void closeConnection(String byeMessage) {
        handler.forceConnectionClose(byeMessage);
    }

    @Override
    public void closeConnection() {
        handler.close();
    }

    @Override
    public void setAuthenticated(GreenMailUser user) {
        state = ImapSessionState.AUTHENTICATED;
        this.user = user;
    }

    @Override
    public GreenMailUser getUser() {
        return user;
    }

    @Override
    public void deselect() {
        state = ImapSessionState.AUTHENTICATED;
        if (selected != null) {
            selected.deselect();
            selected = null;
        }
    }

    @Override
    public void setSelected(MailFolder folder, boolean readOnly) {
        selected = new IndexedFolder(folder, this, readOnly);
        state = ImapSessionState.SELECTED;
    }

    @Override
    public ImapSessionFolder getSelected() {
        return selected;
    }

    @Override
    public ImapSessionState getState() {
        return state;
    }

    /**
     * The selected folder, finding a UID by binary search: a folder's messages are kept in UID order
     * (GreenMail appends each with the folder's next UID and removal keeps the order). The search only
     * trusts an exact hit; anything else (a folder changing under it) falls back to GreenMail's scan.
     */
    static final class IndexedFolder extends ImapSessionFolder {
        private final MailFolder folder;

        IndexedFolder(MailFolder folder, ImapSession session, boolean readOnly) {
            super(folder, session, readOnly);
            this.folder = folder;
        }

        @Override
        public int getMsn(long uid) throws FolderException {
            int i = indexOf(folder.getMessages(), uid);
            return i >= 0 ? i + 1 : super.getMsn(uid);
        }

        @Override
        public StoredMessage getMessage(long uid) {
            List<StoredMessage> messages = folder.getMessages();
            int i = indexOf(messages, uid);
            if (i >= 0) {
                try {
                    StoredMessage m = messages.get(i);
                    if (m.getUid() == uid) {
                        return m;
                    }
                } catch (IndexOutOfBoundsException shrunk) {
                    // expunged meanwhile: scan
                }
            }
            return super.getMessage(uid);
        }

        static int indexOf(List<StoredMessage> messages, long uid) {
            try {
                int lo = 0;
                int hi = messages.size() - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    long at = messages.get(mid).getUid();
                    if (at < uid) {
                        lo = mid + 1;
                    } else if (at > uid) {
                        hi = mid - 1;
                    } else {
                        return mid;
                    }
                }
            } catch (IndexOutOfBoundsException shrunk) {
                // expunged meanwhile: the caller scans
            }
            return -1;
        }
    }
}
