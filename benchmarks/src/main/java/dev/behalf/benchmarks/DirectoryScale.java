package dev.behalf.benchmarks;

import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.Directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How loading grows with the directory (issue 12): for each size, the {@link NamedDirectory} YAML
 * parsed by {@code DirectoryLoader} {@code rounds} times in this JVM, the median printed. With
 * {@code --write DIR} it writes {@code DIR/<size>/directory.yaml} instead, for timing
 * {@code behalf.jar serve --config} end to end.
 *
 * <pre>java -cp benchmarks.jar dev.behalf.benchmarks.DirectoryScale [--rounds N] [--write DIR] 2000 8000 20000 60000</pre>
 */
public final class DirectoryScale {
    public static void main(String[] args) throws IOException {
        int rounds = 3;
        Path write = null;
        int first = 0;
        while (first < args.length && args[first].startsWith("--")) {
            switch (args[first]) {
                case "--rounds" -> rounds = Integer.parseInt(args[first + 1]);
                case "--write" -> write = Path.of(args[first + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[first] + "; use --rounds N or --write DIR");
            }
            first += 2;
        }
        for (int a = first; a < args.length; a++) {
            NamedDirectory shape = new NamedDirectory(Integer.parseInt(args[a]));
            String yaml = shape.yaml();
            if (write != null) {
                Path dir = write.resolve(args[a]);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("directory.yaml"), yaml, StandardCharsets.UTF_8);
                System.out.printf("wrote %s (%d objects, %,d bytes)%n", dir, shape.size(), yaml.length());
                continue;
            }
            long[] ms = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                Directory d = DirectoryLoader.parse(Map.of("directory.yaml", yaml));
                ms[r] = (System.nanoTime() - t0) / 1_000_000;
                if (d.size() != shape.size()) {
                    throw new IllegalStateException("loaded " + d.size() + " objects, generated " + shape.size());
                }
            }
            java.util.Arrays.sort(ms);
            System.out.printf("directory-scale objects=%d bytes=%d median_ms=%d min_ms=%d max_ms=%d%n",
                    shape.size(), yaml.length(), ms[rounds / 2], ms[0], ms[rounds - 1]);
        }
    }
}
