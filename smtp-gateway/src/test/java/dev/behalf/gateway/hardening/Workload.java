package dev.behalf.gateway.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.hardening.LoadCast.Kind;
import dev.behalf.gateway.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load of the load and crash tests, over loopback sockets only: one thread per client account
 * sending a seeded mix of self, Send As, Send on Behalf and refused messages (each client on one
 * connection, reconnecting every {@link #RECONNECT_EVERY} messages), and one shell client toggling
 * grant slots through {@code POST /api/shell}, one change every {@code changeEvery} finished sends.
 *
 * <p>It records, for every send, the reply the client got (none when the connection died first) and
 * the window of directory versions the decision may have seen: {@code lo} is the newest version whose
 * change was acknowledged before the send began (it must be in force), {@code hi} the newest version
 * acknowledged after the reply, plus one (the shell client has at most one change in flight). The shell
 * client is the only writer, and reads {@code /api/health} after each reply to learn the version its
 * change made.
 */
final class Workload {
    static final int RECONNECT_EVERY = 250;

    /** One send. {@code reply} is empty when the connection died before the final reply. */
    record Attempt(String subject, int client, Kind kind, long lo, long hi, Optional<String> reply) {
        boolean accepted() {
            return reply.map(r -> r.startsWith("250 ")).orElse(false);
        }
    }

    /** One directory change: {@code slot} set to {@code on}; {@code version} is what it made (-1 if unknown). */
    record Change(int slot, boolean on, long version) {
    }

    /** Everything a run did, in the order the shell client made its changes. */
    record Result(long baseVersion, List<Attempt> attempts, List<Change> changes, Optional<Change> changeInFlight,
                  List<String> failures, Duration elapsed) {
        /** The grants in force at {@code version}: every acknowledged change up to it. */
        BitSet grantsAt(BitSet initial, long version) {
            BitSet g = (BitSet) initial.clone();
            for (Change c : changes) {
                if (c.version() <= version) {
                    g.set(c.slot(), c.on());
                }
            }
            return g;
        }
    }

    private final LoadCast cast;
    private final int smtpPort;
    private final int httpPort;
    private final String prefix;
    private final long seed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicLong ackedVersion = new AtomicLong();
    private final Object progress = new Object();
    private volatile boolean stopping;
    private volatile boolean dying;

    /**
     * @param prefix subject prefix, unique per run so several runs can share one store
     * @param seed   makes the mix and the changes repeatable
     */
    Workload(LoadCast cast, int smtpPort, int httpPort, String prefix, long seed) {
        this.cast = cast;
        this.smtpPort = smtpPort;
        this.httpPort = httpPort;
        this.prefix = prefix;
        this.seed = seed;
    }

    /** How many sends got a 250 so far (read by the crash test to pick its moment). */
    int acknowledged() {
        return acknowledged.get();
    }

    /** Says the server is about to be killed: from now on a broken connection ends a client quietly. */
    void expectDeath() {
        dying = true;
    }

    /** How many sends have finished, replied to or not (read by the crash test to pick its moment). */
    int finished() {
        return finished.get();
    }

    /** Makes clients and the shell client stop after their current step. */
    void stop() {
        stopping = true;
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Sends {@code messages} in total (spread over the clients) unless stopped or the server dies, with
     * {@code initial} grants in force at the start. Bounded by {@code limit}.
     */
    Result run(int messages, int changeEvery, BitSet initial, Duration limit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        long base = version();
        ackedVersion.set(base);
        long started = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < cast.clients(); i++) {
            int client = i;
            int share = messages / cast.clients() + (i < messages % cast.clients() ? 1 : 0);
            Thread t = new Thread(() -> client(client, share, deadline), "load-client-" + i);
            t.start();
            clients.add(t);
        }
        List<Change> changes = new ArrayList<>();
        AtomicReference<Change> inFlight = new AtomicReference<>();
        Thread shell = new Thread(() -> shell(messages, changeEvery, initial, base, deadline, changes, inFlight), "load-shell");
        shell.start();
        for (Thread t : clients) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 30_000));
        }
        stop();
        shell.join(60_000);
        if (clients.stream().anyMatch(Thread::isAlive) || shell.isAlive()) {
            failures.add("the load did not finish within " + limit);
        }
        return new Result(base, List.copyOf(attempts), List.copyOf(changes), Optional.ofNullable(inFlight.get()),
                List.copyOf(failures), Duration.ofNanos(System.nanoTime() - started));
    }

    private void client(int client, int share, long deadline) {
        Random random = new Random(seed * 31 + client);
        String login = cast.address(cast.user(client));
        SmtpClient smtp = null;
        try {
            for (int n = 0; n < share && !stopping; n++) {
                if (System.nanoTime() > deadline) {
                    failures.add(login + ": out of time after " + n + " messages");
                    return;
                }
                if (smtp == null || n % RECONNECT_EVERY == 0) {
                    if (smtp != null) {
                        smtp.send("QUIT");
                        smtp.close();
                    }
                    smtp = new SmtpClient(smtpPort);
                    String auth = smtp.login(login, LoadCast.PASSWORD);
                    if (!auth.startsWith("235 ")) {
                        failures.add(login + ": AUTH answered " + auth);
                        return;
                    }
                }
                int p = random.nextInt(100);
                Kind kind = p < 40 ? Kind.SELF : p < 65 ? Kind.SEND_AS : p < 90 ? Kind.ON_BEHALF : Kind.NEVER;
                String subject = prefix + "-" + cast.user(client) + "-" + n;
                String message = "From: " + cast.from(client, kind) + "\r\nTo: " + cast.recipient(client) + "\r\nSubject: "
                        + subject + "\r\nMessage-ID: <" + subject + "@" + LoadCast.DOMAIN + ">\r\n\r\nload message " + n + "\r\n";
                long lo = ackedVersion.get();
                Optional<String> reply = Optional.empty();
                try {
                    String r = smtp.transaction(login, cast.recipient(client), message);
                    if (r.equals("<closed>")) {
                        throw new java.io.EOFException("the server closed the connection before replying");
                    }
                    reply = Optional.of(r);
                } finally {
                    attempts.add(new Attempt(subject, client, kind, lo, ackedVersion.get() + 1, reply));
                    if (reply.isPresent() && reply.get().startsWith("250 ")) {
                        acknowledged.incrementAndGet();
                    }
                    finished.incrementAndGet();
                    synchronized (progress) {
                        progress.notifyAll();
                    }
                }
            }
            if (smtp != null) {
                smtp.send("QUIT");
            }
        } catch (IOException e) {
            if (!stopping && !dying) {
                failures.add(login + ": " + e);
            }
        } finally {
            if (smtp != null) {
                try {
                    smtp.close();
                } catch (IOException ignored) {
                    // closing a socket the test is done with
                }
            }
        }
    }

    private void shell(int messages, int changeEvery, BitSet initial, long base, long deadline, List<Change> changes,
                       AtomicReference<Change> inFlight) {
        Random random = new Random(seed);
        BitSet grants = (BitSet) initial.clone();
        long version = base;
        for (int k = 1; k * changeEvery < messages && !stopping; k++) {
            if (!awaitFinished(k * changeEvery, deadline)) {
                return;
            }
            int slot = random.nextInt(cast.slots());
            Change change = new Change(slot, !grants.get(slot), -1);
            try {
                inFlight.set(change);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/shell"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain; charset=utf-8").header("X-Behalf-Request", "1")
                        .POST(HttpRequest.BodyPublishers.ofString(cast.command(slot, change.on()), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                JsonNode body = Json.mapper().readTree(r.body());
                if (r.statusCode() != 200 || !body.path("errors").isEmpty() || !body.path("warnings").isEmpty()) {
                    failures.add("shell change " + k + " (" + cast.command(slot, change.on()) + ") answered " + r.statusCode() + " " + r.body());
                    return;
                }
                // Acknowledged: recorded before anything else can fail. Reading the version first lost the change
                // from the ledger whenever the kill fell between the 200 and that read, though it was durable.
                // The sole writer's every change adds exactly one version, which the read then checks.
                grants.set(slot, change.on());
                changes.add(new Change(slot, change.on(), version + 1));
                ackedVersion.set(version + 1);
                inFlight.set(null);
                long now = version();
                if (now != version + 1) {
                    failures.add("shell change " + k + " moved the directory from version " + version + " to " + now
                            + "; the sole writer's every change must add exactly one version");
                }
                version = now;
            } catch (IOException e) {
                if (!stopping && !dying) {
                    failures.add("shell change " + k + ": " + e);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean awaitFinished(int count, long deadline) {
        synchronized (progress) {
            while (finished.get() < count && !stopping) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.min(left, 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !stopping;
        }
    }

    private long version() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/health")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return Json.mapper().readTree(r.body()).path("directoryVersion").asLong(-1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
