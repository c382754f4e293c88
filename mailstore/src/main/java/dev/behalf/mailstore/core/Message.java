package dev.behalf.mailstore.core;

import dev.behalf.message.HeaderSection;

import java.util.Objects;

/**
 * One accepted message, held once however many folders it is placed in: its bytes, where its body
 * starts, its internal date (every placement of one message has the same: a delivery's copies are
 * made together, and IMAP COPY and MOVE keep the date), and its list summary, read once. Immutable,
 * except for {@link #protocolView}, a cache the IMAP layer fills on the first FETCH that needs an
 * envelope or body structure (computed from these bytes, so filling it twice is harmless).
 */
public final class Message {
    private final byte[] bytes;
    private final int bodyOffset;
    private final long received;
    private final Summary summary;
    private volatile Object protocolView;

    /**
     * The message {@code headers} were read from ({@code headers.raw()}, which become the store's: the caller
     * must not change them afterwards); its body starts where that reading ended the header section.
     */
    public Message(HeaderSection headers, long received, Summary summary) {
        this.bytes = headers.raw();
        this.summary = Objects.requireNonNull(summary, "summary");
        this.received = received;
        this.bodyOffset = headers.bodyStart();
    }

    /** The stored bytes, shared: read them, never change them. */
    public byte[] bytes() {
        return bytes;
    }

    public int size() {
        return bytes.length;
    }

    public int bodyOffset() {
        return bodyOffset;
    }

    /** The internal date, in epoch milliseconds. */
    public long received() {
        return received;
    }

    public Summary summary() {
        return summary;
    }

    public Object protocolView() {
        return protocolView;
    }

    public void protocolView(Object view) {
        this.protocolView = view;
    }
}
