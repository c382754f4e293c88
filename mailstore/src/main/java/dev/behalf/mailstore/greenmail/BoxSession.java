package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ImapSession;
import com.icegreen.greenmail.imap.ImapSessionFolder;
import com.icegreen.greenmail.imap.ImapSessionState;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.MessageFlags;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.Flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IMAP session's state, as GreenMail's {@code ImapSessionImpl} keeps it, but with a selected
 * folder of our own.
 *
 * <p>Why this seam remains: {@code ImapSessionImpl} is final (2.1.13) and makes GreenMail's
 * {@code ImapSessionFolder}, whose {@code getMsn} copies the folder's whole UID array and scans it.
 * FETCH and STORE ask it once per message, so {@code FETCH 1:*} and {@code STORE 1:* +FLAGS} were
 * quadratic (a 50,000-message Inbox took minutes, docs/benchmarks.md). {@link IndexedFolder} asks the
 * store's folder instead ({@link ImapFolder#getMsn}: a binary search), and keeps the flag updates it
 * is told of itself, because GreenMail's own record of them is a package-private type.
 */
final class BoxSession implements ImapSession {
    private final ImapHostManager host;
    private final UserManager users;
    private final ImapHandler handler;
    private final String clientAddress;
    private ImapSessionState state = ImapSessionState.NON_AUTHENTICATED;
    private GreenMailUser user;
    private IndexedFolder selected;

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
        IndexedFolder folder = selected;
        if (folder == null) {
            return;
        }
        if (folder.isSizeChanged()) {
            response.existsResponse(folder.getMessageCount());
            response.recentResponse(folder.getRecentCount(true));
            folder.setSizeChanged(false);
        }
        for (FlagUpdate update : folder.takeFlagUpdates()) {
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

    /** One pending {@code * n FETCH (FLAGS ...)} response. */
    record FlagUpdate(int msn, Flags flags, Long uid) {
    }

    /**
     * The selected folder: sequence numbers from the store's folder; flag updates and expunges not yet
     * reported kept here. GreenMail's {@code getExpunged} throws when a delivery lands between the
     * EXISTS and EXPUNGE parts of an unsolicited response ("Need to do this properly"), which ended the
     * connection; these lists have no such check.
     */
    static final class IndexedFolder extends ImapSessionFolder {
        private final ImapFolder folder;
        /** By sequence number, a later change replacing an earlier one, as GreenMail's session does. */
        private final Map<Integer, FlagUpdate> flagUpdates = new LinkedHashMap<>();
        private final List<Integer> expunged = new ArrayList<>();
        /** The index the last lookup found: FETCH and STORE walk the folder in order, so the next is one on. */
        private int last = -1;

        IndexedFolder(MailFolder folder, ImapSession session, boolean readOnly) {
            super(folder, session, readOnly);
            this.folder = (ImapFolder) folder;
        }

        @Override
        public int getMsn(long uid) throws FolderException {
            int msn = folder.msn(uid, last + 1);
            last = msn - 1;
            return msn;
        }

        /** FETCH asks for the message right after its sequence number: it is at the index just found. */
        @Override
        public StoredMessage getMessage(long uid) {
            return folder.message(uid, last);
        }

        /** STORE, likewise. */
        @Override
        public void setFlags(Flags flags, boolean value, long uid, FolderListener silentListener, boolean addUid) throws FolderException {
            folder.setFlags(flags, value, uid, last, silentListener, addUid);
        }

        @Override
        public void expunged(int msn) {
            synchronized (expunged) {
                expunged.add(msn);
            }
        }

        @Override
        public int[] getExpunged() {
            synchronized (expunged) {
                int[] out = expunged.stream().mapToInt(Integer::intValue).toArray();
                expunged.clear();
                return out;
            }
        }

        /** The first unseen message as this session numbers it: expunges it has not yet been told of still count. */
        @Override
        public int getFirstUnseen() {
            int msn = folder.getFirstUnseen();
            synchronized (expunged) {
                for (int i = expunged.size() - 1; i >= 0; i--) {
                    if (expunged.get(i) <= msn) {
                        msn++;
                    }
                }
            }
            return msn;
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
            synchronized (flagUpdates) {
                flagUpdates.put(msn, new FlagUpdate(msn, flags, uid));
            }
        }

        List<FlagUpdate> takeFlagUpdates() {
            synchronized (flagUpdates) {
                if (flagUpdates.isEmpty()) {
                    return List.of();
                }
                List<FlagUpdate> out = new ArrayList<>(flagUpdates.values());
                flagUpdates.clear();
                return out;
            }
        }
    }
}
