package dev.behalf.benchmarks.smtp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SMTP load client: N connections at once, each signing in with AUTH PLAIN and then sending M
 * messages over that one session (MAIL, RCPT, DATA, one at a time, no pipelining), counting the 250
 * replies to the end of DATA. Raw sockets, so the client does no MIME work of its own and costs the
 * shared CPU as little as possible.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.behalf.benchmarks.smtp.SmtpLoad --port P
 * [--host 127.0.0.1] [--connections 10] [--messages 100] [--user U --password PW] [--from A] [--to B]
 * [--size 2048] [--deadline 300]}. Without {@code --user} no AUTH is sent. Prints one line of
 * {@code key=value} pairs; {@code msgs_per_s} is accepted messages over the wall time from the moment
 * every thread is released (connect and AUTH included) until the last QUIT. Exits 1 when any message
 * was not accepted or the deadline (seconds) passed, so a script can't mistake a failed run for a
 * figure.
 */
public final class SmtpLoad {
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private final Map<String, String> options;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();

    private SmtpLoad(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, found '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("port")) {
            throw new IllegalArgumentException("--port is required; see the class comment for the other options");
        }
        System.exit(new SmtpLoad(options).run() ? 0 : 1);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private boolean run() throws InterruptedException {
        int connections = Integer.parseInt(option("connections", "10"));
        int messages = Integer.parseInt(option("messages", "100"));
        long deadlineSeconds = Long.parseLong(option("deadline", "300"));
        String from = option("from", "terrya@contoso.com");
        String to = option("to", "jimh@contoso.com");
        byte[] body = body(Integer.parseInt(option("size", "2048")));
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    session(connection, messages, from, to, body);
                } catch (IOException | RuntimeException e) {
                    errors.incrementAndGet();
                    firstProblem.compareAndSet(null, "connection " + connection + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long start = System.nanoTime();
        go.countDown();
        boolean finished = done.await(deadlineSeconds, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long expected = (long) connections * messages;
        System.out.printf("connections=%d messages_per_connection=%d expected=%d accepted=%d refused=%d errors=%d "
                        + "seconds=%.3f msgs_per_s=%.1f finished=%s%n", connections, messages, expected, accepted.get(),
                refused.get(), errors.get(), seconds, accepted.get() / seconds, finished);
        if (firstProblem.get() != null) {
            System.out.println("first problem: " + firstProblem.get());
        }
        return finished && accepted.get() == expected;
    }

    private void session(int connection, int messages, String from, String to, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            socket.connect(new InetSocketAddress(option("host", "127.0.0.1"), Integer.parseInt(option("port", "25"))),
                    SOCKET_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            expect(in, 220, "greeting");
            command(out, "EHLO load.example");
            expect(in, 250, "EHLO");
            if (options.containsKey("user")) {
                String plain = "\0" + options.get("user") + "\0" + option("password", "");
                command(out, "AUTH PLAIN " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
                expect(in, 235, "AUTH");
            }
            for (int m = 0; m < messages; m++) {
                command(out, "MAIL FROM:<" + from + ">");
                if (!ok(in, 250, "MAIL")) {
                    command(out, "RSET");
                    expect(in, 250, "RSET");
                    continue;
                }
                command(out, "RCPT TO:<" + to + ">");
                if (!ok(in, 250, "RCPT")) {
                    command(out, "RSET");
                    expect(in, 250, "RSET");
                    continue;
                }
                command(out, "DATA");
                expect(in, 354, "DATA");
                String headers = "From: Load <" + from + ">\r\nTo: <" + to + ">\r\nSubject: load " + connection + "-" + m
                        + "\r\nDate: Sun, 29 Nov 2026 01:00:00 +0000\r\nMessage-ID: <load-" + connection + "-" + m + "-"
                        + System.nanoTime() + "@load.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n";
                out.write(headers.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (ok(in, 250, "end of DATA")) {
                    accepted.incrementAndGet();
                }
            }
            command(out, "QUIT");
            expect(in, 221, "QUIT");
        }
    }

    /** A text body of {@code size} bytes in 78-byte lines, each ending CRLF, none starting with a dot. */
    private static byte[] body(int size) {
        StringBuilder b = new StringBuilder(size + 80);
        String line = "The quick brown fox jumps over the lazy dog; load-test body text, 0123456789 ab\r\n";
        while (b.length() + line.length() <= size) {
            b.append(line);
        }
        b.append("end\r\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void expect(InputStream in, int code, String step) throws IOException {
        String reply = reply(in);
        if (!reply.startsWith(Integer.toString(code))) {
            throw new IOException("step " + step + ": expected " + code + ", got " + reply);
        }
    }

    private boolean ok(InputStream in, int code, String step) throws IOException {
        String reply = reply(in);
        if (reply.startsWith(Integer.toString(code))) {
            return true;
        }
        refused.incrementAndGet();
        firstProblem.compareAndSet(null, "step " + step + ": " + reply);
        return false;
    }

    /** Reads a whole (possibly multi-line) reply; returns its last line. RFC 5321 §4.2.1. */
    private static String reply(InputStream in) throws IOException {
        while (true) {
            String line = line(in);
            if (line.length() < 4 || line.charAt(3) == ' ') {
                return line;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) c);
        }
        throw new IOException("connection closed by the server after '" + b + "'");
    }
}
