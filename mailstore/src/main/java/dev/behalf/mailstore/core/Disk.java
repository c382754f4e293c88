package dev.behalf.mailstore.core;

import dev.behalf.mailstore.durable.Maildir;
import dev.behalf.mailstore.durable.Maildir.MessageFile;

import java.util.List;
import java.util.Optional;

/** Where the store makes changes durable: a {@link Maildir}, or nowhere for an in-memory store. */
interface Disk {

    /** False for memory only: the store then keeps no file names and no pending flag changes. */
    boolean durable();

    void createFolder(String box, List<String> path);

    void deleteFolder(String box, List<String> path);

    void renameFolder(String box, List<String> from, List<String> to);

    void deliver(List<MessageFile> copies, byte[] bytes);

    void write(MessageFile file, byte[] bytes);

    void link(MessageFile existing, MessageFile copy);

    void renameAll(List<Maildir.Rename> renames);

    void removeAll(List<MessageFile> files);

    Optional<Maildir.Contents> load();

    byte[] read(MessageFile file);

    Object fileKey(MessageFile file);

    static Disk of(Optional<Maildir> maildir) {
        return maildir.<Disk>map(OnMaildir::new).orElseGet(InMemory::new);
    }

    /** Memory only: nothing to write, nothing to load. */
    final class InMemory implements Disk {
        @Override public boolean durable() { return false; }
        @Override public void createFolder(String box, List<String> path) { }
        @Override public void deleteFolder(String box, List<String> path) { }
        @Override public void renameFolder(String box, List<String> from, List<String> to) { }
        @Override public void deliver(List<MessageFile> copies, byte[] bytes) { }
        @Override public void write(MessageFile file, byte[] bytes) { }
        @Override public void link(MessageFile existing, MessageFile copy) { }
        @Override public void renameAll(List<Maildir.Rename> renames) { }
        @Override public void removeAll(List<MessageFile> files) { }
        @Override public Optional<Maildir.Contents> load() { return Optional.empty(); }

        @Override
        public byte[] read(MessageFile file) {
            throw new IllegalStateException("an in-memory store has no files");
        }

        @Override
        public Object fileKey(MessageFile file) {
            throw new IllegalStateException("an in-memory store has no files");
        }
    }

    /** Every change written through to the data dir before the caller goes on. */
    final class OnMaildir implements Disk {
        private final Maildir maildir;

        OnMaildir(Maildir maildir) {
            this.maildir = maildir;
        }

        @Override public boolean durable() { return true; }
        @Override public void createFolder(String box, List<String> path) { maildir.createFolder(box, path); }
        @Override public void deleteFolder(String box, List<String> path) { maildir.deleteFolder(box, path); }
        @Override public void renameFolder(String box, List<String> from, List<String> to) { maildir.renameFolder(box, from, to); }
        @Override public void deliver(List<MessageFile> copies, byte[] bytes) { maildir.deliver(copies, bytes); }
        @Override public void write(MessageFile file, byte[] bytes) { maildir.write(file, bytes); }
        @Override public void link(MessageFile existing, MessageFile copy) { maildir.link(existing, copy); }
        @Override public void renameAll(List<Maildir.Rename> renames) { maildir.renameAll(renames); }
        @Override public void removeAll(List<MessageFile> files) { maildir.removeAll(files); }
        @Override public Optional<Maildir.Contents> load() { return Optional.of(maildir.load()); }
        @Override public byte[] read(MessageFile file) { return maildir.read(file); }
        @Override public Object fileKey(MessageFile file) { return maildir.fileKey(file); }
    }
}
