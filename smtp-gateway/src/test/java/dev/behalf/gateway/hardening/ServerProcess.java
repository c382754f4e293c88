package dev.behalf.gateway.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Behalf started as a child JVM from the runnable jar ({@code behalf serve ... --*-port 0}), its
 * ports read from the "Behalf ready" log line. Output goes to files, not pipes, so what the child wrote
 * before a SIGKILL is still readable afterwards. Only this process is ever signalled, by its handle.
 */
final class ServerProcess implements AutoCloseable {
    /** The ready line; its groups are the SMTP, IMAP, POP3 and HTTP ports. */
    static final Pattern READY = Pattern.compile("Behalf ready in \\d+ ms: SMTP (\\d+), IMAP (\\d+), POP3 (\\d+), HTTP http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path log;
    final int smtp;
    final int imap;
    final int pop3;
    final int http;

    private ServerProcess(Process process, Path log, int[] ports) {
        this.process = process;
        this.log = log;
        this.smtp = ports[0];
        this.imap = ports[1];
        this.pop3 = ports[2];
        this.http = ports[3];
    }

    /** The runnable jar built by this module's package phase (failsafe runs after it). */
    static Path jar() {
        Path jar = Path.of("target", "behalf.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar.toAbsolutePath() + ": run through 'mvn verify' (package builds it)");
        }
        return jar;
    }

    /** Starts {@code behalf serve} with {@code args} plus ephemeral ports; waits (bounded) until it is ready. */
    static ServerProcess start(Path log, String... args) throws IOException, InterruptedException {
        return startWithHeap(log, "-Xmx1g", args);
    }

    /** As {@link #start(Path, String...)}, with the heap option given ({@code -Xmx128m}). */
    static ServerProcess startWithHeap(Path log, String heap, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap, "-jar", jar().toString(), "serve",
                "--smtp-port", "0", "--imap-port", "0", "--pop3-port", "0", "--http-port", "0"));
        command.addAll(List.of(args));
        Files.deleteIfExists(log);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = READY.matcher(text);
            if (m.find()) {
                int[] ports = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4))};
                return new ServerProcess(p, log, ports);
            }
            if (p.waitFor(50, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("behalf serve exited with " + p.exitValue() + " before it was ready:\n" + text);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("behalf serve was not ready within 60 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** SIGKILL: no shutdown hook, no flush, whatever was being written stays half-written. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed server is still running");
        }
    }

    /** SIGTERM: the shutdown hook closes every listener and the data dir. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
