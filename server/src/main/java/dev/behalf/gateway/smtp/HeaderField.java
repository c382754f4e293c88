package dev.behalf.gateway.smtp;

/**
 * One header field of a raw message: its name and the byte range {@code [start, end)} of the whole
 * field, continuation lines and final CRLF included.
 */
record HeaderField(String name, int start, int end) {

    boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
