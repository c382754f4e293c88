package dev.behalf.mailstore.core;

/**
 * Told of every change to a folder's messages, on the thread that makes it, while the store's lock
 * is held: what IMAP's EXISTS, EXPUNGE and flag updates are made of. Sequence numbers are 1-based and
 * valid at the moment of the call (expunges arrive highest first, as they are made).
 */
public interface Watcher {
    void added(int msn);

    void expunged(int msn);

    /** {@code slot}'s flags changed; {@code withUid} when the change came from a UID command. */
    void flagsChanged(int msn, Slot slot, boolean withUid);

    /** The folder was deleted. */
    void deleted();
}
