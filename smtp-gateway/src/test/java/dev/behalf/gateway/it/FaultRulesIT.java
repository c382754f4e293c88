package dev.behalf.gateway.it;

import dev.behalf.policy.seed.Cast;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.faults.FaultRule.Reply;
import dev.behalf.gateway.faults.FaultRule.Stage;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault rules at each SMTP stage, as transcripts on a raw socket: the reply line, the state after it, the record. */
class FaultRulesIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private SmtpClient signedIn(String account) throws Exception {
        SmtpClient s = new SmtpClient(behalf.smtpPort());
        assertTrue(s.login(account, Cast.PASSWORD).startsWith("235 "));
        return s;
    }

    @Test
    void aRcptFaultAnswersEveryRecipientOfThatTransactionSoNothingIsDelivered() throws Exception {
        behalf.addFault(FaultRule.of("recipients", Stage.RCPT, Reply.TOO_MANY_RECIPIENTS).from("terrya@contoso.com").next(1));
        try (SmtpClient s = signedIn("terrya")) {
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            assertEquals("452 4.5.3 Too many recipients", s.send("RCPT TO:<jimh@contoso.com>"));
            assertEquals("452 4.5.3 Too many recipients", s.send("RCPT TO:<seanc@contoso.com>"), "the same transaction");
            assertEquals("503 5.5.1 Need RCPT command", s.send("DATA"));
            assertEquals("250 2.0.0 Resetting", s.send("RSET"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jimh@contoso.com>"), "next 1: the rule is used up");
        }
        List<DecisionRecord> faults = behalf.server().decisions().query(Optional.empty(), Optional.of("Fault"), 10);
        assertEquals(1, faults.size(), "one record per fault fired, not per repeated reply");
        assertEquals("RCPT", faults.get(0).stage());
        assertEquals(List.of("jimh@contoso.com"), faults.get(0).rcptTo());
        assertEquals("452 4.5.3 Too many recipients", faults.get(0).reply());
    }

    @Test
    void aDataFaultIsAnsweredAfterTheWholeMessageAndNothingIsStored() throws Exception {
        behalf.addFault(FaultRule.of("threads", Stage.DATA, Reply.SENDER_THREAD_LIMIT).account("Terry Adams").next(1));
        try (SmtpClient s = signedIn("terrya@contoso.com")) {
            s.send("MAIL FROM:<terrya@contoso.com>");
            s.send("RCPT TO:<jimh@contoso.com>");
            assertTrue(s.send("DATA").startsWith("354"));
            s.write("From: terrya@contoso.com\r\nSubject: throttled\r\n\r\nMAIL FROM:<x@contoso.com>\r\n.\r\n");
            assertEquals("432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded", s.reply());
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"), "the body ran nothing; the session goes on");
        }
        assertTrue(behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("jimh").id()), Folders.INBOX).isEmpty());
        DecisionRecord fault = behalf.lastDecision().orElseThrow();
        assertEquals("Fault", fault.outcome());
        assertEquals("DATA", fault.stage());
        assertEquals(List.of("fault rule 'threads' (DATA, account Terry Adams, next 1) 1 of 1"), fault.because());
    }

    @Test
    void a421FaultClosesTheConnectionAndOtherAccountsAreNotAnswered() throws Exception {
        behalf.addFault(FaultRule.of("down", Stage.MAIL, Reply.SERVICE_UNAVAILABLE).account("hollyh"));
        try (SmtpClient s = signedIn("terrya")) {
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"), "the rule is Holly's");
        }
        try (SmtpClient s = signedIn("hollyh")) {
            assertEquals("421 4.3.2 Service not available, closing transmission channel", s.send("MAIL FROM:<hollyh@contoso.com>"));
            assertTrue(s.closedByServer(), "RFC 5321 3.8: the server closes after 421");
        }
    }

    @Test
    void aPercentageRuleDrawsTheSameFaultsFromTheSameSeed() throws Exception {
        List<String> first = tenMailFroms(FaultRule.of("some", Stage.MAIL, Reply.SERVER_BUSY).percent(40, 7));
        behalf.clearFaults();
        List<String> second = tenMailFroms(FaultRule.of("some", Stage.MAIL, Reply.SERVER_BUSY).percent(40, 7));
        assertEquals(first, second);
        long busy = first.stream().filter(r -> r.startsWith("451 4.7.500 ")).count();
        assertTrue(busy > 0 && busy < 10, "some, not all nor none: " + first);
    }

    private List<String> tenMailFroms(FaultRule rule) throws Exception {
        behalf.addFault(rule);
        List<String> replies = new java.util.ArrayList<>();
        try (SmtpClient s = signedIn("terrya")) {
            for (int i = 0; i < 10; i++) {
                String r = s.send("MAIL FROM:<terrya@contoso.com>");
                replies.add(r);
                if (r.startsWith("250")) {
                    s.send("RSET");
                }
            }
        }
        return replies;
    }
}
