package dev.behalf.mailstore.durable;

import dev.behalf.policy.change.ChangeJournal;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The durable {@link ChangeJournal}: every applied {@link ChangeSet}, one line each, appended and
 * fsynced before {@link #append} returns, read back with {@link #readAll} to {@link #replay} the
 * directory at startup.
 *
 * <p>Format: {@code <crc32c as 8 hex digits> <json>\n}. A record is valid when its line is complete
 * and its checksum matches. At {@link #open}, an invalid <em>last</em> record is a write torn by a crash
 * (the change was never acknowledged) and is cut off; an invalid record followed by valid ones is damage
 * this journal did not cause, and opening fails rather than silently dropping acknowledged changes. A
 * failed append truncates what it wrote, so a later append never follows garbage.
 *
 * <pre>{@code
 * Directory current = journal.replay(DirectoryLoader.load(configDir));
 * LiveDirectory live = new LiveDirectory(current, journal);
 * }</pre>
 * Thread-safe.
 */
public final class DirectoryJournal implements ChangeJournal, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectoryJournal.class);
    private static final int CHECKSUM_DIGITS = 8;

    private final Path file;
    private final FileChannel channel;
    private final ChangeSetCodec codec = new ChangeSetCodec();
    private long size;
    private boolean broken;

    private DirectoryJournal(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (creating, owner-only) the journal file, cutting off a torn last record. */
    public static DirectoryJournal open(Path file) {
        try {
            boolean created = false;
            if (!Files.exists(file)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                created = true;
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            byte[] bytes = Files.readAllBytes(file);
            long valid = new Scan(file, bytes).validLength();
            if (valid < bytes.length) {
                log.warn("Dropping a torn last record ({} bytes) from {}: it was never acknowledged", bytes.length - valid, file);
                channel.truncate(valid);
                channel.force(true);
            }
            if (created) {
                Fsync.directory(file.toAbsolutePath().getParent());
            }
            return new DirectoryJournal(file, channel, valid);
        } catch (IOException e) {
            throw new UncheckedIOException("opening directory journal " + file, e);
        }
    }

    @Override
    public synchronized void append(ChangeSet changes) {
        if (broken) {
            throw new IllegalStateException("directory journal " + file + " failed earlier and could not be repaired; restart Behalf");
        }
        byte[] json = codec.encode(changes).getBytes(StandardCharsets.UTF_8);
        byte[] line = frame(json);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long at = size;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.force(true);
            size += line.length;
        } catch (IOException e) {
            try {
                channel.truncate(size);
                channel.force(true);
            } catch (IOException again) {
                broken = true;
                e.addSuppressed(again);
            }
            throw new UncheckedIOException("appending to directory journal " + file + " failed; the change was not applied", e);
        }
    }

    /** Every recorded change set, oldest first. */
    public synchronized List<ChangeSet> readAll() {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size));
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // positional reads until the valid length is in
            }
            List<ChangeSet> out = new ArrayList<>();
            for (String json : new Scan(file, buffer.array()).records()) {
                out.add(codec.decode(json));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading directory journal " + file, e);
        }
    }

    /**
     * Applies every recorded change set to {@code base} (the directory loaded from {@code config/}), in
     * order. Throws {@link IllegalStateException} naming the record when one no longer applies, for
     * example because {@code config/} was edited since.
     */
    public Directory replay(Directory base) {
        List<ChangeSet> recorded = readAll();
        Directory d;
        try {
            d = ChangeJournal.replay(base, recorded);
        } catch (ChangeJournal.NoLongerApplies e) {
            throw new IllegalStateException("directory journal " + file + " record " + e.record() + " ('" + e.changes().origin()
                    + "') no longer applies to the configured directory: " + e.getCause().getMessage()
                    + "; move the journal aside to start again from config/", e.getCause());
        }
        if (!recorded.isEmpty()) {
            log.info("Replayed {} directory change set(s) from {}", recorded.size(), file);
        }
        return d;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing directory journal " + file, e);
        }
    }

    static byte[] frame(byte[] json) {
        CRC32C crc = new CRC32C();
        crc.update(json);
        byte[] head = (String.format("%08x", crc.getValue()) + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + json.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(json, 0, line, head.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** Splits journal bytes into records, finding where the valid prefix ends. */
    private static final class Scan {
        private final List<String> records = new ArrayList<>();
        private long validLength;

        Scan(Path file, byte[] bytes) {
            int pos = 0;
            int invalidAt = -1;
            int invalidLine = 0;
            int lineNo = 0;
            while (pos < bytes.length) {
                int nl = indexOf(bytes, (byte) '\n', pos);
                lineNo++;
                String json = nl < 0 ? null : record(bytes, pos, nl);
                if (json != null && invalidAt >= 0) {
                    throw new IllegalStateException("directory journal " + file + " is damaged at line " + invalidLine
                            + " (offset " + invalidAt + ") but has valid records after it; refusing to drop acknowledged"
                            + " changes. Inspect the file, or move it aside to start again from config/");
                }
                if (json == null) {
                    if (invalidAt < 0) {
                        invalidAt = pos;
                        invalidLine = lineNo;
                    }
                } else {
                    records.add(json);
                    validLength = nl + 1;
                }
                pos = nl < 0 ? bytes.length : nl + 1;
            }
        }

        private static String record(byte[] bytes, int from, int newline) {
            int length = newline - from;
            if (length < CHECKSUM_DIGITS + 2 || bytes[from + CHECKSUM_DIGITS] != ' ') {
                return null;
            }
            long expected;
            try {
                expected = HexFormat.fromHexDigitsToLong(new String(bytes, from, CHECKSUM_DIGITS, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, from + CHECKSUM_DIGITS + 1, length - CHECKSUM_DIGITS - 1);
            if (crc.getValue() != expected) {
                return null;
            }
            return new String(bytes, from + CHECKSUM_DIGITS + 1, length - CHECKSUM_DIGITS - 1, StandardCharsets.UTF_8);
        }

        private static int indexOf(byte[] bytes, byte b, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        long validLength() {
            return validLength;
        }

        List<String> records() {
            return records;
        }
    }
}
