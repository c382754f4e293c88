package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MessageSummary;
import dev.behalf.policy.seed.Cast;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.behalf.mailstore.greenmail.RawImap.item;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IMAP APPEND over a real socket stores the literal's octets as sent, and the store, FETCH and the store's
 * API read back exactly those; a literal that breaks the line rule is refused with where, and nothing is
 * stored. GreenMail's APPEND stored Jakarta Mail's rewrite of the literal (a header section without its
 * blank line got one, a bare LF in the header became CR LF): the first two tests fail with it.
 */
class ImapAppendIT extends StartedDemoStore {
    private static final Pattern APPENDUID = Pattern.compile("OK \\[APPENDUID (\\d+) (\\d+)] APPEND completed\\.");

    private RawImap signedIn() throws IOException {
        RawImap raw = new RawImap(store.imapPort());
        assertTrue(raw.command("LOGIN ayla " + Cast.PASSWORD).contains("OK"));
        return raw;
    }

    private static String append(RawImap imap, String arguments, String literal) throws IOException {
        int octets = literal.getBytes(StandardCharsets.ISO_8859_1).length;
        return imap.command("APPEND " + arguments + " {" + octets + "+}\r\n" + literal);
    }

    private List<MessageSummary> inbox() {
        return store.list(ayla, "Inbox");
    }

    @Test
    void theLiteralIsStoredAsSentAndEveryReaderGetsItsOctets() throws Exception {
        String[] literals = {
                // Folded, with trailing and doubled spaces, a header name in odd case, 8-bit octets, no final line end.
                "fRoM: Ayla <ayla@contoso.com>\r\nSubject:  two  spaces  \r\n\tfolded \r\nX-Raw: caf\u00e9\r\n\r\n"
                        + ".\r\nline with trailing space \r\n\r\n\r\nlast line without an end",
                // A header section that ends the message, without the blank line (Jakarta Mail wrote one in).
                "Subject: only a header\r\nX-Note: nothing follows\r\n",
                // No header at all.
                "\r\njust a body\r\n",
        };
        try (RawImap imap = signedIn()) {
            for (int i = 0; i < literals.length; i++) {
                String literal = literals[i];
                String date = "04-Dec-2026 10:11:1" + i + " +0000";
                String reply = append(imap, "INBOX (\\Flagged) \"" + date + "\"", literal);
                Matcher uid = APPENDUID.matcher(reply);
                assertTrue(uid.find(), reply);
                assertTrue(imap.command("SELECT INBOX").contains("OK"));
                String fetched = imap.command("UID FETCH " + uid.group(2) + " (FLAGS INTERNALDATE BODY.PEEK[])");
                assertEquals(literal, item(fetched, "BODY[]"));
                assertTrue(fetched.contains("\\Flagged"), fetched);
                assertTrue(fetched.contains("INTERNALDATE \"" + date + "\""), fetched);
                Instant received = Instant.parse("2026-12-04T10:11:1" + i + "Z");
                MessageSummary stored = inbox().stream().filter(m -> m.received().equals(received)).findFirst().orElseThrow();
                assertArrayEquals(literal.getBytes(StandardCharsets.ISO_8859_1), store.fetch(stored.id()).orElseThrow().raw());
            }
            assertEquals(literals.length, inbox().size());
        }
    }

    @Test
    void aLiteralThatBreaksTheLineRuleIsRefusedWithWhereAndNothingIsStored() throws Exception {
        String[][] refused = {
                {"Subject: a\nFrom: evil@example.com\r\n\r\nx", "bare LF at offset 10"},
                {"Subject: a\rFrom: evil@example.com\r\n\r\nx", "bare CR at offset 10"},
                {"Subject: a\r\n\r\nbody\nmore\r\n", "bare LF at offset 18"},
                {"Subject: a\r\n\r\nnul \0 here\r\n", "NUL byte at offset 18"},
        };
        try (RawImap imap = signedIn()) {
            for (String[] r : refused) {
                String reply = append(imap, "INBOX", r[0]);
                assertTrue(reply.contains(" NO APPEND failed. The message breaks the line rule"), reply);
                assertTrue(reply.contains(r[1] + "; nothing was stored"), reply);
            }
            assertTrue(imap.command("STATUS INBOX (MESSAGES)").contains("(MESSAGES 0)"));
            assertEquals(List.of(), inbox());
            // The session goes on: the next APPEND on it is stored.
            assertTrue(APPENDUID.matcher(append(imap, "INBOX", "Subject: fine\r\n\r\nx\r\n")).find());
            assertEquals(1, inbox().size());
        }
    }

    @Test
    void aMissingFolderIsTryCreateAndBadArgumentsAreBadAsInGreenMail() throws Exception {
        try (RawImap anonymous = new RawImap(store.imapPort())) {
            String reply = anonymous.command("APPEND INBOX {3}");
            assertTrue(reply.contains(" NO APPEND failed. Command not valid in this state"), reply);
        }
        try (RawImap imap = signedIn()) {
            String missing = append(imap, "\"No such folder\"", "Subject: x\r\n\r\nx");
            assertTrue(missing.contains(" NO [TRYCREATE] APPEND failed. No such folder"), missing);
            String bad = imap.command("APPEND INBOX");
            assertTrue(bad.contains(" BAD ") && bad.contains("Command should be '" + ImapAppend.SYNTAX + "'"), bad);
            assertTrue(imap.command("NOOP").contains("OK"));
        }
        assertEquals(List.of(), inbox());
    }
}
