package dev.behalf.mailstore.durable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirTest {
    @TempDir
    Path root;

    @Test
    void openingLaysOutMailAndJournal() {
        try (DataDir data = DataDir.open(root.resolve("behalf"))) {
            assertTrue(Files.isDirectory(data.root().resolve("mail").resolve("boxes")));
            assertEquals(data.root().resolve("directory.journal"), data.journal().file());
            assertTrue(data.journal().readAll().isEmpty());
        }
    }

    @Test
    void oneServerAtATime() {
        try (DataDir first = DataDir.open(root)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataDir.open(root));
            assertTrue(e.getMessage().contains("in use by another Behalf server"), e.getMessage());
        }
        DataDir.open(root).close();
    }
}
