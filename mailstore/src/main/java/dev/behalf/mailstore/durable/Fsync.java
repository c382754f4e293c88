package dev.behalf.mailstore.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The few durable file operations everything here is built from. A rename or unlink is durable only
 * once the directory holding the name is fsynced (POSIX leaves directory entries in the page cache
 * until then), so every step that makes something visible ends with {@link #directory}.
 */
final class Fsync {
    private Fsync() {
    }

    /** Flushes a directory's entries (new, renamed and removed names) to disk. */
    static void directory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("fsync of directory " + dir + " failed", e);
        }
    }

    /** Writes a new file (which must not exist) and fsyncs its contents; the name is not yet durable. */
    static void newFile(Path file, byte[] bytes) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
    }

    /** Renames atomically (both names on this file system) and makes both directory entries durable. */
    static void rename(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("renaming " + from + " to " + to + " failed", e);
        }
        directory(to.getParent());
        if (!from.getParent().equals(to.getParent())) {
            directory(from.getParent());
        }
    }

    /** Creates a directory and its missing parents, each made durable in its parent. */
    static void createDirectories(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + dir + " failed", e);
        }
        directory(dir.getParent());
    }

    /** Deletes a tree without fsyncs: callers first move it somewhere that startup clears. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root + " failed", e);
        }
    }
}
