package dev.behalf.mailstore.greenmail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A client's input with every byte shown to a {@link Meter} as it is read, which throws once a limit is
 * passed; from then on every read fails with the same refusal. Mark and reset reach the meter too, so
 * a peek that is reset is not counted twice.
 */
final class LimitedInput extends FilterInputStream {
    private final Meter meter;

    /** Counts what a protocol's framing allows. */
    interface Meter {
        void count(int b) throws InputLimitExceeded;

        /** The reply to send before disconnecting, once a limit was passed. */
        Optional<String> refusal();

        default void mark() {
        }

        default void reset() {
        }
    }

    LimitedInput(InputStream in, Meter meter) {
        super(in);
        this.meter = meter;
    }

    @Override
    public int read() throws IOException {
        failIfRefused();
        int b = super.read();
        if (b >= 0) {
            meter.count(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        failIfRefused();
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            meter.count(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        super.mark(readLimit);
        meter.mark();
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        meter.reset();
    }

    private void failIfRefused() throws InputLimitExceeded {
        Optional<String> refusal = meter.refusal();
        if (refusal.isPresent()) {
            throw new InputLimitExceeded(refusal.get());
        }
    }
}
