package dev.behalf.mailstore.core;

import dev.behalf.mailstore.MessageId;

/**
 * One placement of a {@link Message}: the folder it is in, its UID there, its flags, and the id the
 * API and the data dir know it by (48 bytes). Many slots share one message. The mutable
 * parts (folder, UID, flags) change only under the store's lock; {@link Folder#NONE} marks a removed one.
 */
public final class Slot {
    final Message message;
    final long idHigh;
    final long idLow;
    Folder folder;
    long uid;
    byte flags;
    /** The flags the file on disk is named with; differs from {@link #flags} until the next sync. */
    byte diskFlags;

    Slot(Message message, long idHigh, long idLow, int flags) {
        this.message = message;
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.flags = (byte) flags;
        this.diskFlags = (byte) (flags & FlagSet.PERSISTED);
    }

    public Message message() {
        return message;
    }

    /** The internal date, in epoch milliseconds: the message's. */
    public long received() {
        return message.received();
    }

    public MessageId id() {
        return new MessageId(MessageIds.format(idHigh, idLow));
    }

    /** The UID in its folder at the moment of asking (hold the store lock for a stable answer). */
    public long uid() {
        return uid;
    }

    public int flags() {
        return flags;
    }

    public Folder folder() {
        return folder;
    }

    public boolean removed() {
        return folder == null;
    }
}
