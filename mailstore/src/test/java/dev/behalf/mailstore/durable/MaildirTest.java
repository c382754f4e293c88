package dev.behalf.mailstore.durable;

import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.durable.Maildir.MessageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaildirTest {
    private static final byte[] BYTES = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private static MessageFile file(String box, List<String> folder, String id, String flags) {
        return new MessageFile(box, folder, new MessageId(id), 1_700_000_000_000L, flags);
    }

    @Test
    void aWrittenMessageIsLoadedBackWithItsFolderIdTimeAndFlags() {
        Maildir m = Maildir.open(root);
        MessageFile f = file("m-1", List.of("Sent Items", "2024 Q1"), "abc_DEF-123", "FS");
        m.write(f, BYTES);
        Maildir.Contents c = Maildir.open(root).load();
        assertEquals(List.of("m-1"), c.boxes());
        assertEquals(List.of(new Maildir.Folder("m-1", List.of("Sent Items")), new Maildir.Folder("m-1", List.of("Sent Items", "2024 Q1"))), c.folders());
        assertEquals(List.of(f), c.messages());
        assertArrayEquals(BYTES, m.read(f));
    }

    @Test
    void folderNamesOfAnyShapeRoundTrip() {
        Maildir m = Maildir.open(root);
        List<String> odd = List.of("Ünïcødé ☃", "a%b/c\\d", ".hidden", "x..y");
        m.createFolder("x-a%40b", odd);
        assertTrue(Maildir.open(root).load().folders().contains(new Maildir.Folder("x-a%40b", odd)));
    }

    @Test
    void flagChangesAndMovesAreRenamesAndRemovalsUnlink() {
        Maildir m = Maildir.open(root);
        MessageFile f = file("m-1", List.of("INBOX"), "id1", "");
        m.write(f, BYTES);
        MessageFile seen = f.withFlags("S");
        m.renameAll(List.of(new Maildir.Rename(f, seen)));
        MessageFile moved = seen.withFolder(List.of("Archive")).withFlags("FS");
        m.renameAll(List.of(new Maildir.Rename(seen, moved)));
        assertEquals(List.of(moved), Maildir.open(root).load().messages());
        m.renameAll(List.of(new Maildir.Rename(seen, moved)));
        assertEquals(List.of(moved), Maildir.open(root).load().messages(), "a rename done before is done");
        m.removeAll(List.of(moved));
        m.removeAll(List.of(moved));
        assertTrue(Maildir.open(root).load().messages().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> m.renameAll(List.of(new Maildir.Rename(moved, file("m-2", List.of("INBOX"), "id1", "")))));
    }

    @Test
    void aLinkedCopyIsTheSameFileUnderAnotherName() throws IOException {
        Maildir m = Maildir.open(root);
        MessageFile f = file("m-1", List.of("INBOX"), "id1", "S");
        m.write(f, BYTES);
        MessageFile copy = file("m-1", List.of("Archive"), "id2", "");
        m.link(f, copy);
        assertEquals(m.fileKey(f), m.fileKey(copy));
        assertArrayEquals(BYTES, m.read(copy));
        m.removeAll(List.of(f));
        assertArrayEquals(BYTES, m.read(copy), "removing one name leaves the other");
    }

    @Test
    void aDeliveryLinksEveryCopyAndLeavesNothingStaged() throws IOException {
        Maildir m = Maildir.open(root);
        List<MessageFile> copies = List.of(file("m-1", List.of("INBOX"), "a1", ""), file("m-2", List.of("INBOX"), "a2", ""),
                file("m-3", List.of("Sent Items"), "a3", ""));
        m.deliver(copies, BYTES);
        assertEquals(copies, Maildir.open(root).load().messages());
        for (MessageFile f : copies) {
            assertArrayEquals(BYTES, m.read(f));
        }
        assertTrue(empty(root.resolve("tmp")) && empty(root.resolve("commit")));
        m.removeAll(List.of(copies.get(0)));
        assertArrayEquals(BYTES, m.read(copies.get(1)), "removing one copy leaves the others");
    }

    @Test
    void aCommittedDeliveryInterruptedByACrashIsFinishedAtOpen() throws IOException {
        Maildir.open(root);
        // The state right after the commit point: staged bytes and a durable commit record, no links yet.
        Files.write(root.resolve("tmp").resolve("k1.eml"), BYTES);
        Files.writeString(root.resolve("commit").resolve("k1.commit"), "m-1/f-INBOX/c1,5,\nm-2/f-INBOX/c2,5,\n");
        Maildir.Contents c = Maildir.open(root).load();
        assertEquals(List.of(new MessageId("c1"), new MessageId("c2")), c.messages().stream().map(MessageFile::id).toList());
        assertTrue(empty(root.resolve("tmp")) && empty(root.resolve("commit")));
    }

    @Test
    void anUncommittedDeliveryLeavesNoTraceAfterACrash() throws IOException {
        Maildir.open(root);
        Files.write(root.resolve("tmp").resolve("k2.eml"), BYTES);
        Files.writeString(root.resolve("commit").resolve("k2.pending"), "m-1/f-INBOX/c1,5,\n");
        Files.createDirectories(root.resolve("tmp").resolve("0a.deleted").resolve("f-INBOX"));
        assertTrue(Maildir.open(root).load().messages().isEmpty());
        assertTrue(empty(root.resolve("tmp")) && empty(root.resolve("commit")));
    }

    @Test
    void foldersAreDeletedWithTheirContentAndRenamedWithTheirChildren() {
        Maildir m = Maildir.open(root);
        MessageFile inChild = file("m-1", List.of("Projects", "Alpha"), "p1", "");
        m.write(inChild, BYTES);
        m.renameFolder("m-1", List.of("Projects"), List.of("Archive", "Projects 2023"));
        assertEquals(List.of(inChild.withFolder(List.of("Archive", "Projects 2023", "Alpha"))), Maildir.open(root).load().messages());
        m.deleteFolder("m-1", List.of("Archive"));
        Maildir.Contents c = Maildir.open(root).load();
        assertTrue(c.messages().isEmpty());
        assertEquals(List.of(), c.folders());
    }

    @Test
    void filesThatAreNotOursAreLeftAlone() throws IOException {
        Maildir m = Maildir.open(root);
        m.createFolder("m-1", List.of("INBOX"));
        Path stray = root.resolve("boxes").resolve("m-1").resolve("f-INBOX").resolve("notes.txt");
        Files.writeString(stray, "mine");
        Files.createDirectories(root.resolve("boxes").resolve("not a box!"));
        assertTrue(Maildir.open(root).load().messages().isEmpty());
        assertTrue(Files.exists(stray));
    }

    @Test
    void namesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> file("../etc", List.of("INBOX"), "x", ""));
        assertThrows(IllegalArgumentException.class, () -> file("m-1", List.of(), "x", ""));
        assertThrows(IllegalArgumentException.class, () -> file("m-1", List.of("INBOX"), "x", "SF"));
        assertFalse(Files.exists(root.resolve("boxes")));
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
