package dev.behalf.benchmarks;

import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.core.MessageStore;
import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.identity.Resolution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The message store's own cost of one delivery (in memory, no subscribers): the message the SMTP load
 * client sends (2,504 bytes as Behalf stores it), placed in jimh's INBOX and terrya's Sent Items, as
 * {@code bench/smtp-load.sh} delivers it. What the store adds to the SMTP path, without SMTP.
 * {@code -p subscribers=1} adds a listener that only counts events (the web UI's and the JUnit
 * extension's cost is their own). Run from the repository root (it reads {@code config/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class StoreBenchmark {
    private Directory directory;
    private MessageStore store;
    private List<Placement> placements;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private byte[][] messages;

    @org.openjdk.jmh.annotations.Param({"0"})
    public int subscribers;

    @Setup(Level.Trial)
    public void setUp() {
        directory = DirectoryLoader.load(Path.of("config"));
        placements = List.of(Placement.inbox(mailbox("jimh")), Placement.sentItems(mailbox("terrya")));
        messages = new byte[1024][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = message(i);
        }
    }

    /** A fresh store per iteration, so the heap holds one iteration's messages at most. */
    @Setup(Level.Iteration)
    public void freshStore() {
        store = new MessageStore(Optional.empty(), () -> directory, Clock.systemUTC());
        for (int i = 0; i < subscribers; i++) {
            store.subscribe(e -> events.incrementAndGet());
        }
    }

    private MailboxKey mailbox(String identity) {
        return new MailboxKey.Mailbox(((Resolution.Found) directory.resolve(identity)).recipient().id());
    }

    /** As Behalf stores the load client's message: trace fields added, Network-Message-Id stamped. */
    private static byte[] message(int n) {
        StringBuilder b = new StringBuilder();
        b.append("Return-Path: <terrya@contoso.com>\r\nReceived: from load.example ([127.0.0.1])\r\n by localhost (Behalf) with ESMTPA id MX")
                .append(n).append(";\r\n Wed, 2 Dec 2026 18:27:03 GMT\r\nFrom: Load <terrya@contoso.com>\r\nTo: <jimh@contoso.com>\r\n")
                .append("Subject: load 0-").append(n).append("\r\nDate: Sun, 29 Nov 2026 01:00:00 +0000\r\nMessage-ID: <load-0-").append(n)
                .append("-4074194373681@load.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n")
                .append("X-MS-Exchange-Organization-Network-Message-Id: 2545f2fc-2655-4415-8061-").append(String.format("%012d", n))
                .append("\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog; load-test body text, 0123456789 ab\r\n";
        while (b.length() + line.length() <= 2480) {
            b.append(line);
        }
        return b.append("end\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public List<MessageSummary> deliverToInboxAndSentItems() {
        long n = counter.getAndIncrement();
        byte[] bytes = messages[(int) (n & (messages.length - 1))];
        return store.deliver(new Delivery(bytes, placements));
    }
}
