package dev.behalf.gateway.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A raw SMTP conversation for protocol transcripts: send a line, read the (multi-line) reply. */
final class SmtpSocket implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    SmtpSocket(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    /** Reads one reply; returns its lines joined by '\n'. */
    String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
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

    String send(String line) throws IOException {
        raw(line + "\r\n");
        return reply();
    }

    void raw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void rawBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Greeting, EHLO and AUTH PLAIN; returns the AUTH reply. */
    String login(String user, String password) throws IOException {
        reply();
        send("EHLO client.test");
        return send("AUTH PLAIN " + Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
