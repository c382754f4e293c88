package dev.behalf.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.behalf.fixtures.JakartaMail;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.junit.DirectorySpec;
import dev.behalf.gateway.metrics.PrometheusMetrics;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --webhook} against a real receiving HTTP server (the JDK's) on 127.0.0.1, with real SMTP
 * submissions: every decision arrives as JSON; a receiver that hangs or fails never holds up SMTP,
 * and what could not be posted is counted in /metrics.
 */
class WebhookIT {
    private HttpServer receiver;
    private RunningBehalf behalf;
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    private final AtomicInteger arrived = new AtomicInteger();

    /** Starts a receiver whose handler does {@code answer} for each request, and a Behalf posting to it. */
    private void start(int queue, Duration timeout, Answer answer) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            arrived.incrementAndGet();
            bodies.add(exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
            answer.handle(exchange);
        });
        receiver.start();
        behalf = Behalf.builder().allPortsEphemeral().directory(DirectorySpec.demo().build())
                .webhook(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                .webhookQueue(queue).webhookTimeout(timeout)
                .plugin(new PrometheusMetrics()).start();
    }

    interface Answer {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void status(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @AfterEach
    void stop() {
        if (behalf != null) {
            behalf.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private void send(String login, String from, String subject) throws Exception {
        Session session = JakartaMail.smtpSession(behalf.ports().smtp(), login, Cast.PASSWORD);
        Transport.send(JakartaMail.message(session, from, "terrya@contoso.com", subject, "hook"));
    }

    private double metric(String series) {
        return new Scrape(Http.get(behalf.ports().http(), "/metrics").body()).value(series);
    }

    private static void await(String what, DoubleSupplier value, double expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (value.getAsDouble() != expected) {
            assertTrue(System.nanoTime() < deadline, what + " is " + value.getAsDouble() + ", not " + expected + ", after 20 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void everyDecisionArrivesAsItsJsonRecord() throws Exception {
        start(100, Duration.ofSeconds(5), exchange -> status(exchange, 204));
        behalf.shell().run("Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh");
        send("hollyh", "seanc@contoso.com", "Hooked");
        assertThrows(SendFailedException.class, () -> send("jimh", "ayla@contoso.com", "Refused, and hooked"));

        String first = bodies.poll(20, TimeUnit.SECONDS);
        String second = bodies.poll(20, TimeUnit.SECONDS);
        assertNotNull(first, "no POST reached the receiver");
        assertNotNull(second, "the refusal was not posted");
        assertTrue(first.startsWith("application/json\n"), first);
        JsonNode accepted = Json.mapper().readTree(first.substring(first.indexOf('\n') + 1));
        JsonNode refused = Json.mapper().readTree(second.substring(second.indexOf('\n') + 1));
        assertEquals("SendOnBehalf", accepted.get("outcome").asText());
        assertEquals("Hooked", accepted.get("subject").asText());
        assertEquals("Holly Holt <hollyh@contoso.com>", accepted.get("deliveredSender").asText());
        assertEquals(behalf.decisions().query(java.util.Optional.empty(), java.util.Optional.of("SendOnBehalf"), 1).get(0).id(),
                accepted.get("id").asText());
        assertEquals("Denied", refused.get("outcome").asText());
        assertTrue(refused.get("reply").asText().startsWith("550 5.7.60"), refused.toString());
        await("delivered posts", () -> metric("behalf_webhook_posts_total{result=\"delivered\"}"), 2);
    }

    @Test
    void aReceiverThatHangsNeverHoldsUpSmtpAndWhatOverflowsIsCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // The receiver holds every request until the test ends; the post's own timeout (60 s) is longer than the test.
        start(2, Duration.ofSeconds(60), exchange -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status(exchange, 204);
        });
        try {
            send("jimh", "jimh@contoso.com", "first");
            await("requests held by the receiver", arrived::get, 1);

            long slowest = 0;
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                send("jimh", "jimh@contoso.com", "while the hook hangs " + i);
                slowest = Math.max(slowest, System.nanoTime() - t0);
            }
            // Seven submissions finished while the one post in flight is still held: SMTP did not wait for it.
            assertEquals(1, arrived.get());
            assertEquals(1, release.getCount());
            assertTrue(slowest < TimeUnit.SECONDS.toNanos(10), "slowest submission " + slowest / 1_000_000 + " ms");
            // One in flight, two queued, the other five dropped and counted.
            assertEquals(5.0, metric("behalf_webhook_posts_total{result=\"dropped\"}"));
            assertEquals(8.0, metric("behalf_submissions_total{outcome=\"Self\",surface=\"smtp\"}"));
        } finally {
            release.countDown();
        }
        await("delivered posts after the receiver let go", () -> metric("behalf_webhook_posts_total{result=\"delivered\"}"), 3);
    }

    @Test
    void aFailingReceiverIsCountedAndSmtpCarriesOn() throws Exception {
        start(100, Duration.ofSeconds(5), exchange -> status(exchange, 503));
        for (int i = 0; i < 3; i++) {
            send("jimh", "jimh@contoso.com", "to a failing hook " + i);
        }
        await("failed posts", () -> metric("behalf_webhook_posts_total{result=\"failed\"}"), 3);
        assertEquals(0.0, metric("behalf_webhook_posts_total{result=\"delivered\"}"));
        assertEquals(3, arrived.get());
    }
}
