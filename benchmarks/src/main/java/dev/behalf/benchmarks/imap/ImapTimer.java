package dev.behalf.benchmarks.imap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IMAP latency as the server gives it: a raw-socket client that reads each reply only as far as
 * IMAP needs (lines, literals skipped by count), so its own cost is a few milliseconds at 50,000
 * messages. Python's imaplib, which {@code bench/imap-latency.py} uses, spends about 0.3 s parsing
 * 50,000 FETCH lines by itself (measured against a server that replays canned lines), more than the
 * whole 150 ms target, so the IMAP targets are measured with this one too.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.behalf.benchmarks.imap.ImapTimer NAME PORT USER PASSWORD
 * [REPEATS] [OPS] [WARMUP]}; OPS from {@code select,flags,body,store} (default all), WARMUP untimed rounds
 * first (default 1, so the server's JIT has seen each command once). Logs in once (LOGIN, the user
 * quoted), then WARMUP + REPEATS times: SELECT INBOX; FETCH 1:* (FLAGS); FETCH of the middle message's
 * BODY.PEEK[]; an untimed STORE 1:* -FLAGS.SILENT (\Seen) then a timed STORE 1:* +FLAGS (\Seen);
 * CLOSE. Prints one line per operation: median, min and max milliseconds, and the number of untagged
 * lines of the first reply (a check that the whole folder answered).
 */
public final class ImapTimer {
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    private ImapTimer(Socket socket) throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    public static void main(String[] args) throws IOException {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        String user = args[2];
        String password = args[3];
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        List<String> ops = List.of((args.length > 5 ? args[5] : "select,flags,body,store").split(","));
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Integer> untagged = new LinkedHashMap<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(1_800_000);
            ImapTimer c = new ImapTimer(socket);
            c.line(); // greeting
            c.command("LOGIN " + quote(user) + " " + quote(password));
            for (int r = -warmup; r < repeats; r++) {
                if (r == 0) {
                    times.clear();
                    untagged.clear();
                }
                long t0 = System.nanoTime();
                Reply select = c.command("SELECT INBOX");
                record(times, untagged, "SELECT INBOX", t0, select);
                int exists = select.exists();
                if (ops.contains("flags")) {
                    t0 = System.nanoTime();
                    record(times, untagged, "FETCH 1:* (FLAGS)", t0, c.command("FETCH 1:* (FLAGS)"));
                }
                if (ops.contains("body")) {
                    t0 = System.nanoTime();
                    record(times, untagged, "FETCH n (BODY.PEEK[])", t0, c.command("FETCH " + Math.max(1, exists / 2) + " (BODY.PEEK[])"));
                }
                if (ops.contains("store")) {
                    c.command("STORE 1:* -FLAGS.SILENT (\\Seen)");
                    t0 = System.nanoTime();
                    record(times, untagged, "STORE 1:* +FLAGS (\\Seen)", t0, c.command("STORE 1:* +FLAGS (\\Seen)"));
                }
                c.command("CLOSE");
            }
            c.command("LOGOUT");
        }
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            List<Double> ms = new ArrayList<>(e.getValue());
            ms.sort(null);
            double median = ms.size() % 2 == 1 ? ms.get(ms.size() / 2) : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
            System.out.printf("imap server=%s op='%s' client=raw untagged=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f repeats=%d%n",
                    name, e.getKey(), untagged.get(e.getKey()), median, ms.get(0), ms.get(ms.size() - 1), ms.size());
        }
    }

    private static void record(Map<String, List<Double>> times, Map<String, Integer> untagged, String op, long t0, Reply reply) {
        times.computeIfAbsent(op, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
        untagged.putIfAbsent(op, reply.untagged());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** What a command's reply came to: its tagged line, how many untagged lines, the EXISTS count seen. */
    private record Reply(String tagged, int untagged, int exists) {
    }

    private Reply command(String command) throws IOException {
        String t = "t" + (++tag);
        out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        int untagged = 0;
        int exists = 0;
        while (true) {
            String line = line();
            if (line.startsWith(t + " ")) {
                if (!line.startsWith(t + " OK")) {
                    throw new IOException(command + ": " + line);
                }
                return new Reply(line, untagged, exists);
            }
            if (line.startsWith("* ")) {
                untagged++;
                if (line.endsWith(" EXISTS")) {
                    exists = Integer.parseInt(line.substring(2, line.length() - " EXISTS".length()));
                }
            }
        }
    }

    /** One logical line: a literal ({@code {n}} at the end) is skipped by its byte count, with the rest of its line. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after '" + b + "'");
            }
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                s = s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                if (s.endsWith("}") && s.lastIndexOf('{') >= 0) {
                    long n = Long.parseLong(s.substring(s.lastIndexOf('{') + 1, s.length() - 1));
                    for (long skipped = 0; skipped < n; ) {
                        long k = in.skip(n - skipped);
                        if (k <= 0) {
                            if (in.read() < 0) {
                                throw new IOException("connection closed inside a literal");
                            }
                            k = 1;
                        }
                        skipped += k;
                    }
                    return s + line();
                }
                return s;
            }
            b.write(c);
        }
    }
}
