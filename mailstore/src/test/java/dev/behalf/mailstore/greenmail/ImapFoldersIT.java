package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.core.Tokens;
import dev.behalf.policy.seed.Cast;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IMAP LIST patterns over the store's folders, and no reply naming the box's internal token. */
class ImapFoldersIT extends StartedDemoStore {
    private static List<String> names(List<String> reply) {
        List<String> out = new ArrayList<>();
        for (String l : reply) {
            if (l.startsWith("* LIST ") || l.startsWith("* LSUB ")) {
                out.add(l.substring(l.lastIndexOf(" \"") + 2, l.length() - 1));
            }
        }
        return out;
    }

    @Test
    void wildcardsMatchAnywhereInThePatternAndOnlyInTheSignedInBox() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN \"jimh\\\\ayla\" " + Cast.PASSWORD));
            assertTrue(t.tagged("a2", "CREATE \"Projects.2024.Q1\"").startsWith("a2 OK"));
            assertTrue(t.tagged("a3", "CREATE \"Sent Items.Old\"").startsWith("a3 OK"));
            assertEquals(List.of("INBOX", "Sent Items", "Sent Items.Old", "Projects", "Projects.2024", "Projects.2024.Q1"),
                    names(t.imap("l1", "LIST \"\" \"*\"")));
            assertEquals(List.of("INBOX", "Sent Items", "Projects"), names(t.imap("l2", "LIST \"\" \"%\"")));
            assertEquals(List.of("Sent Items"), names(t.imap("l3", "LIST \"\" \"S*Items\"")));
            assertEquals(List.of("Sent Items", "Sent Items.Old"), names(t.imap("l4", "LIST \"\" \"S*\"")));
            assertEquals(List.of("Sent Items.Old", "Projects.2024"), names(t.imap("l5", "LIST \"\" \"%.%\"")));
            assertEquals(List.of("Projects.2024.Q1"), names(t.imap("l6", "LIST \"\" \"*Q1\"")));
            assertEquals(List.of("Projects.2024", "Projects.2024.Q1"), names(t.imap("l7", "LIST \"Projects\" \"*\"")));
            assertEquals(List.of("INBOX"), names(t.imap("l8", "LIST \"\" \"inbox\"")));
            assertEquals(List.of(), names(t.imap("l9", "LIST \"\" \"#mail.*\"")));
            List<String> root = t.imap("l10", "LIST \"\" \"\"");
            assertEquals(List.of("* LIST (\\Noselect) \".\" \"\"", "l10 OK LIST completed."), root);
        }
    }

    @Test
    void noReplyToAnOddNameNamesTheBoxToken() throws Exception {
        String token = Tokens.of(ayla);
        String guid = ((MailboxKey.Mailbox) ayla).id().toString();
        String[] commands = {
                "LIST \"\" \"S*Items\"", "LIST \"\" \"*%*\"", "LIST \"\" \"%%.*\"", "LIST \"\" \".\"", "LIST \"\" \"..*\"",
                "LIST \"#mail\" \"*\"", "LIST \"\" \"#mail*\"", "LSUB \"\" \"I*X\"", "LIST \"\" \"*.*.*\"",
                "SELECT \"a*b\"", "SELECT \"#mail\"", "SELECT \"\"", "EXAMINE \".INBOX\"", "STATUS \"nope\" (MESSAGES)",
                "STATUS \"\" (MESSAGES)", "CREATE \".x\"", "CREATE \"#mail.x\"", "CREATE \"INBOX\"", "DELETE \"#mail\"",
                "DELETE \"nope\"", "DELETE \"INBOX\"", "RENAME INBOX \"..\"", "RENAME \"nope\" \"x\"", "RENAME \"Sent Items\" \"INBOX\"",
                "SUBSCRIBE \"#mail.x\"", "SUBSCRIBE \"nope\"", "UNSUBSCRIBE \"..\"", "APPEND \"nope\" {3+}\r\nabc",
                "COPY 1 \"nope\"", "MOVE 1 \"nope\""};
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla " + Cast.PASSWORD));
            int n = 0;
            for (String c : commands) {
                if (c.startsWith("COPY") || c.startsWith("MOVE")) {
                    t.imap("s" + n, "SELECT INBOX");
                }
                List<String> reply = t.imap("c" + ++n, c);
                for (String line : reply) {
                    assertTrue(!line.contains(token) && !line.contains(guid), c + " -> " + line);
                }
            }
            assertTrue(t.tagged("z", "NOOP").startsWith("z OK"), "the session survived every one");
        }
    }
}
