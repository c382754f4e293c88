package dev.behalf.benchmarks;

import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
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

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loading the generated 100,000-mailbox, 10,000-group directory: building the {@code Directory}
 * snapshot (indexes and validation) from ready objects, and parsing the same directory from YAML
 * through {@code DirectoryLoader}. Target: each under 2 s. And a 60,000-object directory of the
 * hand-written shape ({@link NamedDirectory}: references by display name, a {@code grants:}
 * section), the shape that was quadratic before issue 12.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class LoadBenchmark {
    private List<Recipient> recipients;
    private String yaml;
    private String namedYaml;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratedDirectory g = GeneratedDirectory.standard();
        recipients = g.recipients();
        yaml = g.yaml();
        Directory fromYaml = DirectoryLoader.parse(Map.of("generated.yaml", yaml));
        if (fromYaml.size() != g.mailboxes() + g.groups() || Directory.of(GeneratedDirectory.ORGANIZATION, recipients).size() != fromYaml.size()) {
            throw new IllegalStateException("generated directory has " + fromYaml.size() + " objects");
        }
        NamedDirectory named = new NamedDirectory(60_000);
        namedYaml = named.yaml();
        if (DirectoryLoader.parse(Map.of("named.yaml", namedYaml)).size() != named.size()) {
            throw new IllegalStateException("named directory did not load all " + named.size() + " objects");
        }
    }

    @Benchmark
    public Directory buildSnapshot() {
        return Directory.of(GeneratedDirectory.ORGANIZATION, recipients);
    }

    @Benchmark
    public Directory loadYaml() {
        return DirectoryLoader.parse(Map.of("generated.yaml", yaml));
    }

    @Benchmark
    public Directory loadNamedYaml() {
        return DirectoryLoader.parse(Map.of("named.yaml", namedYaml));
    }
}
