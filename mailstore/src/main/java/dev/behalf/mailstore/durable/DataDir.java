package dev.behalf.mailstore.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Behalf's {@code --data-dir}: the durable home of stored mail ({@code mail/}, a {@link Maildir}), of
 * the directory's changes ({@code directory.journal}, a {@link DirectoryJournal}) and of the decision
 * records ({@link #decisions()}, kept by the server's audit). Opening takes an
 * exclusive lock on {@code lock}, so two servers never share one data dir.
 *
 * <pre>{@code
 * try (DataDir data = DataDir.open(Path.of("/var/lib/behalf"))) {
 *     LiveDirectory live = new LiveDirectory(data.journal().replay(DirectoryLoader.load(config)), data.journal());
 *     GreenMailStore store = GreenMailStore.builder(live).dataDir(data).build();
 * }
 * }</pre>
 * Close it after the store that uses it.
 */
public final class DataDir implements AutoCloseable {
    private final Path root;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final DirectoryJournal journal;
    private final Maildir mail;

    private DataDir(Path root, FileChannel lockFile, FileLock lock, DirectoryJournal journal, Maildir mail) {
        this.root = root;
        this.lockFile = lockFile;
        this.lock = lock;
        this.journal = journal;
        this.mail = mail;
    }

    /** Opens (creating) a data dir; throws {@link IllegalStateException} when another server holds it. */
    public static DataDir open(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        Fsync.createDirectories(dir);
        FileChannel lockFile = null;
        try {
            lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("data dir " + dir + " is in use by another Behalf server; stop it or pass another --data-dir");
            }
            return new DataDir(dir, lockFile, lock, DirectoryJournal.open(dir.resolve("directory.journal")),
                    Maildir.open(dir.resolve("mail")));
        } catch (IOException e) {
            closeQuietly(lockFile, e);
            throw new UncheckedIOException("opening data dir " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(lockFile, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch, Exception cause) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    public Path root() {
        return root;
    }

    /** The directory's change journal: pass it to {@code LiveDirectory} and replay it at startup. */
    public DirectoryJournal journal() {
        return journal;
    }

    /** Where the decision records are kept ({@code decisions.jsonl}); this class owns the layout, the audit the format. */
    public Path decisions() {
        return root.resolve("decisions.jsonl");
    }

    /** The stored mail; the store reads and writes it. */
    public Maildir mail() {
        return mail;
    }

    @Override
    public void close() {
        journal.close();
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException("releasing data dir " + root, e);
        }
    }
}
