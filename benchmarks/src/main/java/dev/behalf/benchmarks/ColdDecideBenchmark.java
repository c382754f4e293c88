package dev.behalf.benchmarks;

import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first {@code decide} of an account on a snapshot: it computes and memoises the account's group
 * closure (15 groups, five deep). Each iteration takes a fresh snapshot, so all {@link #ACCOUNTS}
 * decisions in it are cold; the score is per decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ColdDecideBenchmark {
    static final int ACCOUNTS = 1_000;

    private Directory loaded;
    private Directory fresh;
    private SendAttempt[] attempts;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratedDirectory g = GeneratedDirectory.standard();
        loaded = g.directory();
        attempts = new SendAttempt[ACCOUNTS];
        int stride = g.mailboxes() / ACCOUNTS;
        for (int n = 0; n < ACCOUNTS; n++) {
            int target = n * stride;
            // Each sender reaches its target's Send As group through five nested groups.
            attempts[n] = Scenarios.attempt(loaded, g.memberFiveDeepOf(g.sendAsGroup(target)), target);
        }
        Scenarios.expect(loaded.apply(List.of()), attempts[ACCOUNTS - 1], Outcome.SendAs, Because.Reason.SEND_AS,
                GeneratedDirectory.LEVELS);
    }

    /** A new snapshot with nothing memoised (apply with no changes reuses the indexes, not the closures). */
    @Setup(Level.Iteration)
    public void freshSnapshot() {
        fresh = loaded.apply(List.of());
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public void coldNestedSendAs(Blackhole bh) {
        for (SendAttempt a : attempts) {
            bh.consume(DelegationPolicy.decide(fresh, a));
        }
    }
}
