package dev.behalf.gateway.it;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.policy.reply.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --dialect exchange-server} and {@code --enforce-envelope}, as transcripts. */
class ExchangeServerDialectIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory()
            .configure(b -> b.dialect(Dialect.EXCHANGE_SERVER).enforceEnvelope(true));

    @Test
    void mailFromBeforeAuthGetsTheExchangeServerText() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.reply();
            s.send("EHLO client.test");
            assertEquals("530 5.7.1 Client was not authenticated", s.send("MAIL FROM:<terrya@contoso.com>"));
        }
    }

    @Test
    void withEnvelopeCheckingAForeignMailFromIsRefusedAtMailFromAndRecorded() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("jimh", "P@ssw0rd");
            assertEquals("550 5.7.1 Client does not have permissions to send as this sender", s.send("MAIL FROM:<ayla@contoso.com>"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<jimh@contoso.com>"));
            assertTrue(s.send("RSET").startsWith("250"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<>"), "the null reverse path claims no identity");
        }
        DecisionRecord d = behalf.server().decisions().query(java.util.Optional.empty(), java.util.Optional.of("Denied"), 1).get(0);
        assertEquals("MAIL", d.stage());
        assertEquals("FULL_ACCESS_ONLY", d.grants().get(0).reason());
    }

    @Test
    void theHeaderFromIsStillCheckedAtTheEndOfData() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("jimh", "P@ssw0rd");
            s.send("MAIL FROM:<jimh@contoso.com>");
            s.send("RCPT TO:<terrya@contoso.com>");
            s.send("DATA");
            s.write("From: ayla@contoso.com\r\nSubject: x\r\n\r\nx\r\n.\r\n");
            assertEquals("550 5.7.1 Client does not have permissions to send as this sender", s.reply());
        }
    }
}
