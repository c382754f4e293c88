package dev.behalf.gateway.hardening;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A raw SMTP client for hardening tests: sends exact bytes (CR, LF, NUL, 8-bit as given) and reads
 * each reply line as the server wrote it ({@link #readLine()} serves IMAP and POP3 transcripts too).
 * Every read is bounded by the socket timeout.
 */
public final class SmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public SmtpClient(int port) throws IOException {
        this(port, Duration.ofSeconds(30));
    }

    public SmtpClient(int port, Duration timeout) throws IOException {
        this(port, timeout, InetAddress.getLoopbackAddress());
    }

    /** Connects from {@code local} (any 127.x.y.z works on Linux), so a test can be several client addresses. */
    public SmtpClient(int port, Duration timeout, InetAddress local) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port, local, 0);
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    /** One reply, its lines joined by '\n'; {@code <closed>} when the server closed the connection. */
    public String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line();
            if (line == null) {
                lines.add("<closed>");
                break;
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        return String.join("\n", lines);
    }

    /** A reply if one has arrived, without waiting; null when nothing is there yet. */
    public String replyIfAny() throws IOException {
        return in.available() > 0 ? reply() : null;
    }

    /** The last line of a reply (the one with the final status). */
    public String lastLine() throws IOException {
        String r = reply();
        return r.substring(r.lastIndexOf('\n') + 1);
    }

    /** One line as the server wrote it, without its CRLF; null when the server closed the connection. */
    public String readLine() throws IOException {
        return line();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            b.write(c);
            if (b.size() > 64 * 1024) {
                throw new IOException("reply line over 64 KiB");
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** Sends a command line (CRLF added) and returns the last line of its reply. */
    public String send(String line) throws IOException {
        write(line + "\r\n");
        return lastLine();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Greeting, EHLO and AUTH PLAIN; returns the AUTH reply. */
    public String login(String user, String password) throws IOException {
        reply();
        reply("EHLO load.client");
        return send("AUTH PLAIN " + plain("", user, password));
    }

    /** Sends a command and returns the whole (multi-line) reply. */
    public String reply(String command) throws IOException {
        write(command + "\r\n");
        return reply();
    }

    public static String plain(String authzid, String authcid, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + authcid + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One transaction: MAIL, RCPT, DATA, the message (already dot-stuffed and CRLF-terminated, without
     * the final dot) and the final dot; returns the reply to the message, or the first refusal before it.
     */
    public String transaction(String mailFrom, String rcptTo, String message) throws IOException {
        String r = send("MAIL FROM:<" + mailFrom + ">");
        if (!r.startsWith("250")) {
            return r;
        }
        r = send("RCPT TO:<" + rcptTo + ">");
        if (!r.startsWith("250")) {
            return r;
        }
        r = send("DATA");
        if (!r.startsWith("354")) {
            return r;
        }
        write(message + ".\r\n");
        return lastLine();
    }

    /** True when the server has closed the connection (a read sees end of stream within the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
