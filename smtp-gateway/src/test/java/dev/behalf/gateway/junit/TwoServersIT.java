package dev.behalf.gateway.junit;

import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Two Behalfs in one JVM (as parallel test classes have): separate ports, separate mail, separate directories. */
class TwoServersIT {

    @RegisterExtension
    BehalfExtension first = BehalfExtension.withDemoDirectory();

    @RegisterExtension
    BehalfExtension second = BehalfExtension.withDemoDirectory();

    @Test
    void theyShareNothing() throws Exception {
        assertEquals(8, Set.of(first.smtpPort(), first.imapPort(), first.pop3Port(), first.httpPort(),
                second.smtpPort(), second.imapPort(), second.pop3Port(), second.httpPort()).size());
        first.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        assertTrue(second.recipient("seanc").grantSendOnBehalfTo().isEmpty());
        MimeMessage m = new MimeMessage(first.session("terrya"));
        m.setFrom("terrya@contoso.com");
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jimh@contoso.com"));
        m.setSubject("only in the first");
        m.setText("x");
        Transport.send(m);
        first.awaitMessage("jimh", "only in the first");
        assertTrue(second.server().store().mailboxes().stream().allMatch(b -> b.folders().stream().allMatch(f -> f.messages() == 0)));
        assertTrue(second.lastDecision().isEmpty());
    }
}
