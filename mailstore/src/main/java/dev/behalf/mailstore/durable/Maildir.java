package dev.behalf.mailstore.durable;

import dev.behalf.mailstore.MessageId;
import dev.behalf.policy.random.RandomBits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stored mail on disk, Maildir-style: one name per placement, one directory per folder, every change
 * a single atomic link, rename or unlink followed by an fsync of the directory. A message placed in
 * several folders (a delivery's copies, an IMAP COPY) is one file with a hard link per placement.
 *
 * <pre>
 * mail/boxes/&lt;box&gt;/f-INBOX/&lt;id&gt;,&lt;receivedMillis&gt;,&lt;flags&gt;   a message; flags in the name (Maildir "DFRST")
 * mail/boxes/&lt;box&gt;/f-Sent%20Items/f-2024/...               a folder and its subfolder
 * mail/tmp/                                              staging, emptied at open
 * mail/commit/&lt;key&gt;.commit                                a multi-copy delivery being linked into place
 * </pre>
 *
 * <p>Guarantees after a crash at any point: a {@link #deliver} that returned is complete; one that did
 * not is either complete or absent (its commit record is replayed at {@link #open}); a flag change,
 * move or removal is either done or not; no file is ever half written. Not thread-safe: the store
 * calls it under its own lock.
 */
public final class Maildir {
    private static final Logger log = LoggerFactory.getLogger(Maildir.class);
    private static final Pattern BOX = Pattern.compile("[A-Za-z0-9%_-]+");
    private static final String FOLDER_PREFIX = "f-";
    private static final String COMMIT_SUFFIX = ".commit";

    private final Path boxes;
    private final Path tmp;
    private final Path commits;

    /**
     * One stored copy: where it is and what its file name records.
     *
     * @param box      the box directory name ({@code [A-Za-z0-9%_-]+}, chosen by the store)
     * @param folder   folder path segments from the box root, e.g. {@code [INBOX]} or {@code [Sent Items, 2024]}
     * @param received the delivery time in epoch milliseconds
     * @param flags    Maildir flag letters in ASCII order, a subset of {@code DFRST}
     */
    public record MessageFile(String box, List<String> folder, MessageId id, long received, String flags) {
        public MessageFile {
            requireBox(box);
            folder = List.copyOf(folder);
            if (folder.isEmpty()) {
                throw new IllegalArgumentException("a message lives in a folder, not in the root of box " + box);
            }
            Objects.requireNonNull(id, "id");
            if (!flags.matches("D?F?R?S?T?")) {
                throw new IllegalArgumentException("flags '" + flags + "' are not Maildir letters in DFRST order");
            }
        }

        public MessageFile withFolder(List<String> newFolder) {
            return new MessageFile(box, newFolder, id, received, flags);
        }

        public MessageFile withFlags(String newFlags) {
            return new MessageFile(box, folder, id, received, newFlags);
        }

        String fileName() {
            return id.value() + "," + received + "," + flags;
        }
    }

    /** A folder that exists on disk (possibly empty). */
    public record Folder(String box, List<String> path) {
        public Folder {
            requireBox(box);
            path = List.copyOf(path);
        }
    }

    /** Everything on disk: boxes, folders (parents before children) and messages (oldest first). */
    public record Contents(List<String> boxes, List<Folder> folders, List<MessageFile> messages) {
        public Contents {
            boxes = List.copyOf(boxes);
            folders = List.copyOf(folders);
            messages = List.copyOf(messages);
        }
    }

    private Maildir(Path root) {
        this.boxes = root.resolve("boxes");
        this.tmp = root.resolve("tmp");
        this.commits = root.resolve("commit");
    }

    /** Opens (creating) the mail directory, finishing committed deliveries and clearing staging. */
    public static Maildir open(Path root) {
        Maildir m = new Maildir(root);
        Fsync.createDirectories(m.boxes);
        Fsync.createDirectories(m.tmp);
        Fsync.createDirectories(m.commits);
        m.recover();
        return m;
    }

    private void recover() {
        for (Path record : list(commits)) {
            String name = record.getFileName().toString();
            if (name.endsWith(COMMIT_SUFFIX)) {
                String key = name.substring(0, name.length() - COMMIT_SUFFIX.length());
                log.info("Finishing a delivery interrupted by a crash ({})", key);
                link(key, readTargets(record));
                delete(record);
                Fsync.directory(commits);
            } else {
                delete(record); // a record never committed: its delivery was not acknowledged
            }
        }
        for (Path p : list(tmp)) {
            Fsync.deleteTree(p);
        }
    }

    /** Reads everything on disk; names that are not ours are left alone and reported. */
    public Contents load() {
        List<String> boxNames = new ArrayList<>();
        List<Folder> folders = new ArrayList<>();
        List<MessageFile> messages = new ArrayList<>();
        for (Path box : list(boxes)) {
            String name = box.getFileName().toString();
            if (!Files.isDirectory(box) || !BOX.matcher(name).matches()) {
                log.warn("Ignoring {}: not a mailbox directory", box);
                continue;
            }
            boxNames.add(name);
            loadFolders(name, box, List.of(), folders, messages);
        }
        messages.sort(Comparator.comparingLong(MessageFile::received).thenComparing(f -> f.id().value()));
        return new Contents(boxNames, folders, messages);
    }

    private void loadFolders(String box, Path dir, List<String> path, List<Folder> folders, List<MessageFile> messages) {
        for (Path p : list(dir)) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p) && name.startsWith(FOLDER_PREFIX)) {
                String segment;
                try {
                    segment = Segments.decode(name.substring(FOLDER_PREFIX.length()));
                } catch (IllegalArgumentException e) {
                    log.warn("Ignoring {}: not a folder name this store writes ({})", p, e.getMessage());
                    continue;
                }
                List<String> child = append(path, segment);
                folders.add(new Folder(box, child));
                loadFolders(box, p, child, folders, messages);
            } else if (!path.isEmpty() && Files.isRegularFile(p)) {
                Optional<MessageFile> f = parse(box, path, name);
                if (f.isPresent()) {
                    messages.add(f.get());
                } else {
                    log.warn("Ignoring {}: not a message file name (id,receivedMillis,flags)", p);
                }
            } else {
                log.warn("Ignoring {}: not a folder or message", p);
            }
        }
    }

    private static Optional<MessageFile> parse(String box, List<String> folder, String name) {
        String[] parts = name.split(",", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MessageFile(box, folder, new MessageId(parts[0]), Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * What identifies the file's contents on this file system (device and inode on Linux), so copies
     * that are hard links of one file can share one message in memory; null where there is no such key.
     */
    public Object fileKey(MessageFile f) {
        try {
            return Files.readAttributes(path(f), BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the attributes of " + path(f), e);
        }
    }

    /** The bytes of a stored copy. */
    public byte[] read(MessageFile f) {
        try {
            return Files.readAllBytes(path(f));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path(f), e);
        }
    }

    /** Creates a box (or folder) directory and its parents; idempotent. */
    public void createFolder(String box, List<String> path) {
        Fsync.createDirectories(dir(box, path));
    }

    /** Removes a folder with whatever it still holds, atomically: it is first renamed into staging. */
    public void deleteFolder(String box, List<String> path) {
        Path dir = dir(box, path);
        if (!Files.exists(dir)) {
            return;
        }
        Path doomed = tmp.resolve(unique() + ".deleted");
        Fsync.rename(dir, doomed);
        Fsync.deleteTree(doomed);
    }

    /** Renames (or re-parents) a folder with its messages and subfolders in one step. */
    public void renameFolder(String box, List<String> from, List<String> to) {
        Path target = dir(box, to);
        Fsync.createDirectories(target.getParent());
        Fsync.rename(dir(box, from), target);
    }

    /** Stores one copy: written and fsynced in staging, then renamed into its folder. */
    public void write(MessageFile f, byte[] bytes) {
        Path staged = tmp.resolve(unique() + ".eml");
        Fsync.newFile(staged, bytes);
        Path target = path(f);
        Fsync.createDirectories(target.getParent());
        Fsync.rename(staged, target);
    }

    /**
     * Stores every copy of one delivery, all or nothing even across a crash: the bytes are staged once,
     * a commit record naming every target is made durable (the commit point), then each target is a hard
     * link to the staged file. {@link #open} finishes a committed delivery that a crash interrupted.
     */
    public void deliver(List<MessageFile> copies, byte[] bytes) {
        if (copies.size() == 1) {
            write(copies.get(0), bytes);
            return;
        }
        String key = unique();
        Fsync.newFile(tmp.resolve(key + ".eml"), bytes);
        List<Path> targets = copies.stream().map(this::path).toList();
        StringBuilder record = new StringBuilder();
        for (Path t : targets) {
            record.append(boxes.relativize(t)).append('\n');
        }
        Path pending = commits.resolve(key + ".pending");
        Fsync.newFile(pending, record.toString().getBytes(StandardCharsets.UTF_8));
        Fsync.rename(pending, commits.resolve(key + COMMIT_SUFFIX));
        link(key, targets);
        delete(commits.resolve(key + COMMIT_SUFFIX));
        // Made durable before returning: a replay after a later delete must not resurrect a copy.
        Fsync.directory(commits);
        delete(tmp.resolve(key + ".eml"));
    }

    private void link(String key, List<Path> targets) {
        Path staged = tmp.resolve(key + ".eml");
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path target : targets) {
            if (Files.exists(target)) {
                continue;
            }
            Fsync.createDirectories(target.getParent());
            try {
                Files.createLink(target, staged);
            } catch (IOException e) {
                throw new UncheckedIOException("linking " + target + " to " + staged, e);
            }
            dirs.add(target.getParent());
        }
        dirs.forEach(Fsync::directory);
    }

    private List<Path> readTargets(Path record) {
        try {
            return Files.readAllLines(record, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).map(boxes::resolve).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading commit record " + record, e);
        }
    }

    /**
     * Stores a copy of a stored message as a hard link to its file (one file, two names), durable when
     * this returns. The copy's name differs from the original's by its id.
     */
    public void link(MessageFile existing, MessageFile copy) {
        Path target = path(copy);
        Fsync.createDirectories(target.getParent());
        try {
            Files.createLink(target, path(existing));
        } catch (IOException e) {
            throw new UncheckedIOException("linking " + target + " to " + path(existing), e);
        }
        Fsync.directory(target.getParent());
    }

    /** One rename of {@link #renameAll}. */
    public record Rename(MessageFile from, MessageFile to) {
    }

    /**
     * Renames many copies (flag changes, moves within a box), each rename atomic, and then makes every
     * touched directory durable once: a STORE on a whole folder costs one fsync, not one per message.
     */
    public void renameAll(List<Rename> renames) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Rename r : renames) {
            if (!r.from().box().equals(r.to().box()) || !r.from().id().equals(r.to().id())) {
                throw new IllegalArgumentException("a rename keeps box and id: " + r.from() + " -> " + r.to());
            }
            Path from = path(r.from());
            Path to = path(r.to());
            if (from.equals(to)) {
                continue;
            }
            Fsync.createDirectories(to.getParent());
            try {
                Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.NoSuchFileException e) {
                if (!Files.exists(to)) {
                    throw new UncheckedIOException("renaming " + from + " to " + to, e);
                }
                // Renamed by an earlier attempt that failed further on: done.
            } catch (IOException e) {
                throw new UncheckedIOException("renaming " + from + " to " + to, e);
            }
            dirs.add(to.getParent());
            dirs.add(from.getParent());
        }
        dirs.forEach(Fsync::directory);
    }

    /** Deletes many copies (copies already gone are fine), then makes each touched directory durable once. */
    public void removeAll(List<MessageFile> files) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (MessageFile f : files) {
            Path p = path(f);
            try {
                if (Files.deleteIfExists(p)) {
                    dirs.add(p.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("deleting " + p, e);
            }
        }
        dirs.forEach(Fsync::directory);
    }

    private Path path(MessageFile f) {
        return dir(f.box(), f.folder()).resolve(f.fileName());
    }

    private Path dir(String box, List<String> folder) {
        Path p = boxes.resolve(requireBox(box));
        for (String segment : folder) {
            p = p.resolve(FOLDER_PREFIX + Segments.encode(segment));
        }
        return p;
    }

    private String unique() {
        byte[] b = new byte[12];
        RandomBits.shared().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String requireBox(String box) {
        if (box == null || !BOX.matcher(box).matches()) {
            throw new IllegalArgumentException("not a box directory name: '" + box + "'");
        }
        return box;
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> out = new ArrayList<>(path);
        out.add(segment);
        return List.copyOf(out);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + p, e);
        }
    }
}
