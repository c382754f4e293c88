package dev.behalf.gateway.it;

import dev.behalf.policy.seed.Cast;
import dev.behalf.fixtures.JakartaMail;
import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.junit.BehalfExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --propagation-delay} through every surface that shows a decision (issue 14.5): the record and its
 * JSON, Explain, and {@code GET /api/grants/pending}; a removal keeps the grant in force until its time.
 */
class PropagationIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory().configure(b -> b.propagationDelay(Duration.ofHours(1)));

    private static void send(String login, String from, String subject) throws Exception {
        Transport.send(JakartaMail.message(behalf.session(login), from, "jimh@contoso.com", subject));
    }

    @Test
    void anAddedGrantIsListedPendingRefusedAndExplainedUntilItIsInForce() throws Exception {
        behalf.shell("Add-RecipientPermission -Identity terrya -Trustee raymonds -AccessRights SendAs -Confirm:$false");

        JsonNode pending = Http.get(behalf.httpPort(), "/api/grants/pending").json();
        assertEquals(1, pending.size(), pending.toString());
        assertEquals("Terry Adams", pending.get(0).get("target").asText());
        assertEquals("Raymond Sam", pending.get(0).get("added").get("sendAs").get(0).asText());
        String at = pending.get(0).get("inForceAt").asText();

        assertThrows(MessagingException.class, () -> send("raymonds", "terrya@contoso.com", "too soon"));
        DecisionRecord refused = behalf.lastDecision().orElseThrow();
        String note = "granted, not yet in force: SendAs takes effect at " + at
                + " (Add-RecipientPermission -Identity terrya -Trustee raymonds -AccessRights SendAs -Confirm:$false)";
        assertTrue(refused.because().contains(note), refused.because().toString());
        JsonNode json = Http.get(behalf.httpPort(), "/api/decisions/" + refused.id()).json();
        assertTrue(json.get("because").toString().contains("granted, not yet in force"), json.toString());

        JsonNode explained = Http.get(behalf.httpPort(), "/api/admin/explain?account=raymonds&from=terrya%40contoso.com").json();
        assertEquals("Denied", explained.get("outcome").asText());
        assertEquals(note, explained.get("propagation").asText());

        behalf.advanceClock(Duration.ofHours(1));
        send("raymonds", "terrya@contoso.com", "in force");
        assertEquals("SendAs", behalf.lastDecision().orElseThrow().outcome());
        assertEquals(0, Http.get(behalf.httpPort(), "/api/grants/pending").json().size());
    }

    @Test
    void fullAccessOverImapWaitsForTheDelayToo() throws Exception {
        behalf.shell("Add-MailboxPermission -Identity terrya -User raymonds -AccessRights FullAccess -Confirm:$false");
        assertTrue(!Imap.canSignIn(behalf.imapPort(), "raymonds\\terrya", Cast.PASSWORD), "not yet in force");
        behalf.advanceClock(Duration.ofHours(1));
        assertTrue(Imap.canSignIn(behalf.imapPort(), "raymonds\\terrya", Cast.PASSWORD));
    }

    @Test
    void aRemovedGrantStillSendsUntilTheRemovalIsInForce() throws Exception {
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh -PropagationDelay 0");
        send("hollyh", "seanc@contoso.com", "granted at once");
        assertEquals("SendOnBehalf", behalf.lastDecision().orElseThrow().outcome());

        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo @{Remove='hollyh'} -PropagationDelay 00:05:00");
        send("hollyh", "seanc@contoso.com", "still allowed");
        DecisionRecord allowed = behalf.lastDecision().orElseThrow();
        assertEquals("SendOnBehalf", allowed.outcome());
        assertTrue(allowed.because().stream().anyMatch(b -> b.startsWith("removed, still in force until ") && b.endsWith(": then Denied")),
                allowed.because().toString());

        behalf.advanceClock(Duration.ofMinutes(5));
        assertThrows(MessagingException.class, () -> send("hollyh", "seanc@contoso.com", "now refused"));
    }
}
