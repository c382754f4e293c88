package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MAIL FROM's parameters, and the Received date: both on every message's path. */
class MailParametersTest {

    @Test
    void parametersAreSplitAtAnyWhiteSpace() {
        assertEquals(new MailParameters("a@contoso.com", OptionalLong.of(2504), true, true),
                MailParameters.parse("FROM:<a@contoso.com>  size=2504\tBODY=8BITMIME   SMTPUTF8 "));
        assertEquals(new MailParameters("a@contoso.com", OptionalLong.empty(), false, false), MailParameters.parse("FROM:<a@contoso.com>"));
        assertEquals(new MailParameters("", OptionalLong.empty(), false, false), MailParameters.parse("FROM:<> SIZE=x"));
        assertEquals(new MailParameters("a@contoso.com", OptionalLong.empty(), true, false),
                MailParameters.parse("FROM:a@contoso.com BODY=BINARYMIME"));
    }

    @Test
    void theReceivedDateIsTheSecondOfTheMessage() {
        Instant t = Instant.parse("2026-12-03T11:59:58.100Z");
        for (int ms = 0; ms < 3000; ms += 450) {
            Instant now = t.plusMillis(ms);
            assertEquals(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now, ZoneOffset.UTC)), TraceFields.date(now), now.toString());
        }
        assertEquals("Thu, 3 Dec 2026 11:59:58 GMT", TraceFields.date(t));
        assertEquals("Thu, 3 Dec 2026 11:59:59 GMT", TraceFields.date(t.plusSeconds(1)));
        assertEquals("Thu, 3 Dec 2026 11:59:58 GMT", TraceFields.date(t), "an earlier second again (a test clock) is formatted again");
    }
}
