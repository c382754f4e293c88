package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.pop3.Pop3Connection;
import com.icegreen.greenmail.pop3.Pop3State;
import com.icegreen.greenmail.pop3.commands.Pop3Command;
import com.icegreen.greenmail.store.StoredMessage;
import dev.behalf.mailstore.core.Message;
import jakarta.mail.Flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;

/**
 * POP3 {@code RETR} and {@code TOP} (RFC 1939 §7, §10), sent from the store's bytes.
 *
 * <p>Why not GreenMail's: 2.1.13 sends the message as a {@code trim()}med string (white space it
 * starts with, and the blank lines and spaces it ends with, are lost), and {@code TOP} re-reads that
 * string line by line; a bad argument answered with a Java exception's name. Here the octets go out as
 * stored, dot-stuffed as GreenMail stuffs them (a {@code .} at the start of the message or after CR or
 * LF), then a line end if the message lacks a final one, then the terminating {@code .}. The header is
 * where the store's header parser ended it. Arguments are the words GreenMail's handler split the line
 * into to find the command.
 */
final class Pop3Retrieval {
    private Pop3Retrieval() {
    }

    static Map<String, Pop3Command> commands() {
        return Map.of("RETR", new Retr(), "TOP", new Top());
    }

    private abstract static class SignedIn extends Pop3Command {
        @Override
        public boolean isValidForState(Pop3State state) {
            return state.isAuthenticated();
        }

        /** The message a number names, or null after answering why there is none. */
        static StoredMessage message(Pop3Connection conn, Pop3State state, String number) {
            int n;
            try {
                n = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                conn.println("-ERR '" + number + "' is not a message number");
                return null;
            }
            List<StoredMessage> all = state.getFolder().getMessages();
            if (n < 1 || n > all.size()) {
                conn.println("-ERR no such message");
                return null;
            }
            StoredMessage m = all.get(n - 1);
            if (m.isSet(Flags.Flag.DELETED)) {
                conn.println("-ERR message " + n + " is deleted");
                return null;
            }
            return m;
        }

        static List<String> arguments(String line) {
            StringTokenizer words = new StringTokenizer(line, " ");
            words.nextToken();
            List<String> out = new ArrayList<>(2);
            while (words.hasMoreTokens()) {
                out.add(words.nextToken());
            }
            return out;
        }

        static Message stored(StoredMessage m) {
            return ((SlotMessage) m).slot().message();
        }
    }

    private static final class Retr extends SignedIn {
        @Override
        public void execute(Pop3Connection conn, Pop3State state, String line) {
            List<String> args = arguments(line);
            if (args.size() != 1) {
                conn.println("-ERR RETR takes one message number");
                return;
            }
            StoredMessage m = message(conn, state, args.get(0));
            if (m == null) {
                return;
            }
            byte[] bytes = stored(m).bytes();
            conn.println("+OK " + bytes.length + " octets");
            conn.print(stuffed(bytes, bytes.length));
            conn.println(".");
            m.setFlag(Flags.Flag.SEEN, true);
        }
    }

    private static final class Top extends SignedIn {
        @Override
        public void execute(Pop3Connection conn, Pop3State state, String line) {
            List<String> args = arguments(line);
            int lines;
            try {
                lines = args.size() == 2 ? Integer.parseInt(args.get(1)) : -1;
            } catch (NumberFormatException e) {
                lines = -1;
            }
            if (lines < 0) {
                conn.println("-ERR TOP takes a message number and a number of lines");
                return;
            }
            StoredMessage m = message(conn, state, args.get(0));
            if (m == null) {
                return;
            }
            Message stored = stored(m);
            byte[] bytes = stored.bytes();
            int end = stored.bodyOffset();
            for (int i = 0; i < lines && end < bytes.length; i++) {
                while (end < bytes.length && bytes[end++] != '\n') {
                    // to the end of the line, its LF included
                }
            }
            conn.println("+OK");
            conn.print(stuffed(bytes, end));
            conn.println(".");
        }
    }

    /** {@code [0, end)} as a POP3 multi-line response's text, one character an octet (the connection writes ISO-8859-1). */
    static String stuffed(byte[] bytes, int end) {
        StringBuilder out = new StringBuilder(end + 64);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '.' && (i == 0 || bytes[i - 1] == '\n' || bytes[i - 1] == '\r')) {
                out.append('.');
            }
            out.append((char) (bytes[i] & 0xFF));
        }
        if (end == 0 || bytes[end - 1] != '\n') {
            out.append("\r\n");
        }
        return out.toString();
    }
}
