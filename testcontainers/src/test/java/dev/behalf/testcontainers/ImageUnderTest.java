package dev.behalf.testcontainers;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The image the build made (container/build-image.sh wrote what it did to {@code behalf.image.status}),
 * and its container engine's command line. When there is no image, a test calling {@link #get()} is
 * skipped with the reason printed, or fails when {@code behalf.containers.required} is true (.ci/run).
 */
record ImageUnderTest(String engine, String image, String id) {

    static ImageUnderTest get() {
        String file = System.getProperty("behalf.image.status", "target/image.properties");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            p.load(in);
        } catch (IOException e) {
            unavailable("no image status at " + file + " (the image build did not run: -Dbehalf.image.skip?)");
        }
        if (p.getProperty("unavailable") != null) {
            unavailable(p.getProperty("unavailable"));
        }
        return new ImageUnderTest(p.getProperty("engine"), p.getProperty("image"), p.getProperty("id"));
    }

    /** Skips (or, where containers are required, fails) the calling test, saying why in the test output. */
    static void unavailable(String reason) {
        String message = "container tests can't run here: " + reason;
        if (Boolean.getBoolean("behalf.containers.required")) {
            Assertions.fail(message + " (behalf.containers.required=true)");
        }
        System.err.println("SKIPPED " + message);
        Assumptions.abort(message);
    }

    /** What one engine command printed. */
    record Run(int exit, String out, String err) {
        Run ok() {
            Assertions.assertEquals(0, exit, () -> "exit " + exit + ": " + err + out);
            return this;
        }
    }

    /** {@code podman ARGS...} (or docker), bounded to two minutes. */
    Run run(String... args) {
        List<String> command = new ArrayList<>(List.of(engine));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("engine", ".out");
            Path err = Files.createTempFile("engine", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    Assertions.fail(String.join(" ", command) + " did not finish in 2 minutes");
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
