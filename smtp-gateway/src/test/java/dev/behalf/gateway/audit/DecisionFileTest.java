package dev.behalf.gateway.audit;

import dev.behalf.gateway.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class DecisionFileTest {

    /** Where a data dir keeps them ({@code DataDir.decisions()}). */
    private static Path file(Path dir) {
        return dir.resolve("decisions.jsonl");
    }

    private static DecisionRecord record(int i) {
        return new DecisionRecord("id-" + i, Instant.ofEpochSecond(i), "Terry Adams", "terrya@contoso.com", "terrya",
                "terrya@contoso.com", List.of("jimh@contoso.com"), List.of("terrya@contoso.com"), Optional.empty(), Optional.empty(),
                "Self", "DATA", List.of("own address"),
                List.of(new DecisionRecord.Grant("terrya@contoso.com", "Self", "OWN_ADDRESS", Optional.empty(), Optional.empty(), List.of())),
                "250 2.6.0 ok", Optional.of("<" + i + "@x>"), Optional.of("s" + i), List.of("jimh@contoso.com/INBOX"), 3);
    }

    @Test
    void recordsComeBackAfterAReopenEqualToWhatWasWritten(@TempDir Path dir) {
        DecisionLog first = new DecisionLog(100);
        try (DecisionFile f = DecisionFile.open(file(dir), first, Json.mapper(), 100)) {
            for (int i = 0; i < 5; i++) {
                first.add(record(i));
            }
        }
        DecisionLog second = new DecisionLog(100);
        try (DecisionFile f = DecisionFile.open(file(dir), second, Json.mapper(), 100)) {
            assertEquals(record(4), second.last().orElseThrow());
            assertEquals(5, second.query(Optional.empty(), Optional.empty(), 100).size());
        }
    }

    @Test
    void aTornLastLineIsSkippedAndDoesNotSpoilLaterRecords(@TempDir Path dir) throws Exception {
        DecisionLog first = new DecisionLog(100);
        try (DecisionFile f = DecisionFile.open(file(dir), first, Json.mapper(), 100)) {
            first.add(record(1));
        }
        Files.writeString(file(dir), "{\"id\":\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        DecisionLog second = new DecisionLog(100);
        try (DecisionFile f = DecisionFile.open(file(dir), second, Json.mapper(), 100)) {
            second.add(record(2));
        }
        DecisionLog third = new DecisionLog(100);
        try (DecisionFile f = DecisionFile.open(file(dir), third, Json.mapper(), 100)) {
            assertEquals(List.of("id-2", "id-1"), third.query(Optional.empty(), Optional.empty(), 10).stream().map(DecisionRecord::id).toList());
        }
    }

    @Test
    void theFileIsCompactedToTheNewestRecords(@TempDir Path dir) throws Exception {
        DecisionLog log = new DecisionLog(10);
        try (DecisionFile f = DecisionFile.open(file(dir), log, Json.mapper(), 10)) {
            for (int i = 0; i < 35; i++) {
                log.add(record(i));
            }
        }
        long lines = Files.readAllLines(file(dir)).size();
        assertTrue(lines <= 20, "at most twice the capacity on disk: " + lines);
        DecisionLog reopened = new DecisionLog(10);
        try (DecisionFile f = DecisionFile.open(file(dir), reopened, Json.mapper(), 10)) {
            assertEquals("id-34", reopened.last().orElseThrow().id());
            assertEquals(10, reopened.query(Optional.empty(), Optional.empty(), 100).size());
        }
    }
}
