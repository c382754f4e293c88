package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.durable.Maildir.MessageFile;

import java.time.Instant;
import java.util.Date;

/**
 * One stored copy as the mirror knows it: its id, where it sits in GreenMail (folder and UID) and what
 * its file on disk is called. Mutable (a move or flag change updates it); guarded by the mirror's lock.
 */
final class Entry {
    final MessageId id;
    final Headers headers;
    final long size;
    final long received;
    FolderRecord folder;
    long uid;
    /**
     * The very {@code Date} GreenMail holds for the message. GreenMail's MOVE and COPY hand the original's
     * {@code Date} object to the new copy ({@code HierarchicalFolder.moveMessage/copyMessage} in 2.1.13), so
     * identity links a moved copy to the one that left; see {@link Mirror#sync()} (the pairing of moved copies).
     */
    Date receivedRef;
    String flags;

    Entry(MessageId id, Headers headers, long size, FolderRecord folder, long uid, Date receivedRef, String flags) {
        this.id = id;
        this.headers = headers;
        this.size = size;
        this.received = receivedRef.getTime();
        this.folder = folder;
        this.uid = uid;
        this.receivedRef = receivedRef;
        this.flags = flags;
    }

    MessageFile file() {
        return new MessageFile(folder.box.token(), folder.path, id, received, flags);
    }

    MessageSummary summary() {
        return new MessageSummary(id, folder.box.key(), folder.name(), headers.submissionId(), headers.messageId(),
                headers.subject(), headers.from(), headers.sender(), headers.to(), Instant.ofEpochMilli(received),
                size, flags.indexOf('S') >= 0);
    }
}
