package dev.behalf.mailstore;

import java.util.List;
import java.util.Objects;

/**
 * An accepted submission ready to store: the final RFC 5322 bytes (headers rewritten, Received and
 * Return-Path added) and every place a copy goes.
 *
 * @param submissionId the id that links every copy to its decision record; the message carries it as
 *                     {@code X-MS-Exchange-Organization-Network-Message-Id}, as Exchange does
 */
public record Delivery(String submissionId, byte[] message, List<Placement> placements) {

    public Delivery {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(message, "message");
        placements = List.copyOf(placements);
        if (placements.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one placement");
        }
    }
}
