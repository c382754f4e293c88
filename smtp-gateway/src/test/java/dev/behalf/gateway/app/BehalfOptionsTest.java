package dev.behalf.gateway.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BehalfOptionsTest {

    @Test
    void theDocumentedDefaults() {
        BehalfOptions o = Behalf.builder().options();
        assertEquals(2525, o.smtpPort());
        assertEquals(2143, o.imapPort());
        assertEquals(2110, o.pop3Port());
        assertEquals(8025, o.httpPort());
        assertEquals("127.0.0.1", o.bindAddress().getHostAddress());
        assertEquals(Duration.ofMinutes(5), o.idleTimeout());
        assertEquals(Duration.ofMinutes(10), o.sessionTimeout(), "Exchange's receive connector ConnectionTimeout");
    }

    @Test
    void portsAndTimeoutsOutOfRangeAreRefusedWithTheReason() {
        var port = assertThrows(IllegalArgumentException.class, () -> Behalf.builder().smtpPort(70000).options());
        assertEquals("ports are 0..65535 (0 picks a free one): 70000", port.getMessage());
        var session = assertThrows(IllegalArgumentException.class, () -> Behalf.builder().sessionTimeout(Duration.ZERO).options());
        assertEquals("the idle and session timeouts must be positive: PT0S", session.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Behalf.builder().idleTimeout(Duration.ofSeconds(-1)).options());
    }
}
