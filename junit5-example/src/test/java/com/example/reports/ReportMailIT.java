package com.example.reports;

import dev.behalf.gateway.junit.BehalfExtension;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Use it in your tests" example, verbatim, in a project whose tests have nothing of
 * Behalf but behalf-junit5, run from this module's folder (no {@code config/} beside it): one line
 * starts Behalf on the demo directory bundled in the jar.
 */
class ReportMailIT {

    @RegisterExtension
    static BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    @Test
    void assistantSendsOnBehalfOfHerManager() throws Exception {
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");

        MimeMessage mail = new MimeMessage(behalf.session("hollyh"));     // your code under test goes here
        mail.setFrom("Sean Chai <seanc@contoso.com>");
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jimh@contoso.com"));
        mail.setSubject("Quarterly report");
        mail.setText("Attached.");
        Transport.send(mail);

        behalf.assertSentOnBehalf(behalf.awaitMessage("jimh", "Quarterly report"), "hollyh", "seanc");
    }

    @Test
    void fullAccessAloneCanNotSend() {
        behalf.assertRefused(() -> {
            MimeMessage mail = new MimeMessage(behalf.session("jimh"));
            mail.setFrom("ayla@contoso.com");
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse("terrya@contoso.com"));
            mail.setSubject("Not allowed");
            mail.setText("Full Access does not allow sending.");
            Transport.send(mail);
        });
    }
}
