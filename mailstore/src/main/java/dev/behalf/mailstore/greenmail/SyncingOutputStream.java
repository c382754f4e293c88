package dev.behalf.mailstore.greenmail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A session's reply stream that makes the session's changes durable before any reply byte leaves:
 * every flush by the session's own thread first syncs the mirror. GreenMail's response writer flushes
 * after each line, and IMAP MOVE, EXPUNGE, STORE and APPEND change the store before they answer, so the
 * tagged OK a client sees is never ahead of the disk. Flushes from other threads (GreenMail's IDLE
 * listener writes to this stream from whichever thread appended) don't sync: they may hold folder
 * monitors that the mirror's lock must never wait behind.
 */
final class SyncingOutputStream extends FilterOutputStream {
    private final Mirror mirror;
    private final Thread owner;

    SyncingOutputStream(OutputStream out, Mirror mirror, Thread owner) {
        super(out);
        this.mirror = mirror;
        this.owner = owner;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (Thread.currentThread() == owner) {
            mirror.syncDirty();
        }
        out.flush();
    }
}
