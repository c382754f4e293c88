package dev.behalf.policy.seed;

import dev.behalf.policy.change.ChangeJournal;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.identity.Resolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled demo directory ({@code config/directory.yaml}, the seed's Contoso cast), optionally with
 * a case's additions merged on top through {@link DirectoryLoader#parse}, as a second file; and the
 * lookups and grant edits tests make on it. The one copy for every module's tests: the others get it
 * through {@code behalf-test-fixtures} (the people themselves are in {@link Cast}).
 */
public final class DemoDirectory {
    public static final Path CONFIG = Path.of("..", "config");
    public static final String DEMO_FILE = "config/directory.yaml";
    public static final String CASE_FILE = "case.yaml";

    private DemoDirectory() {
    }

    public static String text() {
        try {
            return Files.readString(CONFIG.resolve("directory.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Directory load() {
        return DirectoryLoader.load(CONFIG);
    }

    /** A fresh live directory over the demo, journaling nowhere. */
    public static LiveDirectory live() {
        return new LiveDirectory(load(), ChangeJournal.none());
    }

    /** The demo directory plus {@code additions} (YAML: more recipients and grants), or the demo alone when blank. */
    public static Directory with(String additions) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DEMO_FILE, text());
        if (additions != null && !additions.isBlank()) {
            files.put(CASE_FILE, additions);
        }
        return DirectoryLoader.parse(files);
    }

    /** The object {@code identity} names; fails the test when it names none or several. */
    public static Recipient find(Directory d, String identity) {
        Resolution r = d.resolve(identity);
        if (r instanceof Resolution.Found f) {
            return f.recipient();
        }
        throw new AssertionError("'" + identity + "' does not name exactly one object: " + r);
    }

    public static RecipientId id(Directory d, String identity) {
        return find(d, identity).id();
    }

    /** Add-MailboxPermission -Identity mailbox -User trustee -AccessRights FullAccess [-Deny]. */
    public static void fullAccess(LiveDirectory live, String mailbox, String trustee, AccessControl control) {
        Directory d = live.current();
        Recipient m = find(d, mailbox);
        List<FullAccessEntry> entries = new ArrayList<>(m.fullAccess());
        entries.add(new FullAccessEntry(find(d, trustee).id(), control, InheritanceType.All, true));
        put(live, m.toBuilder().fullAccess(entries).build(), "Add-MailboxPermission " + mailbox + " " + trustee);
    }

    /** Remove-MailboxPermission -Identity mailbox -User trustee -AccessRights FullAccess. */
    public static void removeFullAccess(LiveDirectory live, String mailbox, String trustee) {
        Directory d = live.current();
        Recipient m = find(d, mailbox);
        Recipient t = find(d, trustee);
        put(live, m.toBuilder().fullAccess(m.fullAccess().stream().filter(e -> !e.trustee().equals(t.id())).toList()).build(),
                "Remove-MailboxPermission " + mailbox + " " + trustee);
    }

    /** Puts {@code r} into the live directory as one change set from {@code origin}. */
    public static void put(LiveDirectory live, Recipient r, String origin) {
        live.apply(new ChangeSet(List.of(new DirectoryChange.Put(r)), origin));
    }

    /**
     * Adds {@code trustees} to the {@code GrantSendOnBehalfTo} of {@code target}, as
     * {@code Set-Mailbox -GrantSendOnBehalfTo @{Add=...}} would (the loader sets that list only on new objects).
     */
    public static Directory grantSendOnBehalf(Directory d, String target, List<String> trustees) {
        Recipient t = find(d, target);
        List<RecipientId> list = new ArrayList<>(t.grantSendOnBehalfTo());
        for (String trustee : trustees) {
            list.add(find(d, trustee).id());
        }
        return d.apply(List.of(new DirectoryChange.Put(t.toBuilder().grantSendOnBehalfTo(list).build())));
    }
}
