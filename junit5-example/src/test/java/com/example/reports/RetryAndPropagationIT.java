package com.example.reports;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.junit.BehalfExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rehearses two Exchange Online failure modes an app must survive (issue 14.5): throttling that a
 * retry gets through, and a grant that is not yet in force when it was just made.
 */
class RetryAndPropagationIT {

    @RegisterExtension
    static BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    /** The app under test: sends, and retries a transient (4xx) refusal a bounded number of times. */
    static int sendWithRetries(MimeMessage mail, int attempts, List<String> refusals) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                Transport.send(mail);
                return attempt;
            } catch (MessagingException e) {
                String reply = e.getMessage() + (e.getNextException() == null ? "" : " " + e.getNextException().getMessage());
                refusals.add(reply);
                if (attempt == attempts || !reply.contains("451")) {
                    throw e;
                }
            }
        }
    }

    @Test
    void aClientThatRetriesOn451GetsThroughOnTheThirdTry() throws Exception {
        behalf.addFault(FaultRule.of("busy", FaultRule.Stage.MAIL, FaultRule.Reply.SERVER_BUSY).account("hollyh").next(2));
        MimeMessage mail = new MimeMessage(behalf.session("hollyh"));
        mail.setFrom("hollyh@contoso.com");
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jimh@contoso.com"));
        mail.setSubject("Weekly numbers");
        mail.setText("Here they are.");

        List<String> refusals = new ArrayList<>();
        int attempts = sendWithRetries(mail, 5, refusals);

        assertEquals(3, attempts, "two 451s, then accepted: " + refusals);
        assertTrue(refusals.stream().allMatch(r -> r.contains("451 4.7.500 Server busy. Please try again later.")), refusals.toString());
        behalf.awaitMessage("jimh", "Weekly numbers");
        List<DecisionRecord> faults = behalf.server().decisions().query(java.util.Optional.empty(), java.util.Optional.of("Fault"), 10);
        assertEquals(2, faults.size(), "each faulted reply is recorded");
        assertTrue(faults.get(0).because().get(0).startsWith("fault rule 'busy' (MAIL, account hollyh, next 2)"), faults.get(0).because().toString());
        assertEquals(1, behalf.server().store().list(dev.behalf.mailstore.MailboxKey.of(behalf.server().directory().current(),
                dev.behalf.policy.directory.SmtpAddress.parse("jimh@contoso.com")).orElseThrow(), "INBOX").size(), "delivered once");
    }

    @Test
    void aGrantMadeWithADelayRefusesUntilItIsInForce() throws Exception {
        behalf.shell("Add-RecipientPermission -Identity terrya -Trustee raymonds -AccessRights SendAs -PropagationDelay 00:02:00 -Confirm:$false");
        BehalfExtension.Send send = () -> {
            MimeMessage mail = new MimeMessage(behalf.session("raymonds"));
            mail.setFrom("terrya@contoso.com");
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jimh@contoso.com"));
            mail.setSubject("As Terry");
            mail.setText("Sent as Terry.");
            Transport.send(mail);
        };

        DecisionRecord refused = behalf.assertRefused(send);
        assertTrue(refused.because().stream().anyMatch(b -> b.startsWith("granted, not yet in force: SendAs takes effect at ")),
                refused.because().toString());

        behalf.advanceClock(Duration.ofMinutes(2));
        send.run();
        behalf.assertSentAs(behalf.awaitMessage("jimh", "As Terry"), "terrya");
    }
}
