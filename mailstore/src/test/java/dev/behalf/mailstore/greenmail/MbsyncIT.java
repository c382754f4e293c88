package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's isync ({@code mbsync}), a strict IMAP client, syncs a delegated mailbox as
 * {@code delegate\mailbox} into a local Maildir and back: INBOX and Sent Items, the message bytes,
 * and flags in both directions. mbsync keeps local files with the platform's line ends (LF), sends
 * CRLF, and writes its own {@code X-TUID} header into each message it stores (to find it again after a
 * crash); bytes are compared with those two of mbsync's changes undone, and nothing else.
 */
class MbsyncIT {
    @TempDir
    Path dir;

    private LiveDirectory live;
    private GreenMailStore store;
    private MailboxKey ayla;
    private Path local;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(installed(), "mbsync (Debian package isync) is not installed");
        live = DemoDirectory.live();
        store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).build().start();
        ayla = Demo.mailbox(live, "ayla");
        local = dir.resolve("mail");
        Files.createDirectories(local);
        // mbsync's own syntax: a quoted string in which a backslash is written twice.
        String rc = String.join("\n",
                "IMAPAccount behalf",
                "Host 127.0.0.1",
                "Port " + store.imapPort(),
                "User \"jimh\\\\ayla\"",
                "Pass " + Cast.PASSWORD,
                "SSLType None",
                "AuthMechs LOGIN",
                "",
                "IMAPStore far",
                "Account behalf",
                "",
                "MaildirStore near",
                "Path " + local + "/",
                "Inbox " + local.resolve("INBOX"),
                "SubFolders Verbatim",
                "",
                "Channel ayla",
                "Far :far:",
                "Near :near:",
                "Patterns *",
                "Create Both",
                "SyncState *",
                "Sync All",
                "Expunge Both",
                "");
        Files.writeString(dir.resolve("mbsyncrc"), rc, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    private static boolean installed() {
        try {
            Process p = new ProcessBuilder("mbsync", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void sync() throws Exception {
        Process p = new ProcessBuilder("mbsync", "-c", dir.resolve("mbsyncrc").toString(), "-a")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "mbsync did not finish: " + out);
        assertEquals(0, p.exitValue(), "mbsync failed:\n" + out);
    }

    /** The local Maildir's messages of a folder (new/ and cur/). */
    private List<Path> files(String folder) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String sub : new String[]{"new", "cur"}) {
            Path d = local.resolve(folder).resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    out.addAll(s.toList());
                }
            }
        }
        return out;
    }

    private Path fileWith(String folder, String subject) throws IOException {
        for (Path p : files(folder)) {
            if (Files.readString(p, StandardCharsets.ISO_8859_1).contains("\nSubject: " + subject + "\n")) {
                return p;
            }
        }
        throw new AssertionError("no local message '" + subject + "' in " + folder + ": " + files(folder));
    }

    /** A local file as the server sent it: mbsync's one X-TUID header line taken out, every LF preceded by a CR. */
    private static byte[] asSent(Path p) throws IOException {
        String local = Files.readString(p, StandardCharsets.ISO_8859_1);
        assertTrue(!local.contains("\r"), "mbsync keeps LF line ends locally");
        String withoutTuid = local.replaceFirst("(?m)^X-TUID: [^\n]*\n", "");
        assertEquals(local.length(), withoutTuid.length() + "X-TUID: ".length() + 13, "one X-TUID line of 12 characters");
        return withoutTuid.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Maildir flags are the letters after {@code :2,} in the file name. */
    private static String localFlags(Path p) {
        String name = p.getFileName().toString();
        int i = name.indexOf(":2,");
        return i < 0 ? "" : name.substring(i + 3);
    }

    private MessageSummary stored(String folder, String subject) {
        return store.list(ayla, folder).stream().filter(s -> s.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no stored '" + subject + "' in " + folder));
    }

    /** Flags as Behalf serves them, read over IMAP by the owner. */
    private String imapFlags(String folder, String subject) throws IOException {
        try (Transcript t = new Transcript(store.imapPort())) {
            t.tagged("a1", "LOGIN ayla " + Cast.PASSWORD);
            t.imap("a2", "EXAMINE \"" + folder + "\"");
            List<String> lines = t.imap("a3", "SEARCH SUBJECT \"" + subject + "\"");
            String msn = lines.get(0).replace("* SEARCH ", "").strip();
            return t.imap("a4", "FETCH " + msn + " (FLAGS)").get(0);
        }
    }

    @Test
    void aDelegatedMailboxSurvivesTheRoundTripWithItsSentItemsBytesAndFlags() throws Exception {
        byte[] inbound = Demo.message("Terry Adams <terrya@contoso.com>", "ayla@contoso.com", "for ayla");
        byte[] sent = Demo.message("Ayla Kol <ayla@contoso.com>", "terrya@contoso.com", "sent by ayla");
        store.deliver(Demo.delivery(inbound, Placement.inbox(ayla)));
        store.deliver(Demo.delivery(sent, Placement.sentItems(ayla)));
        store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "flag me in Behalf"),
                Placement.inbox(ayla)));

        sync();
        assertArrayEquals(inbound, asSent(fileWith("INBOX", "for ayla")), "INBOX bytes");
        assertArrayEquals(sent, asSent(fileWith(Folders.SENT_ITEMS, "sent by ayla")), "Sent Items bytes");
        assertEquals(2, files("INBOX").size());

        // Local to Behalf: the delegate reads and flags a message, and writes one into Sent Items.
        Path read = fileWith("INBOX", "for ayla");
        Path cur = read.resolveSibling("..").resolve("cur").normalize();
        String base = read.getFileName().toString();
        base = base.contains(":2,") ? base.substring(0, base.indexOf(":2,")) : base;
        Files.move(read, cur.resolve(base + ":2,FS"));
        String written = "From: Ayla Kol <ayla@contoso.com>\nTo: terrya@contoso.com\nSubject: written offline\n"
                + "Message-ID: <offline-1@contoso.com>\n\nDrafted on the train.\n";
        Path offlineFile = local.resolve(Folders.SENT_ITEMS).resolve("new").resolve("1700000000.offline.host");
        Files.writeString(offlineFile, written, StandardCharsets.US_ASCII);
        // Behalf to local: a flag set in Behalf (by the owner, over IMAP).
        try (Transcript t = new Transcript(store.imapPort())) {
            t.tagged("b1", "LOGIN ayla " + Cast.PASSWORD);
            t.imap("b2", "SELECT INBOX");
            List<String> hit = t.imap("b3", "SEARCH SUBJECT \"flag me in Behalf\"");
            String msn = hit.get(0).replace("* SEARCH ", "").strip();
            assertTrue(t.tagged("b4", "STORE " + msn + " +FLAGS (\\Flagged \\Answered)").startsWith("b4 OK"));
        }

        sync();
        assertTrue(stored("INBOX", "for ayla").seen(), "\\Seen set locally reached Behalf");
        String flags = imapFlags("INBOX", "for ayla");
        assertTrue(flags.contains("\\Flagged") && flags.contains("\\Seen"), flags);
        MessageSummary offline = stored(Folders.SENT_ITEMS, "written offline");
        String raw = new String(store.fetch(offline.id()).orElseThrow().raw(), StandardCharsets.ISO_8859_1);
        String withoutTuid = raw.replaceFirst("(?m)^X-TUID: [^\r]*\r\n", "");
        assertEquals(raw.length(), withoutTuid.length() + "X-TUID: ".length() + 14, "mbsync's one X-TUID line, and no other change");
        assertEquals(written.replace("\n", "\r\n"), withoutTuid, "an appended message is stored as sent");
        assertEquals(Optional.of("<offline-1@contoso.com>"), offline.messageId());
        String pulled = localFlags(fileWith("INBOX", "flag me in Behalf"));
        assertTrue(pulled.contains("F") && pulled.contains("R"), "flags set in Behalf reached the local copy: '" + pulled + "'");

        // A third run has nothing to do and changes nothing.
        List<MessageSummary> before = new ArrayList<>(store.list(ayla, "INBOX"));
        before.addAll(store.list(ayla, Folders.SENT_ITEMS));
        sync();
        List<MessageSummary> after = new ArrayList<>(store.list(ayla, "INBOX"));
        after.addAll(store.list(ayla, Folders.SENT_ITEMS));
        assertEquals(before, after);
        assertEquals(2, files(Folders.SENT_ITEMS).size());
    }
}
