package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.seed.Cast;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sequence numbers stay right however the folder changed since a session last listed its UIDs: a FETCH's
 * copy of the UIDs answers later lookups only while nothing has left the folder (ImapFolder.msn).
 */
class SequenceNumbersIT extends StartedDemoStore {

    private void deliver(String subject) {
        store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", subject), Placement.inbox(ayla)));
    }

    private static String only(List<String> reply, String prefix) {
        List<String> found = new ArrayList<>();
        for (String l : reply) {
            if (l.startsWith(prefix)) {
                found.add(l);
            }
        }
        assertEquals(1, found.size(), reply.toString());
        return found.get(0);
    }

    @Test
    void aSearchAfterAnotherSessionsExpungeNamesTheNewSequenceNumbersAndAFetchOfOneMessageFindsIt() throws Exception {
        for (int i = 1; i <= 5; i++) {
            deliver("m" + i);
        }
        try (Transcript a = new Transcript(store.imapPort()); Transcript b = new Transcript(store.imapPort())) {
            assertTrue(a.tagged("a1", "LOGIN ayla " + Cast.PASSWORD).startsWith("a1 OK"));
            assertTrue(b.tagged("b1", "LOGIN ayla " + Cast.PASSWORD).startsWith("b1 OK"));
            a.imap("a2", "SELECT INBOX");
            b.imap("b2", "SELECT INBOX");
            assertEquals(5, a.imap("a3", "FETCH 1:* (UID)").stream().filter(l -> l.startsWith("* ") && l.contains("FETCH")).count());
            assertTrue(only(a.imap("a4", "FETCH 3 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])"), "Subject:").contains("m3"));
            assertTrue(b.tagged("b3", "STORE 2 +FLAGS (\\Deleted)").startsWith("b3 OK"));
            assertTrue(b.tagged("b4", "EXPUNGE").startsWith("b4 OK"));
            assertEquals("* SEARCH 1 2 3 4", only(a.imap("a5", "SEARCH ALL"), "* SEARCH"));
            assertEquals("* SEARCH 2", only(a.imap("a6", "SEARCH SUBJECT m3"), "* SEARCH"));
            assertTrue(only(a.imap("a7", "FETCH 2 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])"), "Subject:").contains("m3"));
            deliver("m6");
            assertEquals("* SEARCH 5", only(a.imap("a8", "SEARCH SUBJECT m6"), "* SEARCH"));
        }
    }
}
