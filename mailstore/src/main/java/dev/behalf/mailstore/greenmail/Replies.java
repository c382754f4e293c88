package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.core.MessageStore;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An IMAP session's reply stream, buffered, with two rules for the bytes the session's own thread writes.
 *
 * <p><b>Durable before it is said.</b> Before any of them reaches the socket the store is synced
 * ({@link MessageStore#sync()}), so a client is never told of a flag change the disk does not have:
 * STORE, FETCH's implicit {@code \Seen} and the rest change the store before they answer. One sync
 * covers everything written since the last, so a STORE over a whole folder costs one.
 *
 * <p><b>Untagged lines wait for their command's end.</b> GreenMail flushes after every response
 * line, and {@code FETCH 1:*} on 50,000 messages made that 50,000 writes to the socket. A flush right
 * after an untagged line ({@code * ...}) is therefore held back; the tagged reply or a continuation
 * request ({@code +}) that ends every command's part flushes everything, and a full buffer goes out
 * as it fills. Tags can't start with {@code *} or {@code +} (RFC 3501 §9, {@code tag}), so a tagged
 * line is never held. The greeting, sent before any command, is flushed with {@link #flushNow()}.
 *
 * <p>Bytes written by other threads (GreenMail's IDLE listener announces from the delivering thread,
 * which holds the store's lock) are flushed at once and never sync, and this stream never asks for
 * the store's lock while holding its own monitor, so the two can't deadlock.
 */
final class Replies extends OutputStream {
    private final OutputStream socket;
    private final MessageStore store;
    private final Thread owner;
    private final byte[] buffer = new byte[16 * 1024];
    private int count;
    private boolean atLineStart = true;
    private int lineFirst = -1;
    private int lastLineFirst = -1;

    Replies(OutputStream socket, MessageStore store, Thread owner) {
        this.socket = socket;
        this.store = store;
        this.owner = owner;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (Thread.currentThread() == owner && count + len > buffer.length) {
            store.sync(); // these bytes will go out now; the sync is never made while holding this monitor
        }
        synchronized (this) {
            for (int i = off; i < off + len; i++) {
                int c = b[i];
                if (atLineStart) {
                    lineFirst = c;
                    atLineStart = false;
                }
                if (c == '\n') {
                    lastLineFirst = lineFirst;
                    atLineStart = true;
                }
            }
            if (count + len > buffer.length) {
                drain();
                if (len > buffer.length) {
                    socket.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buffer, count, len);
            count += len;
        }
    }

    @Override
    public void flush() throws IOException {
        boolean mine = Thread.currentThread() == owner;
        synchronized (this) {
            if (mine && lastLineFirst == '*' && atLineStart) {
                return;
            }
        }
        flushNow();
    }

    /** Sends everything written so far. */
    void flushNow() throws IOException {
        if (Thread.currentThread() == owner) {
            store.sync();
        }
        synchronized (this) {
            drain();
            socket.flush();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            socket.write(buffer, 0, count);
            count = 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flushNow();
        } finally {
            socket.close();
        }
    }
}
