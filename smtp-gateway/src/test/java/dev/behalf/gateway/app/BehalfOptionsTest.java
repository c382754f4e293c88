package dev.behalf.gateway.app;

import org.junit.jupiter.api.Test;

import dev.behalf.gateway.audit.Webhook;
import dev.behalf.gateway.http.Json;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theWebhookIsOffByDefaultAndItsBoundsMustBePositive() {
        BehalfOptions o = Behalf.builder().options();
        assertTrue(o.webhook().isEmpty());
        assertEquals(10_000, o.webhookQueue());
        assertEquals(Duration.ofSeconds(5), o.webhookTimeout());
        var queue = assertThrows(IllegalArgumentException.class, () -> Behalf.builder().webhookQueue(0).options());
        assertEquals("the webhook queue holds at least 1 record: 0", queue.getMessage());
        var timeout = assertThrows(IllegalArgumentException.class, () -> Behalf.builder().webhookTimeout(Duration.ZERO).options());
        assertEquals("the webhook timeout must be positive: PT0S", timeout.getMessage());
    }

    @Test
    void aWebhookIsAnHttpUrlWithAHost() {
        for (String bad : new String[] {"ftp://example.test/hook", "http:/no-host", "mailto:a@b.test"}) {
            var e = assertThrows(IllegalArgumentException.class, () ->
                    new Webhook(URI.create(bad), Json.mapper(), 10, Duration.ofSeconds(1)).close(), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
