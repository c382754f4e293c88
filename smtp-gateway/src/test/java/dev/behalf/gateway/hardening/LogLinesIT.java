package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
                Matcher m = ServerProcess.READY.matcher(l);
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
        try (SmtpClient s = new SmtpClient(port)) {
            String auth = s.login("terrya", "P@ssw0rd");
            if (!auth.startsWith("235")) {
                throw new IOException("expected 235, got: " + auth);
            }
            String quit = s.send("QUIT");
            if (!quit.startsWith("221")) {
                throw new IOException("expected 221, got: " + quit);
            }
        }
    }
}
