package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL at an arbitrary moment, three times over one data dir: no acknowledged message is lost or
 * duplicated, no acknowledged delete comes back, every delivery is all or nothing, and the journal
 * replays every acknowledged change.
 */
class CrashIT {
    @TempDir
    Path dir;

    private final Map<String, List<MessageId>> acked = new HashMap<>();
    private final Set<MessageId> deleted = new HashSet<>();
    private final Set<MessageId> deleting = new HashSet<>();
    private final Set<String> journaled = new HashSet<>();

    @Test
    void killedAtAnyPointTheDataDirKeepsEveryAcknowledgement() throws Exception {
        int[] killAfter = {7, 19, 31};
        for (int run = 0; run < killAfter.length; run++) {
            runAndKill("r" + run, killAfter[run]);
            verify();
        }
        assertTrue(acked.size() >= 7 + 19 + 31 && deleted.size() >= 10 && journaled.size() >= 15,
                "the runs did work: " + acked.size() + " deliveries, " + deleted.size() + " deletes, " + journaled.size() + " changes");
    }

    private void runAndKill(String run, int acks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stdout = dir.resolveSibling(dir.getFileName() + "-" + run + ".out");
        Path stderr = dir.resolveSibling(dir.getFileName() + "-" + run + ".err");
        // A file, not a pipe: what the child wrote before the kill is still readable afterwards.
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                dir.toString(), run).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (countAcks(stdout) < acks) {
            assertTrue(System.nanoTime() < deadline, "no " + acks + " acknowledgements within 120 s");
            if (p.waitFor(20, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child died early: " + read(stderr));
            }
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing, possibly mid-write
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            String[] w = line.split(" ");
            if (!line.endsWith(" .")) {
                continue; // cut by the kill: not known to be acknowledged
            }
            switch (w[0]) {
                case "ack" -> acked.put(w[1], List.of(new MessageId(w[2]), new MessageId(w[3]), new MessageId(w[4])));
                case "deleting" -> deleting.add(new MessageId(w[1]));
                case "del" -> deleted.add(new MessageId(w[1]));
                case "jack" -> journaled.add(w[1]);
                default -> { }
            }
        }
    }

    private static long countAcks(Path stdout) throws java.io.IOException {
        if (!Files.exists(stdout)) {
            return 0;
        }
        return Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("ack ") && l.endsWith(" .")).count();
    }

    private void verify() {
        try (DataDir data = DataDir.open(dir)) {
            Directory replayed = data.journal().replay(DemoDirectory.load());
            List<ChangeSet> changes = data.journal().readAll();
            Set<String> origins = changes.stream().map(c -> c.origin().substring("crash test ".length())).collect(Collectors.toSet());
            assertTrue(origins.containsAll(journaled), "every acknowledged directory change is in the journal");
            LiveDirectory live = new LiveDirectory(replayed, ChangeSet -> { });
            try (GreenMailStore store = GreenMailStore.builder(live).dataDir(data).build()) {
                MailboxKey[] boxes = {Demo.mailbox(live, "ayla"), Demo.mailbox(live, "terrya"), Demo.mailbox(live, "jimh")};
                String[] folders = {Folders.INBOX, Folders.SENT_ITEMS, Folders.INBOX};
                Map<String, Integer> copies = new HashMap<>();
                Set<MessageId> present = new HashSet<>();
                for (int b = 0; b < boxes.length; b++) {
                    List<String> subjects = new ArrayList<>();
                    for (MessageSummary s : store.list(boxes[b], folders[b])) {
                        subjects.add(s.subject());
                        present.add(s.id());
                        copies.merge(s.subject(), 1, Integer::sum);
                    }
                    assertEquals(subjects.size(), new HashSet<>(subjects).size(), "no message is stored twice in " + folders[b]);
                }
                for (Map.Entry<String, List<MessageId>> a : acked.entrySet()) {
                    for (MessageId id : a.getValue()) {
                        // A delete the kill interrupted before it was acknowledged may or may not have happened.
                        assertTrue(deleting.contains(id) || present.contains(id), "acknowledged " + a.getKey() + " copy " + id + " is lost");
                    }
                }
                for (MessageId id : deleted) {
                    assertTrue(!present.contains(id), "acknowledged delete of " + id + " came back");
                }
                for (Map.Entry<String, Integer> c : copies.entrySet()) {
                    List<MessageId> ids = acked.getOrDefault(c.getKey(), List.of());
                    long gone = ids.stream().filter(id -> !present.contains(id)).count();
                    boolean inFlight = !acked.containsKey(c.getKey());
                    // A delivery cut by the kill is all three copies or none; only deleted copies may be missing.
                    assertTrue(inFlight ? c.getValue() == 3 : c.getValue() + gone == 3 && ids.stream()
                            .filter(id -> !present.contains(id)).allMatch(deleting::contains), c.getKey() + " has " + c.getValue() + " copies");
                }
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
