package dev.behalf.mailstore.core;

import dev.behalf.message.HeaderSection;

import java.util.Objects;

/**
 * One accepted message, held once however many folders it is placed in: its bytes, where its body
 * starts, its internal date (every placement of one message has the same: a delivery's copies are
 * made together, and IMAP COPY and MOVE keep the date), and its list summary. Immutable, except for two
 * caches filled from these bytes on first use (so filling one twice is harmless): the {@link #summary()},
 * read by the one header parser when a list, an event or a fetch first asks for it, not at delivery (an
 * SMTP submission that nobody lists pays nothing for it, in time or in heap); and {@link #protocolView}, which
 * the IMAP layer fills on the first FETCH that needs an envelope or body structure.
 */
public final class Message {
    private final byte[] bytes;
    private final int bodyOffset;
    private final long received;
    private final Interner interner;
    private volatile Summary summary;
    private volatile Object protocolView;

    /**
     * The message {@code headers} were read from ({@code headers.raw()}, which become the store's: the caller
     * must not change them afterwards); its body starts where that reading ended the header section. Its
     * summary shares its often repeated values through {@code interner}.
     */
    public Message(HeaderSection headers, long received, Interner interner) {
        this.bytes = headers.raw();
        this.interner = Objects.requireNonNull(interner, "interner");
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
        Summary s = summary;
        if (s == null) {
            s = Summary.of(HeaderSection.read(bytes), interner);
            summary = s;
        }
        return s;
    }

    public Object protocolView() {
        return protocolView;
    }

    public void protocolView(Object view) {
        this.protocolView = view;
    }
}
