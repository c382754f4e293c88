package dev.behalf.gateway.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The jar's log lines are written without a lock shared by the session threads, one write(2) each: many sessions
 * signing in at once, with stderr a pipe (as under a container runtime or a parent process reading it), must still
 * give whole lines, one per sign-in, none torn or run together.
 */
class LogLinesIT {
    private static final Pattern READY = Pattern.compile("Behalf ready in \\d+ ms: SMTP (\\d+),");
    private static final Pattern LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]{4,5} {1,2}\\S+ - .*");
    private static final String SIGNED_IN = "signin - SMTP PLAIN from 127.0.0.1 as 'terrya': Terry Adams signed in (own account)";
    private static final int THREADS = 10;
    private static final int PER_THREAD = 40;

    @Test
    @Timeout(120)
    void concurrentSignInsLogWholeLinesThroughAPipe() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", ServerProcess.jar().toString(), "serve",
                "--config", Path.of("..", "config").toString(), "--smtp-port", "0", "--imap-port", "0", "--pop3-port", "0", "--http-port", "0")
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        }, "log-reader");
        reader.start();
        try {
            int smtp = readyPort(p, lines);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        signIn(smtp);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            // Read while the server runs: a child's exit races the pipe's last reads in java.lang.Process.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (signedIn(lines) < THREADS * PER_THREAD && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            for (String l : lines) {
                assertTrue(LINE.matcher(l).matches(), "a torn or merged log line: '" + l + "'");
            }
            assertEquals(THREADS * PER_THREAD, signedIn(lines), "one whole sign-in line per session");
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long signedIn(List<String> lines) {
        return lines.stream().filter(l -> l.endsWith(SIGNED_IN)).count();
    }

    private static int readyPort(Process p, List<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                Matcher m = READY.matcher(l);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!p.isAlive()) {
                fail("behalf serve exited before it was ready:\n" + String.join("\n", lines));
            }
            Thread.sleep(50);
        }
        return fail("behalf serve was not ready within 60 s:\n" + String.join("\n", lines));
    }

    /** EHLO, AUTH PLAIN, QUIT on a connection of its own; fails on any reply but the expected. */
    private static void signIn(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            out.write("EHLO load.example\r\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, "250");
            String plain = Base64.getEncoder().encodeToString("\0terrya\0P@ssw0rd".getBytes(StandardCharsets.UTF_8));
            out.write(("AUTH PLAIN " + plain + "\r\n").getBytes(StandardCharsets.US_ASCII));
            expect(in, "235");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, "221");
        }
    }

    /** Reads a reply (its continuation lines too) and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String l;
        do {
            l = in.readLine();
            if (l == null) {
                throw new IOException("connection closed, expected " + code);
            }
        } while (l.length() > 3 && l.charAt(3) == '-');
        if (!l.startsWith(code)) {
            throw new IOException("expected " + code + ", got: " + l);
        }
    }
}
