package dev.behalf.gateway.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.hardening.Workload.Attempt;
import dev.behalf.gateway.hardening.Workload.Change;
import dev.behalf.gateway.hardening.Workload.Result;
import dev.behalf.gateway.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's crash test, end to end: {@code behalf serve --data-dir} in a child JVM under the load of
 * {@link LoadIT} (clients over SMTP, grant changes over {@code /api/shell}) is SIGKILLed mid-run and
 * restarted on the same data dir, several times, then stopped cleanly and restarted once more. After
 * every restart, read back through the restarted server's own API: every acknowledged message (250
 * heard) is in its recipient's Inbox and its sender's Sent Items exactly once; every refused one is
 * nowhere; one whose reply the kill cut off is in both places once or in neither; nothing else is
 * stored; every send that got a reply has its decision record; every acknowledged grant change is in
 * force (the one cut off may or may not be); the journal holds exactly the changes in force; and the
 * server logged no error (the state files opened without damage).
 *
 * <p>CI: {@value #CI_MESSAGES} planned messages per run, {@value #CI_KILLS} kills. Full size:
 * {@code -Dit.test=CrashRestartIT -Dbehalf.crash.messages=20000 -Dbehalf.crash.kills=3}.
 */
class CrashRestartIT {
    static final int CI_MESSAGES = 1500;
    static final int CI_KILLS = 2;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Attempt> attempts = new ArrayList<>();
    private int changesInForce;

    @Test
    void sigkillMidLoadLosesNoAcknowledgedMessageOrChangeAndDuplicatesNothing() throws Exception {
        int clients = Integer.getInteger("behalf.crash.clients", 50);
        int messages = Integer.getInteger("behalf.crash.messages", CI_MESSAGES);
        int kills = Integer.getInteger("behalf.crash.kills", CI_KILLS);
        LoadCast cast = new LoadCast(clients, 5);
        BitSet grants = cast.randomGrants(11);
        Path config = cast.writeConfig(dir.resolve("config"), grants);
        String[] args = {"--config", config.toString(), "--data-dir", dir.resolve("data").toString()};
        long started = System.nanoTime();
        List<String> figures = new ArrayList<>();
        for (int run = 1; run <= kills; run++) {
            Result result;
            int killedAt;
            try (ServerProcess server = ServerProcess.start(dir.resolve("run-" + run + ".log"), args)) {
                Workload load = new Workload(cast, server.smtp, server.http, "r" + run, run);
                BitSet initial = grants;
                FutureTask<Result> task = new FutureTask<>(() -> load.run(messages, 20, initial, Duration.ofMinutes(20)));
                new Thread(task, "crash-load-" + run).start();
                int killAt = messages * (run % 2 == 1 ? 1 : 2) / 3;
                awaitSends(load, killAt, task);
                load.expectDeath();
                killedAt = load.acknowledged();
                server.kill();
                result = task.get(2, TimeUnit.MINUTES);
            }
            assertEquals(List.of(), result.failures(), "run " + run);
            grants = record(result, grants);
            long cutOff = result.attempts().stream().filter(a -> a.reply().isEmpty()).count();
            figures.add("run " + run + ": killed after " + killedAt + " acknowledgements, " + result.attempts().size()
                    + " sends (" + cutOff + " cut off), " + result.changes().size() + " acknowledged changes"
                    + result.changeInFlight().map(c -> " + 1 cut off").orElse(""));
            try (ServerProcess server = ServerProcess.start(dir.resolve("restart-" + run + ".log"), args)) {
                grants = verify(cast, server, grants, result.changeInFlight());
            }
        }
        // A clean stop (SIGTERM) after more load keeps everything too.
        try (ServerProcess server = ServerProcess.start(dir.resolve("clean.log"), args)) {
            Workload load = new Workload(cast, server.smtp, server.http, "clean", 99);
            Result result = load.run(Math.max(100, messages / 10), 20, grants, Duration.ofMinutes(10));
            assertEquals(List.of(), result.failures());
            assertTrue(result.attempts().stream().allMatch(a -> a.reply().isPresent()));
            grants = record(result, grants);
            server.stop();
            assertTrue(server.output().contains("Behalf stopped"), "SIGTERM runs the shutdown hook:\n" + server.output());
        }
        try (ServerProcess server = ServerProcess.start(dir.resolve("final.log"), args)) {
            verify(cast, server, grants, Optional.empty());
        }
        long acked = attempts.stream().filter(Attempt::accepted).count();
        System.out.printf("CrashRestartIT: %d clients, %d kills, %d sends (%d acknowledged), %d changes in force, %.1f s; %s%n",
                clients, kills, attempts.size(), acked, changesInForce, (System.nanoTime() - started) / 1e9, String.join("; ", figures));
    }

    private static void awaitSends(Workload load, int target, FutureTask<Result> task) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (load.finished() < target) {
            assertTrue(System.nanoTime() < deadline, "no " + target + " sends within 10 minutes");
            try {
                task.get(20, TimeUnit.MILLISECONDS);
                throw new AssertionError("the load ended before the kill: " + task.get().failures());
            } catch (TimeoutException stillRunning) {
                // keep polling the acknowledgement count
            } catch (ExecutionException e) {
                throw new AssertionError("the load failed before the kill", e.getCause());
            }
        }
    }

    /** Adds a run's sends to the ledger; returns the grants its acknowledged changes leave. */
    private BitSet record(Result result, BitSet grants) {
        attempts.addAll(result.attempts());
        BitSet next = (BitSet) grants.clone();
        for (Change c : result.changes()) {
            next.set(c.slot(), c.on());
        }
        changesInForce += result.changes().size();
        return next;
    }

    /**
     * Checks the restarted server against the ledger; returns the grants actually in force (the cut-off
     * change resolved either way).
     */
    private BitSet verify(LoadCast cast, ServerProcess server, BitSet acked, Optional<Change> inFlight) throws Exception {
        Map<String, Integer> inbox = new HashMap<>();
        Map<String, Integer> sent = new HashMap<>();
        Map<String, String> inboxOf = new HashMap<>();
        Map<String, String> sentOf = new HashMap<>();
        List<String> boxes = new ArrayList<>();
        for (int i = 0; i < cast.clients(); i++) {
            boxes.add(cast.user(i));
        }
        for (int k = 0; k < cast.targets(); k++) {
            boxes.add("sa" + k);
            boxes.add("ob" + k);
        }
        boxes.add("never");
        int stored = 0;
        for (String box : boxes) {
            for (JsonNode m : get(server, "/api/mailboxes/" + cast.address(box) + "/messages")) {
                inbox.merge(m.path("subject").asText(), 1, Integer::sum);
                inboxOf.put(m.path("subject").asText(), box);
                stored++;
            }
            for (JsonNode m : get(server, "/api/mailboxes/" + cast.address(box) + "/messages?folder=Sent%20Items")) {
                sent.merge(m.path("subject").asText(), 1, Integer::sum);
                sentOf.put(m.path("subject").asText(), box);
                stored++;
            }
        }
        Map<String, List<JsonNode>> records = new HashMap<>();
        for (JsonNode r : get(server, "/api/decisions?limit=100000")) {
            records.computeIfAbsent(r.path("subject").asText(""), s -> new ArrayList<>()).add(r);
        }
        int expectedStored = 0;
        for (Attempt a : attempts) {
            String s = a.subject();
            int in = inbox.getOrDefault(s, 0);
            int out = sent.getOrDefault(s, 0);
            String sender = cast.user(a.client());
            String recipient = cast.user((a.client() + 1) % cast.clients());
            List<JsonNode> rec = records.getOrDefault(s, List.of());
            if (a.reply().isEmpty()) {
                assertTrue(in == out && in <= 1, s + " was cut off by the kill: all or nothing, once at most; it is in "
                        + in + " Inbox and " + out + " Sent Items copies");
                assertTrue(rec.size() <= 1, s + " has " + rec.size() + " decision records");
            } else if (a.accepted()) {
                assertEquals(1, in, s + " was acknowledged: exactly one Inbox copy");
                assertEquals(1, out, s + " was acknowledged: exactly one Sent Items copy");
                assertEquals(recipient, inboxOf.get(s), s + " Inbox");
                assertEquals(sender, sentOf.get(s), s + " Sent Items");
                assertEquals(1, rec.size(), s + " was acknowledged: its decision record survives");
                assertEquals(a.reply().get(), rec.get(0).path("reply").asText(), s + " record's reply");
            } else {
                assertEquals(0, in + out, s + " was refused (" + a.reply().get() + ") yet stored");
                assertEquals(1, rec.size(), s + " was refused: its decision record survives");
                assertEquals("Denied", rec.get(0).path("outcome").asText(), s);
            }
            expectedStored += in + out;
        }
        assertEquals(expectedStored, stored, "nothing but the test's messages is stored");
        BitSet actual = (BitSet) acked.clone();
        for (int slot = 0; slot < cast.slots(); slot++) {
            int client = slot / 2;
            String from = slot % 2 == 0 ? cast.sendAsTarget(client) : cast.onBehalfTarget(client);
            JsonNode e = get(server, "/api/admin/explain?account=" + cast.address(cast.user(client)) + "&from=" + cast.address(from));
            boolean on = !e.path("outcome").asText().equals("Denied");
            int s = slot;
            if (inFlight.map(c -> c.slot() == s).orElse(false)) {
                actual.set(slot, on);
                if (on == inFlight.get().on()) {
                    changesInForce++;
                }
            } else {
                assertEquals(acked.get(slot), on, "grant slot " + slot + " (" + cast.command(slot, acked.get(slot))
                        + " was the last acknowledged change) reads " + e.path("outcome").asText() + " after the restart");
            }
        }
        Path journal = dir.resolve("data").resolve("directory.journal");
        assertEquals(changesInForce, Files.readAllLines(journal, StandardCharsets.UTF_8).size(),
                "the journal holds one record per change in force");
        String log = server.output();
        assertFalse(log.contains(" ERROR "), "the restarted server logged an error:\n" + log);
        return actual;
    }

    private JsonNode get(ServerProcess server, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.http + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.mapper().readTree(r.body());
    }
}
