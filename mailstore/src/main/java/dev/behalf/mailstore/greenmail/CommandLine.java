package dev.behalf.mailstore.greenmail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The start of the next IMAP command line ({@code tag SP command [SP argument]}), read ahead and pushed
 * back, so the connection can choose who handles the command before anyone parses it.
 *
 * @param command  the command name, upper case ({@code LOGIN}, {@code UID})
 * @param argument the first argument, upper case ({@code MOVE} in {@code UID MOVE}); empty when none
 */
record CommandLine(String command, String argument) {
    private static final int LIMIT = 256;

    /** Peeks at the next line of a stream that supports mark/reset; empty at end of stream. */
    static Optional<CommandLine> peek(InputStream in) throws IOException {
        in.mark(LIMIT);
        StringBuilder sb = new StringBuilder();
        int read = 0;
        int spaces = 0;
        int c = -1;
        while (read < LIMIT && (c = in.read()) >= 0) {
            read++;
            if (c == '\r' || c == '\n' || (c == ' ' && ++spaces == 3)) {
                break;
            }
            sb.append((char) c);
        }
        if (read == 0 && c < 0) {
            return Optional.empty();
        }
        in.reset();
        String[] words = sb.toString().strip().split(" +");
        return Optional.of(new CommandLine(word(words, 1), word(words, 2)));
    }

    /**
     * Reads ahead to the end of the command's first line, then back, so that a line longer than
     * {@code limit} is refused (by the stream's {@link LimitedInput.Meter}) before any parser has acted on
     * part of it and answered. Returns at the line's end or the stream's; a literal the line announces is
     * not waited for.
     */
    static void readAhead(InputStream in, long limit) throws IOException {
        in.mark(Math.toIntExact(Math.min(limit + 2, Integer.MAX_VALUE)));
        int c;
        do {
            c = in.read();
        } while (c >= 0 && c != '\n');
        in.reset();
    }

    private static String word(String[] words, int i) {
        return words.length > i ? words[i].toUpperCase(Locale.ROOT) : "";
    }
}
