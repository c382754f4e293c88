package dev.behalf.mailstore.greenmail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Drops a connection's output once its input has been refused ({@link LimitedInput.Meter#refusal()}): GreenMail's
 * parser, interrupted mid-command by the refusal, would otherwise still answer its own {@code BAD} before
 * the connection says {@code * BYE} with the reason. Writes before the refusal pass unchanged.
 */
final class RefusalGate extends FilterOutputStream {
    private final LimitedInput.Meter input;

    RefusalGate(OutputStream out, LimitedInput.Meter input) {
        super(out);
        this.input = input;
    }

    @Override
    public void write(int b) throws IOException {
        if (input.refusal().isEmpty()) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (input.refusal().isEmpty()) {
            out.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (input.refusal().isEmpty()) {
            out.flush();
        }
    }
}
