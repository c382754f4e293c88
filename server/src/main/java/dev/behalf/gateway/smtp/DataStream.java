package dev.behalf.gateway.smtp;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The DATA text (RFC 5321 §4.1.1.4, §4.5.2): bytes up to the {@code CRLF.CRLF} that ends it, with
 * the leading dot of every line removed, read from the session's buffered input in blocks.
 *
 * <p>Why not SubEthaSMTP's {@code DotUnstuffingInputStream(DotTerminatedInputStream(...))}: it
 * reads one byte at a time through three streams, each a call and the bottom one a synchronized
 * {@code BufferedInputStream.read()}; under load that was a quarter of the gateway's CPU (see
 * docs/benchmarks.md). Reading ahead must not swallow what the client pipelined after the dot (the
 * next MAIL, or QUIT): the stream is marked before each block and, once the terminator is found,
 * reset to just after it. SubEthaSMTP's command reader reads the same stream byte by byte, so the
 * mark is never in use elsewhere.
 *
 * <p>Unlike the stock streams, a dot that starts the very first line is unstuffed too, as RFC 5321
 * §4.5.2 says for every line.
 */
final class DataStream extends InputStream {
    private static final int BLOCK = 8192;

    private enum State { TEXT, CR, LINE_START, DOT, DOT_CR }

    private final BufferedInputStream raw;
    private final byte[] block = new byte[BLOCK];
    /** At most one byte more than a block: a CR held after a dropped dot. */
    private final byte[] ready = new byte[BLOCK + 1];
    private int readyPos;
    private int readyEnd;
    private State state = State.LINE_START;
    private boolean ended;

    DataStream(InputStream raw) {
        if (!(raw instanceof BufferedInputStream b)) {
            // SubEthaSMTP's Session.getRawInput() is one; anything else could not be reset.
            throw new IllegalArgumentException("the session input must be a BufferedInputStream, not " + raw.getClass().getName());
        }
        this.raw = b;
    }

    @Override
    public int read() throws IOException {
        if (readyPos == readyEnd && !fill()) {
            return -1;
        }
        return ready[readyPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (readyPos == readyEnd && !fill()) {
            return -1;
        }
        int n = Math.min(len, readyEnd - readyPos);
        System.arraycopy(ready, readyPos, b, off, n);
        readyPos += n;
        return n;
    }

    /** Reads blocks until some text is ready or the terminator was consumed; false at the end. */
    private boolean fill() throws IOException {
        readyPos = 0;
        readyEnd = 0;
        while (readyEnd == 0 && !ended) {
            raw.mark(BLOCK);
            int n = raw.read(block, 0, BLOCK);
            if (n < 0) {
                throw new EOFException("Pre-mature end of <CRLF>.<CRLF> terminated data");
            }
            int used = scan(n);
            if (ended) {
                raw.reset();
                skipFully(used);
            }
        }
        return readyEnd > 0;
    }

    /**
     * Moves the text of {@code block[0, n)} to {@code ready}; returns how many bytes it used (all, unless it ended).
     * Inside a line the next CR is found with {@code String.indexOf} on a Latin-1 copy of the block and the text up to
     * it copied whole; only the few bytes around each line start go through the states one by one. A loop over every
     * byte was kept interpreted under load by a busy C2 queue (14% of the server's CPU in a {@code perf} profile, see
     * docs/benchmarks.md); {@code indexOf} and {@code arraycopy} are compiled from the start.
     */
    private int scan(int n) {
        String view = null;
        int i = 0;
        while (i < n) {
            if (state == State.TEXT) {
                if (view == null) {
                    view = new String(block, 0, n, StandardCharsets.ISO_8859_1);
                }
                int cr = view.indexOf('\r', i);
                int upTo = cr < 0 ? n : cr + 1;
                System.arraycopy(block, i, ready, readyEnd, upTo - i);
                readyEnd += upTo - i;
                i = upTo;
                if (cr >= 0) {
                    state = State.CR;
                }
                continue;
            }
            byte c = block[i++];
            switch (state) {
                case CR -> {
                    ready[readyEnd++] = c;
                    state = c == '\n' ? State.LINE_START : c == '\r' ? State.CR : State.TEXT;
                }
                case LINE_START -> {
                    if (c == '.') {
                        // Either the terminator or a stuffed dot: dropped in both cases.
                        state = State.DOT;
                    } else {
                        ready[readyEnd++] = c;
                        state = c == '\r' ? State.CR : State.TEXT;
                    }
                }
                case DOT -> {
                    if (c == '\r') {
                        state = State.DOT_CR;
                    } else {
                        ready[readyEnd++] = c;
                        state = State.TEXT;
                    }
                }
                case DOT_CR -> {
                    if (c == '\n') {
                        ended = true;
                        return i;
                    }
                    ready[readyEnd++] = '\r';
                    ready[readyEnd++] = c;
                    state = c == '\r' ? State.CR : State.TEXT;
                }
                default -> throw new IllegalStateException("TEXT is handled above");
            }
        }
        return n;
    }

    private void skipFully(int n) throws IOException {
        int left = n;
        while (left > 0) {
            long s = raw.skip(left);
            if (s <= 0) {
                throw new IOException("could not return to the end of DATA in the session input");
            }
            left -= (int) s;
        }
    }
}
