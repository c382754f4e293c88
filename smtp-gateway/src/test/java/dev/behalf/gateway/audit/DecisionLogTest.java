package dev.behalf.gateway.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log keeps records in a form of its own (repeated values shared, the reply as a template and its
 * number): whatever it was given, it gives back a record equal to it, field for field.
 */
class DecisionLogTest {

    private static DecisionRecord record(String id, Instant time, String reply, Optional<String> messageId, Optional<String> subject) {
        return new DecisionRecord(id, time, "Terry Adams", "terrya@contoso.com", "terrya", "terrya@contoso.com",
                List.of("jimh@contoso.com"), List.of("Terry Adams <terrya@contoso.com>"), Optional.empty(),
                Optional.of("Terry Adams <terrya@contoso.com>"), "SendAs", "DATA", List.of("granted"),
                List.of(new DecisionRecord.Grant("ayla@contoso.com", "SendAs", "SEND_AS", Optional.of("ayla@contoso.com"),
                        Optional.of("terrya@contoso.com"), List.of("Sales"))),
                reply, messageId, subject, List.of("jimh@contoso.com/INBOX", "terrya@contoso.com/Sent Items"), 7,
                List.of("Resent <r@contoso.com>"), Optional.of("terrya@contoso.com"), Optional.of("Self"), List.of(),
                List.of(new DecisionRecord.LookAlike("From", "ayla@contoso.com", "jimh@contoso.com", "ayla@contoso.com")), "Graph");
    }

    private static DecisionRecord roundTrip(DecisionRecord r) {
        DecisionLog log = new DecisionLog(10);
        log.add(r);
        DecisionRecord back = log.last().orElseThrow();
        assertEquals(r, back);
        assertEquals(r, log.get(r.id()).orElseThrow());
        assertEquals(List.of(r), log.query(Optional.empty(), Optional.empty(), 10));
        return back;
    }

    @Test
    void everyKindOfReplyComesBackAsGiven() {
        Instant t = Instant.parse("2026-12-03T13:51:26.306256592Z");
        String id = "aeb261d1-6586-4e42-ab80-6e333c0a5a10";
        Optional<String> mid = Optional.of("<load-0-2-8548036686519@load.example>");
        for (String reply : List.of(
                "250 2.6.0 <load-0-2-8548036686519@load.example> [InternalId=7998684, Hostname=localhost] Queued mail for delivery",
                "250 2.6.0 <" + id + "@mx01.contoso.com> [InternalId=12, Hostname=mx01.contoso.com] Queued mail for delivery",
                "250 2.6.0 <x@y> [InternalId=0007998684, Hostname=h] Queued mail for delivery",
                "250 2.6.0 <x@y> [InternalId=1234567890123456789012, Hostname=h] Queued mail for delivery",
                "250 2.6.0 <x@y> [InternalId=9223372036854775807, Hostname=h] Queued",
                "250 2.6.0 a\u0001b\u0003c 55555",
                "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
                "451 4.7.500 Server busy. Please try again later from [127.0.0.1]. (S77719) [Hostname=h]",
                "250 ok",
                "")) {
            roundTrip(record(id, t, reply, mid, Optional.of("load 0-2")));
            roundTrip(record(id, t, reply, Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void anIdComesBackAsWrittenWhetherOrNotItIsAUuidKeptAsNumbers() {
        for (String id : List.of("aeb261d1-6586-4e42-ab80-6e333c0a5a10", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "AEB261D1-6586-4E42-AB80-6E333C0A5A10", "aeb261d1-6586-4e42-ab80-6e333c0a5a1", "id-1", "")) {
            DecisionRecord back = roundTrip(record(id, Instant.EPOCH, "250 2.6.0 <" + id + "@h> [InternalId=77]", Optional.empty(),
                    Optional.empty()));
            assertEquals(id, back.id());
        }
        DecisionLog log = new DecisionLog(10);
        log.add(record("aeb261d1-6586-4e42-ab80-6e333c0a5a10", Instant.EPOCH, "250 ok", Optional.empty(), Optional.empty()));
        assertTrue(log.get("AEB261D1-6586-4E42-AB80-6E333C0A5A10").isEmpty(), "ids compare as text");
        assertTrue(log.get("aeb261d1-6586-4e42-ab80-6e333c0a5a11").isEmpty());
    }

    @Test
    void theTimeKeepsItsNanosecondsAndFarDates() {
        for (Instant t : List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.MAX, Instant.MIN)) {
            roundTrip(record("i", t, "250 ok", Optional.of("<m@x>"), Optional.of("")));
        }
    }

    @Test
    void recordsOfOneKindShareTheirValuesAndKeepTheirOwn() {
        DecisionLog log = new DecisionLog(10);
        Instant t = Instant.parse("2026-12-03T13:51:26Z");
        for (int n = 1; n <= 2; n++) {
            log.add(record("id-" + n, t.plusNanos(n),
                    "250 2.6.0 <m" + n + "@x> [InternalId=" + (800 + n) + ", Hostname=localhost] Queued mail for delivery",
                    Optional.of("<m" + n + "@x>"), Optional.of("s" + n)));
        }
        List<DecisionRecord> both = log.query(Optional.empty(), Optional.empty(), 10);
        DecisionRecord b = both.get(0);
        DecisionRecord a = both.get(1);
        assertEquals("250 2.6.0 <m1@x> [InternalId=801, Hostname=localhost] Queued mail for delivery", a.reply());
        assertEquals("250 2.6.0 <m2@x> [InternalId=802, Hostname=localhost] Queued mail for delivery", b.reply());
        assertEquals(t.plusNanos(2), b.time());
        assertSame(a.grants(), b.grants());
        assertSame(a.lookAlikes(), b.lookAlikes());
        assertTrue(a.accepted());
    }

    @Test
    void capacityAndQueriesWorkOnWhatIsKept() {
        DecisionLog log = new DecisionLog(2);
        for (int n = 1; n <= 3; n++) {
            log.add(record("id-" + n, Instant.EPOCH, "250 ok " + n, Optional.empty(), Optional.empty()));
        }
        assertEquals(3, log.total());
        assertTrue(log.get("id-1").isEmpty());
        assertEquals(List.of("id-3", "id-2"), log.query(Optional.of(" TERRYA@contoso.com"), Optional.of("sendas"), 5).stream()
                .map(DecisionRecord::id).toList());
        assertEquals(List.of(), log.query(Optional.of("raymonds"), Optional.empty(), 5));
        assertEquals(List.of(), log.query(Optional.empty(), Optional.of("Denied"), 5));
    }
}
