package dev.behalf.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the decision log in a file of the data dir ({@code DataDir.decisions()}, one JSON record a line)
 * so that refusals and the decision behind each stored message are still there after a restart.
 *
 * <p>Records are diagnostics, written after the reply and not fsynced: a crash may lose the last few
 * (never a message: those are on disk before 250). A torn or unreadable line is skipped at load.
 * The file is compacted to the newest {@code capacity} records when it holds twice as many.
 */
public final class DecisionFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DecisionFile.class);

    private final Path file;
    private final ObjectMapper json;
    private final int capacity;
    private DecisionLog decisions;
    private BufferedWriter out;
    private int lines;

    private DecisionFile(Path file, ObjectMapper json, int capacity) {
        this.file = file;
        this.json = json;
        this.capacity = capacity;
    }

    /** Loads the newest {@code capacity} records of {@code file} into {@code decisions}, then appends to it. */
    public static DecisionFile open(Path file, DecisionLog decisions, ObjectMapper json, int capacity) {
        DecisionFile f = new DecisionFile(file, json, capacity);
        ArrayDeque<DecisionRecord> newest = new ArrayDeque<>();
        int skipped = 0;
        if (Files.exists(f.file)) {
            try {
                for (String line : Files.readAllLines(f.file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    f.lines++;
                    try {
                        newest.addLast(json.readValue(line, DecisionRecord.class));
                        if (newest.size() > capacity) {
                            newest.removeFirst();
                        }
                    } catch (IOException e) {
                        skipped++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + f.file, e);
            }
        }
        newest.forEach(decisions::add);
        if (skipped > 0) {
            log.warn("skipped {} unreadable line(s) of {} (a crash mid-write leaves at most one)", skipped, f.file);
        }
        f.decisions = decisions;
        f.reopen(f.lines > 2 * capacity || skipped > 0);
        decisions.subscribe(f::append);
        return f;
    }

    private synchronized void append(DecisionRecord r) {
        try {
            out.write(json.writeValueAsString(r));
            out.write('\n');
            out.flush();
            if (++lines > 2 * capacity) {
                reopen(true);
            }
        } catch (IOException e) {
            log.warn("could not keep decision record {} in {}: {}", r.id(), file, e.toString());
        }
    }

    /** Opens for appending; when compacting, first rewrites the file with the log's records (oldest first). */
    private void reopen(boolean compact) {
        try {
            if (out != null) {
                out.close();
            }
            if (compact) {
                List<DecisionRecord> kept = new ArrayList<>(decisions.query(Optional.empty(), Optional.empty(), capacity));
                Collections.reverse(kept);
                List<String> text = new ArrayList<>(kept.size());
                for (DecisionRecord r : kept) {
                    text.add(json.writeValueAsString(r));
                }
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                lines = text.size();
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            log.warn("closing {}: {}", file, e.toString());
        }
    }
}
