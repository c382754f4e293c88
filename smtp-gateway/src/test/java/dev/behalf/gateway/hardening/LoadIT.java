package dev.behalf.gateway.hardening;

import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.hardening.Workload.Attempt;
import dev.behalf.gateway.hardening.Workload.Result;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.Directory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 8's load test: 50 concurrent authenticated clients on loopback send a mix of self, Send As,
 * Send on Behalf and refused messages while a shell client toggles the grants that decide them.
 * Afterwards every acknowledged message is stored exactly once in each place it belongs (recipient's
 * Inbox, sender's Sent Items) with the headers its decision calls for, nothing refused is stored,
 * every attempt has exactly one decision record carrying the reply the client saw, and every decision
 * matches the grants in force at the directory version it records, which must lie in the window the
 * client observed.
 *
 * <p>CI runs {@value #CI_MESSAGES} messages; the full size is
 * {@code mvn -B -pl smtp-gateway -am verify -Dit.test=LoadIT -Dbehalf.load.messages=20000} (figures in
 * docs/reliability.md).
 */
class LoadIT {
    static final int CI_MESSAGES = 3000;

    @Test
    void everyAcknowledgedMessageIsStoredOnceAndEveryDecisionMatchesTheGrantsInForce() throws Exception {
        int messages = Integer.getInteger("behalf.load.messages", CI_MESSAGES);
        int clients = Integer.getInteger("behalf.load.clients", 50);
        int changeEvery = Integer.getInteger("behalf.load.changeEvery", 20);
        LoadCast cast = new LoadCast(clients, 5);
        BitSet initial = cast.randomGrants(8);
        Directory directory = DirectoryLoader.parse(Map.of("load.yaml", cast.yaml(initial)));
        try (RunningBehalf behalf = Behalf.builder().directory(directory).allPortsEphemeral()
                .decisionLogCapacity(Math.max(100_000, messages * 2)).start()) {
            Workload load = new Workload(cast, behalf.ports().smtp(), behalf.ports().http(), "load", 8);
            Result result = load.run(messages, changeEvery, initial, Duration.ofMinutes(20));
            assertEquals(List.of(), result.failures());
            assertEquals(messages, result.attempts().size(), "every planned message was attempted");
            Verdict v = new Verdict();
            checkDecisions(behalf, cast, result, initial, v);
            checkStore(behalf, cast, result, v);
            System.out.printf("LoadIT: %d messages from %d clients in %.1f s (%.0f msg/s): %s; %d grant changes "
                            + "(versions %d..%d), decisions saw %d distinct versions, %d sends overlapped a change; %d checks%n",
                    messages, clients, result.elapsed().toMillis() / 1000.0, messages * 1000.0 / Math.max(1, result.elapsed().toMillis()),
                    v.outcomes, result.changes().size(), result.baseVersion(), result.baseVersion() + result.changes().size(),
                    v.versions.size(), v.overlapping, v.checks);
            assertTrue(v.outcomes.getOrDefault("SendAs", 0) > 0 && v.outcomes.getOrDefault("SendOnBehalf", 0) > 0
                    && v.deniedGrantable > 0, "the grant changes made both kinds of delegated send pass and fail: " + v.outcomes);
        }
    }

    /** Tallies of what was checked. */
    static final class Verdict {
        final Map<String, Integer> outcomes = new TreeMap<>();
        final Map<String, String> outcomeOf = new HashMap<>();
        final java.util.Set<Long> versions = new java.util.HashSet<>();
        int overlapping;
        int deniedGrantable;
        long checks;

        void check(boolean ok, String what) {
            checks++;
            if (!ok) {
                fail(what);
            }
        }
    }

    static void checkDecisions(RunningBehalf behalf, LoadCast cast, Result result, BitSet initial, Verdict v) {
        Map<String, List<DecisionRecord>> bySubject = new HashMap<>();
        for (DecisionRecord r : behalf.decisions().query(Optional.empty(), Optional.empty(), Integer.MAX_VALUE)) {
            bySubject.computeIfAbsent(r.subject().orElse("(none)"), s -> new ArrayList<>()).add(r);
        }
        v.check(bySubject.values().stream().mapToInt(List::size).sum() == result.attempts().size(),
                "one decision record per attempt: " + result.attempts().size() + " attempts");
        for (Attempt a : result.attempts()) {
            List<DecisionRecord> records = bySubject.getOrDefault(a.subject(), List.of());
            v.check(records.size() == 1, a.subject() + " has " + records.size() + " decision records");
            DecisionRecord r = records.get(0);
            String reply = a.reply().orElseThrow();
            v.check(r.reply().equals(reply), a.subject() + ": client heard '" + reply + "', record says '" + r.reply() + "'");
            v.check(r.login().equals(cast.address(cast.user(a.client()))), a.subject() + " recorded for " + r.login());
            v.check(r.directoryVersion() >= a.lo() && r.directoryVersion() <= a.hi(), a.subject() + " decided at version "
                    + r.directoryVersion() + ", outside the window [" + a.lo() + ", " + a.hi() + "] the client saw");
            String expected = LoadCast.expected(a.client(), a.kind(), result.grantsAt(initial, r.directoryVersion()));
            v.check(r.outcome().equals(expected), a.subject() + " (" + a.kind() + " by " + cast.user(a.client()) + ") decided "
                    + r.outcome() + " at version " + r.directoryVersion() + " where the grants then in force give " + expected);
            v.check(a.accepted() == !expected.equals("Denied"), a.subject() + ": " + expected + " but the client heard " + reply);
            if (!a.accepted()) {
                v.check(reply.equals("550 5.7.60 SMTP; Client does not have permissions to send as this sender"),
                        a.subject() + " refused with " + reply);
            }
            v.outcomes.merge(r.outcome(), 1, Integer::sum);
            v.outcomeOf.put(a.subject(), r.outcome());
            v.versions.add(r.directoryVersion());
            if (a.hi() > a.lo() + 1) {
                v.overlapping++;
            }
            if (expected.equals("Denied") && (a.kind() == LoadCast.Kind.SEND_AS || a.kind() == LoadCast.Kind.ON_BEHALF)) {
                v.deniedGrantable++;
            }
        }
    }

    static void checkStore(RunningBehalf behalf, LoadCast cast, Result result, Verdict v) {
        Directory d = behalf.directory().current();
        Map<String, Integer> inboxCopies = new HashMap<>();
        Map<String, Integer> sentCopies = new HashMap<>();
        Map<String, MessageSummary> inboxMessage = new HashMap<>();
        Map<String, String> inboxOf = new HashMap<>();
        Map<String, String> sentOf = new HashMap<>();
        int stored = 0;
        for (var r : d.recipients()) {
            MailboxKey box = new MailboxKey.Mailbox(r.id());
            String alias = r.alias();
            for (MessageSummary m : behalf.store().list(box, Folders.INBOX)) {
                inboxCopies.merge(m.subject(), 1, Integer::sum);
                inboxMessage.put(m.subject(), m);
                inboxOf.put(m.subject(), alias);
                stored++;
            }
            for (MessageSummary m : behalf.store().list(box, Folders.SENT_ITEMS)) {
                sentCopies.merge(m.subject(), 1, Integer::sum);
                sentOf.put(m.subject(), alias);
                stored++;
            }
        }
        int accepted = 0;
        for (Attempt a : result.attempts()) {
            String s = a.subject();
            if (!a.accepted()) {
                v.check(!inboxCopies.containsKey(s) && !sentCopies.containsKey(s), "refused " + s + " was stored");
                continue;
            }
            accepted++;
            String sender = cast.user(a.client());
            String recipient = cast.user((a.client() + 1) % cast.clients());
            v.check(inboxCopies.getOrDefault(s, 0) == 1 && recipient.equals(inboxOf.get(s)),
                    s + " is in " + inboxCopies.getOrDefault(s, 0) + " Inbox copies (" + inboxOf.get(s) + "), expected 1 in " + recipient);
            v.check(sentCopies.getOrDefault(s, 0) == 1 && sender.equals(sentOf.get(s)),
                    s + " is in " + sentCopies.getOrDefault(s, 0) + " Sent Items copies (" + sentOf.get(s) + "), expected 1 in " + sender);
            byte[] raw = behalf.store().fetch(inboxMessage.get(s).id()).orElseThrow().raw();
            v.check(Mailboxes.header(raw, "From").equals(List.of(cast.from(a.client(), a.kind()))), s + " From changed: "
                    + Mailboxes.header(raw, "From"));
            List<String> senders = Mailboxes.header(raw, "Sender");
            if (v.outcomeOf.get(s).equals("SendOnBehalf")) {
                v.check(senders.size() == 1 && senders.get(0).endsWith("<" + cast.address(sender) + ">"),
                        s + " sent on behalf has Sender " + senders);
            } else {
                v.check(senders.isEmpty(), s + " (not on behalf) has Sender " + senders);
            }
        }
        v.check(stored == 2 * accepted, "the store holds " + stored + " copies; " + accepted + " accepted messages make "
                + 2 * accepted + " (Inbox + Sent Items)");
    }
}
