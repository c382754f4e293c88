package dev.behalf.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over one socket: sends exactly the bytes given (targets curl and Java's
 * client would normalise or refuse, duplicate or missing headers, half a request), and reads one
 * response by its Content-Length. Every read is bounded by the socket timeout.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        this(InetAddress.getLoopbackAddress(), port, Duration.ofSeconds(30));
    }

    /** Connects from {@code source} (any 127.x address on Linux) to 127.0.0.1:{@code port}. */
    RawHttp(InetAddress source, int port, Duration timeout) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** One response: status, headers (names lower-cased) and body. */
    record Reply(int status, String statusLine, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }

        @Override
        public String toString() {
            return statusLine + " " + body;
        }
    }

    /** Sends a whole request and reads its response. */
    static Reply exchange(int port, String request) {
        try (RawHttp c = new RawHttp(port)) {
            c.send(request);
            return c.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with the given line and headers (CRLF after each), a Content-Length and the body. */
    static String request(String line, String body, String... headers) {
        StringBuilder sb = new StringBuilder(line).append("\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        if (!body.isEmpty()) {
            sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").append(body).toString();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Reply read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("the server closed the connection without a response");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Reply(Integer.parseInt(statusLine.split(" ")[1]), statusLine, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** True once the server closed the connection (end of stream or reset) within the socket timeout. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** One line without its CRLF; null at the end of the stream. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    void timeout(Duration d) throws IOException {
        socket.setSoTimeout(Math.toIntExact(d.toMillis()));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
