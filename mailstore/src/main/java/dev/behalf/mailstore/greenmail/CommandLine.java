package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapRequestLineReader;
import com.icegreen.greenmail.imap.ProtocolException;
import com.icegreen.greenmail.imap.commands.CommandParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The next IMAP command line's command, read ahead and pushed back, so the connection can choose who
 * handles the command before anyone acts on it.
 *
 * <p>Read with GreenMail's own parser ({@code CommandParser.tag} and {@code atom}) and upper-cased as
 * GreenMail's command table looks names up, so the command this names is always the one GreenMail would
 * run: a command line GreenMail reads as {@code FETCH} or {@code LOGIN} reaches Behalf's handler however
 * it is spelt (a long tag, extra spaces), and one GreenMail would refuse reaches GreenMail's refusal.
 *
 * @param command  the command name, upper case ({@code LOGIN}, {@code UID}); empty when the line has none
 * @param argument the word after it, upper case ({@code FETCH} in {@code UID FETCH}); empty when none
 */
record CommandLine(String command, String argument) {
    private static final CommandParser PARSER = new CommandParser();

    /**
     * Peeks at the next line of a stream that supports mark/reset; empty at end of stream. Reads to the end
     * of the line before going back, so that a line longer than {@code limit} is refused (by the stream's
     * {@link LimitedInput.Meter}) before any parser has acted on part of it and answered; a literal the line
     * announces is not waited for.
     */
    static Optional<CommandLine> peek(InputStream in, long limit) throws IOException {
        in.mark(Math.toIntExact(Math.min(limit + 2, Integer.MAX_VALUE)));
        if (in.read() < 0) {
            return Optional.empty();
        }
        in.reset();
        ImapRequestLineReader line = new ImapRequestLineReader(in, OutputStream.nullOutputStream());
        String command = "";
        String argument = "";
        try {
            PARSER.tag(line);
            command = upper(PARSER.atom(line));
            argument = upper(PARSER.atom(line));
        } catch (ProtocolException e) {
            rethrowReadFailure(e);
        }
        try {
            line.consumeLine();
        } catch (ProtocolException e) {
            rethrowReadFailure(e); // else the stream ended before the line did
        }
        in.reset();
        return Optional.of(new CommandLine(command, argument));
    }

    /** A syntax error leaves the words found so far; a failed read (a limit passed, the socket) is the connection's. */
    private static void rethrowReadFailure(ProtocolException e) throws IOException {
        if (e.getCause() instanceof IOException io) {
            throw io;
        }
    }

    /**
     * As GreenMail's {@code ImapCommandFactory.getCommand} and {@code UidCommand} look a name up: with the
     * default locale's upper case, so that this and GreenMail never name different commands.
     */
    @SuppressWarnings("StringToUpperCaseOrToLowerCaseWithoutLocale")
    private static String upper(String word) {
        return word.toUpperCase();
    }
}
