package dev.behalf.mailstore.greenmail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A raw IMAP session that keeps each reply's literals as octets. */
final class RawImap implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    RawImap(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        line();
    }

    /** Sends {@code text} as it is, each character one octet: no tag, no line end added. */
    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The whole reply to a command, up to its tagged line, each octet one ISO-8859-1 character. */
    String command(String command) throws IOException {
        String t = "r" + ++tag;
        send(t + " " + command + "\r\n");
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = line();
            reply.append(line);
            Matcher literal = Pattern.compile("\\{(\\d+)}\r\n$").matcher(line);
            if (literal.find()) {
                reply.append(new String(in.readNBytes(Integer.parseInt(literal.group(1))), StandardCharsets.ISO_8859_1));
                continue;
            }
            if (line.startsWith(t + " ")) {
                return reply.toString();
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            line.write(c);
            if (c == '\n') {
                break;
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The octets of item {@code name} in a FETCH reply; null for NIL. */
    static String item(String reply, String name) {
        int at = reply.indexOf(name + " ");
        assertTrue(at >= 0, name + " not in " + reply);
        String rest = reply.substring(at + name.length() + 1);
        if (rest.startsWith("NIL")) {
            return null;
        }
        Matcher m = Pattern.compile("^\\{(\\d+)}\r\n").matcher(rest);
        assertTrue(m.find(), "no literal after " + name + ": " + rest);
        return rest.substring(m.end(), m.end() + Integer.parseInt(m.group(1)));
    }
}
