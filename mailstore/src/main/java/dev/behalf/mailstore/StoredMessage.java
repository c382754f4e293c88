package dev.behalf.mailstore;

/** A stored copy with its raw RFC 5322 bytes. */
public record StoredMessage(MessageSummary summary, byte[] raw) {
}
