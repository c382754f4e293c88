package dev.behalf.gateway.it;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.junit.BehalfExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision log keeps 100,000 records: two sends of the same kind keep their repeated values once
 * (the same instances), and their own ones (id, Message-ID, subject) apart. Terry Adams sends to Jim Hance
 * twice over a real socket, as the load client does.
 */
class DecisionRecordSharingIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private static String message(int n) {
        return "From: Terry Adams <terrya@contoso.com>\r\nTo: jimh@contoso.com\r\nSubject: report " + n + "\r\nMessage-ID: <r" + n
                + "@contoso.com>\r\n\r\nbody\r\n";
    }

    @Test
    void twoSendsOfOneKindShareTheirRepeatedValues() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertTrue(s.login("terrya", "P@ssw0rd").startsWith("235"));
            for (int n = 1; n <= 2; n++) {
                String reply = s.transaction("terrya@contoso.com", "jimh@contoso.com", message(n));
                assertTrue(reply.startsWith("250"), reply);
            }
        }
        List<DecisionRecord> records = behalf.server().decisions().query(Optional.empty(), Optional.empty(), 2);
        DecisionRecord a = records.get(0);
        DecisionRecord b = records.get(1);
        assertEquals(List.of("Terry Adams <terrya@contoso.com>"), a.headerFrom());
        assertEquals(List.of("jimh@contoso.com/INBOX", "terrya@contoso.com/Sent Items"), a.reached());
        for (Object[] same : new Object[][] {{a.account(), b.account()}, {a.mailFrom(), b.mailFrom()}, {a.rcptTo(), b.rcptTo()},
                {a.headerFrom(), b.headerFrom()}, {a.deliveredSender(), b.deliveredSender()}, {a.because(), b.because()},
                {a.grants(), b.grants()}, {a.reached(), b.reached()}}) {
            assertEquals(same[0], same[1]);
            assertSame(same[0], same[1], "kept once: " + same[0]);
        }
        assertNotSame(a.id(), b.id());
        assertNotSame(a.subject().orElseThrow(), b.subject().orElseThrow());
    }
}
