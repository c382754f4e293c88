package dev.behalf.mailstore;

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
import dev.behalf.policy.identity.Resolution;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The demo directory ({@code config/directory.yaml}) and the cast the tests use. */
public final class Demo {
    public static final String PASSWORD = "P@ssw0rd";

    private Demo() {
    }

    public static Directory directory() {
        return DirectoryLoader.load(Path.of("..", "config"));
    }

    /** A fresh live directory over the demo, journaling nowhere. */
    public static LiveDirectory live() {
        return new LiveDirectory(directory(), ChangeJournal.none());
    }

    public static Recipient recipient(Directory d, String identity) {
        if (d.resolve(identity) instanceof Resolution.Found f) {
            return f.recipient();
        }
        throw new IllegalArgumentException("the demo has no single '" + identity + "'");
    }

    public static MailboxKey mailbox(LiveDirectory live, String identity) {
        return new MailboxKey.Mailbox(recipient(live.current(), identity).id());
    }

    /** Add-MailboxPermission -Identity mailbox -User trustee -AccessRights FullAccess [-Deny]. */
    public static void fullAccess(LiveDirectory live, String mailbox, String trustee, AccessControl control) {
        Directory d = live.current();
        Recipient m = recipient(d, mailbox);
        List<FullAccessEntry> entries = new ArrayList<>(m.fullAccess());
        entries.add(new FullAccessEntry(recipient(d, trustee).id(), control, InheritanceType.All, true));
        put(live, m.toBuilder().fullAccess(entries).build(), "Add-MailboxPermission " + mailbox + " " + trustee);
    }

    /** Remove-MailboxPermission -Identity mailbox -User trustee -AccessRights FullAccess. */
    public static void removeFullAccess(LiveDirectory live, String mailbox, String trustee) {
        Directory d = live.current();
        Recipient m = recipient(d, mailbox);
        Recipient t = recipient(d, trustee);
        put(live, m.toBuilder().fullAccess(m.fullAccess().stream().filter(e -> !e.trustee().equals(t.id())).toList()).build(),
                "Remove-MailboxPermission " + mailbox + " " + trustee);
    }

    public static void put(LiveDirectory live, Recipient r, String origin) {
        live.apply(new ChangeSet(List.of(new DirectoryChange.Put(r)), origin));
    }

    /** A small RFC 5322 message with CRLF line ends. */
    public static byte[] message(String from, String to, String subject) {
        return message(from, to, subject, UUID.randomUUID().toString());
    }

    public static byte[] message(String from, String to, String subject, String submissionId) {
        String text = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@contoso.com>\r\n"
                + "X-MS-Exchange-Organization-Network-Message-Id: " + submissionId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + "Hello from the tests.\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Delivery delivery(byte[] message, Placement... placements) {
        return new Delivery(UUID.randomUUID().toString(), message, List.of(placements));
    }
}
