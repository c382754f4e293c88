package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.durable.Maildir;
import dev.behalf.mailstore.durable.Maildir.MessageFile;

import java.util.List;
import java.util.Optional;

/** Where the mirror makes changes durable: a {@link Maildir}, or nowhere for an in-memory store. */
interface Disk {

    void createFolder(String box, List<String> path);

    void deleteFolder(String box, List<String> path);

    void renameFolder(String box, List<String> from, List<String> to);

    void deliver(List<MessageFile> copies, byte[] bytes);

    void write(MessageFile file, byte[] bytes);

    void move(MessageFile from, MessageFile to);

    void remove(MessageFile file);

    Optional<Maildir.Contents> load();

    byte[] read(MessageFile file);

    static Disk of(Optional<Maildir> maildir) {
        return maildir.<Disk>map(OnMaildir::new).orElseGet(InMemory::new);
    }

    /** Memory only: nothing to write, nothing to load. */
    final class InMemory implements Disk {
        @Override public void createFolder(String box, List<String> path) { }
        @Override public void deleteFolder(String box, List<String> path) { }
        @Override public void renameFolder(String box, List<String> from, List<String> to) { }
        @Override public void deliver(List<MessageFile> copies, byte[] bytes) { }
        @Override public void write(MessageFile file, byte[] bytes) { }
        @Override public void move(MessageFile from, MessageFile to) { }
        @Override public void remove(MessageFile file) { }
        @Override public Optional<Maildir.Contents> load() { return Optional.empty(); }

        @Override
        public byte[] read(MessageFile file) {
            throw new IllegalStateException("an in-memory store has no files");
        }
    }

    /** Every change written through to the data dir before the caller goes on. */
    final class OnMaildir implements Disk {
        private final Maildir maildir;

        OnMaildir(Maildir maildir) {
            this.maildir = maildir;
        }

        @Override public void createFolder(String box, List<String> path) { maildir.createFolder(box, path); }
        @Override public void deleteFolder(String box, List<String> path) { maildir.deleteFolder(box, path); }
        @Override public void renameFolder(String box, List<String> from, List<String> to) { maildir.renameFolder(box, from, to); }
        @Override public void deliver(List<MessageFile> copies, byte[] bytes) { maildir.deliver(copies, bytes); }
        @Override public void write(MessageFile file, byte[] bytes) { maildir.write(file, bytes); }
        @Override public void move(MessageFile from, MessageFile to) { maildir.move(from, to); }
        @Override public void remove(MessageFile file) { maildir.remove(file); }
        @Override public Optional<Maildir.Contents> load() { return Optional.of(maildir.load()); }
        @Override public byte[] read(MessageFile file) { return maildir.read(file); }
    }
}
