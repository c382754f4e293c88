package dev.behalf.benchmarks;

import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * {@code DelegationPolicy.decide} in the steady state (group closures already memoised) on the
 * {@link GeneratedDirectory#standard() generated} directory: 100,000 mailboxes, 10,000 groups five deep.
 * Each scenario is checked in setup, so a benchmark can't silently measure a different path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class DecideBenchmark {
    private Directory directory;
    private SendAttempt direct;
    private SendAttempt nestedSendAs;
    private SendAttempt nestedOnBehalf;
    private SendAttempt noRight;
    private SendAttempt self;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratedDirectory g = GeneratedDirectory.standard();
        directory = g.directory();
        int target = 500;
        direct = Scenarios.attempt(directory, target + 1, target);
        Scenarios.expect(directory, direct, Outcome.SendAs, Because.Reason.SEND_AS, 0);
        nestedSendAs = Scenarios.attempt(directory, g.memberFiveDeepOf(g.sendAsGroup(target)), target);
        Scenarios.expect(directory, nestedSendAs, Outcome.SendAs, Because.Reason.SEND_AS, GeneratedDirectory.LEVELS);
        nestedOnBehalf = Scenarios.nestedOnBehalf(g, directory);
        Scenarios.expect(directory, nestedOnBehalf, Outcome.SendOnBehalf, Because.Reason.SEND_ON_BEHALF, GeneratedDirectory.LEVELS);
        noRight = Scenarios.attempt(directory, target + g.mailboxes() / 2, target);
        Scenarios.expect(directory, noRight, Outcome.Denied, Because.Reason.NO_RIGHT, 0);
        self = Scenarios.attempt(directory, target, target);
        Scenarios.expect(directory, self, Outcome.Self, Because.Reason.OWN_ADDRESS, 0);
    }

    /** Send As granted to the account itself. Target: median under 1 µs. */
    @Benchmark
    public Decision directSendAs() {
        return DelegationPolicy.decide(directory, direct);
    }

    /** Send As granted to a group the account reaches through five nested groups. Target: median under 5 µs. */
    @Benchmark
    public Decision nestedSendAs() {
        return DelegationPolicy.decide(directory, nestedSendAs);
    }

    /** Send on Behalf through five nested groups (Send As checked first and missed). */
    @Benchmark
    public Decision nestedSendOnBehalf() {
        return DelegationPolicy.decide(directory, nestedOnBehalf);
    }

    /** No right: every entry of the target is examined before the refusal. */
    @Benchmark
    public Decision deniedNoRight() {
        return DelegationPolicy.decide(directory, noRight);
    }

    /** From is the account's own address: step 1 only. */
    @Benchmark
    public Decision self() {
        return DelegationPolicy.decide(directory, self);
    }
}
