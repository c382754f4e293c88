package com.icegreen.greenmail.imap;

import jakarta.mail.Flags;

import java.util.List;

/**
 * Behalf's one class in GreenMail's package: {@code ImapSessionFolder.FlagUpdate} is package-private,
 * so a session of our own ({@code dev.behalf.mailstore.greenmail.BoxSession}) could not report flag
 * changes to the client without it. Compiled against GreenMail 2.1.13; an upgrade that changes the
 * class breaks the build here, not at run time.
 */
public final class BehalfFlagUpdates {
    /** One pending {@code * n FETCH (FLAGS ...)} response. */
    public record Update(int msn, Flags flags, Long uid) {
    }

    private BehalfFlagUpdates() {
    }

    /** Takes the folder's pending flag updates, as {@code ImapSessionImpl.unsolicitedResponses} does. */
    public static List<Update> take(ImapSessionFolder folder) {
        return folder.getFlagUpdates().stream().map(u -> new Update(u.getMsn(), u.getFlags(), u.getUid())).toList();
    }
}
