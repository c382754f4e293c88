package com.example.reports;

import dev.behalf.gateway.junit.BehalfExtension;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user's test with nothing of Behalf but behalf-junit5 on its class path, run from this module's
 * own folder (no {@code config/} next to it): one line starts Behalf on the bundled demo directory.
 */
class ReportMailIT {

    @RegisterExtension
    static BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    @Test
    void assistantSendsOnBehalfOfHerManager() throws Exception {
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");

        MimeMessage mail = new MimeMessage(behalf.session("hollyh"));
        mail.setFrom("Sean Chai <seanc@contoso.com>");
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jimh@contoso.com"));
        mail.setSubject("Quarterly report");
        mail.setText("Attached.");
        Transport.send(mail);

        MimeMessage delivered = behalf.awaitMessage("jimh", "Quarterly report");
        behalf.assertSentOnBehalf(delivered, "hollyh", "seanc");
        assertEquals("SendOnBehalf", behalf.lastDecision().orElseThrow().outcome());
    }
}
