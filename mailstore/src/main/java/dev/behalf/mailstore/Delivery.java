package dev.behalf.mailstore;

import dev.behalf.message.HeaderSection;

import java.util.List;
import java.util.Objects;

/**
 * An accepted submission ready to store: the final RFC 5322 bytes (headers rewritten, Received and
 * Return-Path added) with their header section as the gateway parsed and decided on it, and every place
 * a copy goes. The store stores {@code headers.raw()}: the bytes decided on are the bytes stored. Their
 * list summary is read from those bytes, by the same header parser, when someone first lists them,
 * the submission id that links every copy to its decision record included: the message carries it as
 * {@code X-MS-Exchange-Organization-Network-Message-Id}, as Exchange does, so the bytes are its one source.
 */
public record Delivery(HeaderSection headers, List<Placement> placements) {

    public Delivery {
        Objects.requireNonNull(headers, "headers");
        placements = List.copyOf(placements);
        if (placements.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one placement");
        }
    }

    /** A delivery of bytes nobody has parsed yet (tests, benchmarks): read with {@link HeaderSection#read}. */
    public Delivery(byte[] message, List<Placement> placements) {
        this(HeaderSection.read(Objects.requireNonNull(message, "message")), placements);
    }

    /** The bytes to store (not copied). */
    public byte[] message() {
        return headers.raw();
    }
}
