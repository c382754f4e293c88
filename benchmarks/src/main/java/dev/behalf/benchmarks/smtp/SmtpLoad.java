package dev.behalf.benchmarks.smtp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * replies to the end of DATA. With {@code --mode connection} each of the N clients instead opens a new
 * connection for every message (connect, EHLO, AUTH, one transaction, QUIT), as Jakarta Mail's
 * {@code Transport.send} and Python's {@code smtplib.sendmail} do. Raw sockets, so the client does no
 * MIME work of its own and costs the shared CPU as little as possible.
 *
 * <p>One JVM drives every server of a comparison, so the client is as warm for the last run as for
 * the first: a warm-up run per server (10 connections, unrecorded), then for each connection count
 * and round one run per server, the order rotating each round so no server always goes first.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.behalf.benchmarks.smtp.SmtpLoad
 * --target NAME=PORT[:USER:PASSWORD] [--target ...] [--levels 1,10,50] [--total 3000] [--rounds 3]
 * [--warmup 3000 (0: none)] [--mode session|connection] [--from A] [--to B] [--size 2048] [--deadline 300]}.
 * Without USER no AUTH is sent.
 * Prints one {@code key=value} line per run ({@code msgs_per_s} is accepted messages over the wall
 * time from the moment every thread is released, connect and AUTH included, until the last QUIT;
 * {@code load} is the 1-minute load average just before the run), then {@code total server=NAME
 * accepted=N} per server. Exits 1 when any message was not accepted or a run passed the deadline
 * (seconds), so a script can't mistake a failed run for a figure.
 */
public final class SmtpLoad {
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private final Map<String, String> options;
    private final Target target;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();

    /** One server under load: its name in the output, its port, and the AUTH PLAIN credentials if any. */
    record Target(String name, int port, String user, String password) {
        static Target parse(String spec) {
            int eq = spec.indexOf('=');
            String[] parts = spec.substring(eq + 1).split(":", 3);
            if (eq < 1 || (parts.length != 1 && parts.length != 3)) {
                throw new IllegalArgumentException("--target " + spec + ": expected NAME=PORT or NAME=PORT:USER:PASSWORD");
            }
            return new Target(spec.substring(0, eq), Integer.parseInt(parts[0]), parts.length == 3 ? parts[1] : null,
                    parts.length == 3 ? parts[2] : null);
        }
    }

    private SmtpLoad(Map<String, String> options, Target target) {
        this.options = options;
        this.target = target;
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Map<String, String> options = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, found '" + args[i] + "'");
            }
            if (args[i].equals("--target")) {
                targets.add(Target.parse(args[i + 1]));
            } else {
                options.put(args[i].substring(2), args[i + 1]);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give at least one --target NAME=PORT[:USER:PASSWORD]; see the class comment");
        }
        new SmtpLoad(options, targets.get(0)).perMessage(); // a bad --mode fails here, not in every thread
        int total = Integer.parseInt(options.getOrDefault("total", "3000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3000"));
        Map<String, Long> accepted = new LinkedHashMap<>();
        boolean ok = true;
        for (Target t : targets) {
            if (warmup > 0) {
                SmtpLoad run = new SmtpLoad(options, t);
                ok &= run.run("warmup", 10, Math.max(1, warmup / 10));
                accepted.merge(t.name(), run.accepted.get(), Long::sum);
            }
        }
        for (String level : options.getOrDefault("levels", "1,10,50").split(",")) {
            int connections = Integer.parseInt(level.strip());
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < targets.size(); i++) {
                    Target t = targets.get((i + r) % targets.size());
                    SmtpLoad run = new SmtpLoad(options, t);
                    ok &= run.run("round=" + (r + 1), connections, Math.max(1, total / connections));
                    accepted.merge(t.name(), run.accepted.get(), Long::sum);
                }
            }
        }
        accepted.forEach((name, n) -> System.out.println("total server=" + name + " accepted=" + n));
        System.exit(ok ? 0 : 1);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private boolean run(String label, int connections, int messages) throws InterruptedException, IOException {
        long deadlineSeconds = Long.parseLong(option("deadline", "300"));
        String from = option("from", "terrya@contoso.com");
        String to = option("to", "jimh@contoso.com");
        byte[] body = body(Integer.parseInt(option("size", "2048")));
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    if (perMessage()) {
                        for (int m = 0; m < messages; m++) {
                            session(connection, m, 1, from, to, body);
                        }
                    } else {
                        session(connection, 0, messages, from, to, body);
                    }
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
            t.start();
        }
        long start = System.nanoTime();
        go.countDown();
        boolean finished = done.await(deadlineSeconds, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long expected = (long) connections * messages;
        System.out.printf("run server=%s %s connections=%d messages_per_connection=%d expected=%d accepted=%d refused=%d "
                        + "errors=%d seconds=%.3f msgs_per_s=%.1f load=%s finished=%s mode=%s%n", target.name(), label, connections,
                messages, expected, accepted.get(), refused.get(), errors.get(), seconds, accepted.get() / seconds, load, finished, mode());
        if (firstProblem.get() != null) {
            System.out.println("first problem: " + firstProblem.get());
        }
        return finished && accepted.get() == expected;
    }

    private String mode() {
        return option("mode", "session");
    }

    /** {@code --mode connection}: a new connection for every message. */
    private boolean perMessage() {
        String mode = mode();
        if (!mode.equals("session") && !mode.equals("connection")) {
            throw new IllegalArgumentException("--mode " + mode + ": expected session or connection");
        }
        return mode.equals("connection");
    }

    /** One connection: greeting, EHLO, AUTH, {@code messages} transactions numbered from {@code first}, QUIT. */
    private void session(int connection, int first, int messages, String from, String to, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            socket.connect(new InetSocketAddress(option("host", "127.0.0.1"), target.port()), SOCKET_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            expect(in, 220, "greeting");
            command(out, "EHLO load.example");
            expect(in, 250, "EHLO");
            if (target.user() != null) {
                String plain = "\0" + target.user() + "\0" + target.password();
                command(out, "AUTH PLAIN " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
                expect(in, 235, "AUTH");
            }
            for (int m = first; m < first + messages; m++) {
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
            awaitClose(socket, in);
        }
    }

    /**
     * After QUIT the server closes first (RFC 5321 §4.1.1.10); waiting for that keeps TIME_WAIT on the
     * server's side, so thousands of short connections don't use up the client's ephemeral ports.
     */
    private static void awaitClose(Socket socket, InputStream in) throws IOException {
        socket.setSoTimeout(2_000);
        try {
            while (in.read() >= 0) {
                // nothing more is expected
            }
        } catch (java.net.SocketTimeoutException e) {
            socket.setSoLinger(true, 0);
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
