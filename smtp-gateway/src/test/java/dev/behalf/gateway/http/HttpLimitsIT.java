package dev.behalf.gateway.http;

import dev.behalf.gateway.junit.BehalfExtension;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 12 item 7, HTTP: a request must arrive within its time (408, then close), an idle connection
 * ends, the connections one client and all clients hold are capped (503), and oversized requests get
 * the status a real server sends. Raw sockets from several 127.x source addresses; bounded loops.
 */
class HttpLimitsIT {
    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private static InetAddress loopback(int last) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    /** A small server of its own with short timeouts, so the tests wait seconds, not the defaults. */
    private static HttpServer server(Duration request, Duration idle, int total, int perAddress, AtomicReference<Response.EventSink> stream) {
        Router router = new Router()
                .publicGet("/hello", r -> Json.ok(java.util.Map.of("hello", "world")))
                .publicGet("/stream", r -> new Response.EventStream(stream::set));
        return HttpServer.builder().port(0).router(router).requestTimeout(request).idleTimeout(idle)
                .maxConnections(total, perAddress).start();
    }

    @Test
    void twoHundredHalfSentRequestsEachGet408AndAreClosed() throws Exception {
        int port = behalf.httpPort();
        String head = "POST /api/shell HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nX-Behalf-Request: 1\r\n";
        String[] halves = {
                "GET /api/health HTTP/1.1\r\nHo",                       // half a head
                head,                                                   // a head without its blank line
                head + "Content-Length: 100\r\n\r\nGet-Mail",           // a whole head, part of the body
                "G",                                                    // one byte
        };
        List<RawHttp> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                // 50 from each of four addresses: under the per-address cap of 64, so the clock is what ends them.
                RawHttp c = new RawHttp(loopback(10 + i % 4), port, Duration.ofSeconds(30));
                c.send(halves[i % halves.length]);
                clients.add(c);
            }
            long before = behalf.server().directory().current().version();
            for (RawHttp c : clients) {
                RawHttp.Reply r = c.read();
                assertEquals(408, r.status(), r.toString());
                assertEquals("close", r.headers().get("connection"));
                assertTrue(r.error().startsWith("the request was not complete 10 s after its first byte"), r.error());
                assertTrue(c.closedByServer(), "closed after the 408");
            }
            assertEquals(before, behalf.server().directory().current().version());
        } finally {
            for (RawHttp c : clients) {
                c.close();
            }
        }
        // And the server goes on serving.
        assertEquals(200, RawHttp.exchange(port, RawHttp.request("GET /api/health HTTP/1.1", "", "Host: localhost")).status());
    }

    @Test
    void aTrickledRequestIsTimedFromItsFirstByteNotItsLast() throws Exception {
        try (HttpServer s = server(Duration.ofSeconds(2), Duration.ofSeconds(30), 16, 16, new AtomicReference<>());
             RawHttp c = new RawHttp(loopback(1), s.port(), Duration.ofSeconds(20))) {
            byte[] request = "GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Padding: 0123456789012345678901234567890123456789\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            var trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                // One byte every 200 ms: each byte well inside any per-read timeout, the whole far beyond 2 s.
                CompletableFuture<Void> sent = new CompletableFuture<>();
                int[] next = {0};
                trickle.scheduleAtFixedRate(() -> {
                    try {
                        if (next[0] < request.length) {
                            c.send(new byte[] {request[next[0]++]});
                        } else {
                            sent.complete(null);
                        }
                    } catch (IOException closed) {
                        sent.complete(null);
                        throw new IllegalStateException("stop");
                    }
                }, 0, 200, TimeUnit.MILLISECONDS);
                RawHttp.Reply r = c.read();
                assertEquals(408, r.status(), r.toString());
                assertTrue(next[0] < request.length, "refused before the request was complete: " + next[0] + " of " + request.length);
            } finally {
                trickle.shutdownNow();
            }
        }
    }

    @Test
    void anIdleConnectionClosesWithoutAWordAndAKeptAliveOneServesUntilThen() throws Exception {
        try (HttpServer s = server(Duration.ofSeconds(2), Duration.ofSeconds(1), 16, 16, new AtomicReference<>())) {
            try (RawHttp silent = new RawHttp(loopback(1), s.port(), Duration.ofSeconds(20))) {
                assertTrue(silent.closedByServer(), "a connection that never sends is closed");
            }
            try (RawHttp c = new RawHttp(loopback(1), s.port(), Duration.ofSeconds(20))) {
                for (int i = 0; i < 3; i++) {
                    c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
                    RawHttp.Reply r = c.read();
                    assertEquals(200, r.status());
                    assertEquals("keep-alive", r.headers().get("connection"));
                }
                assertTrue(c.closedByServer(), "closed once idle, with no 408 for a request that never began");
            }
        }
    }

    @Test
    void anOpenEventStreamIsNotCutByTheClocks() throws Exception {
        AtomicReference<Response.EventSink> stream = new AtomicReference<>();
        try (HttpServer s = server(Duration.ofMillis(500), Duration.ofMillis(500), 16, 16, stream);
             RawHttp c = new RawHttp(loopback(1), s.port(), Duration.ofSeconds(3))) {
            c.send("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(c.line().startsWith("HTTP/1.1 200"));
            // Nothing arrives and nothing closes for six times both timeouts: the read times out.
            assertThrows(SocketTimeoutException.class, () -> {
                while (true) {
                    if (c.line() == null) {
                        fail("the server closed an open event stream");
                    }
                }
            });
            stream.get().send("ping", "{}");
            c.timeout(Duration.ofSeconds(20));
            String line;
            do {
                line = c.line();
            } while (line != null && !line.equals("event: ping"));
            assertEquals("event: ping", line);
        }
    }

    @Test
    void oneClientAddressMayHoldAtMostItsShareAndAllClientsTheTotal() throws Exception {
        try (HttpServer s = server(Duration.ofSeconds(10), Duration.ofSeconds(30), 6, 3, new AtomicReference<>())) {
            List<RawHttp> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(open(loopback(2), s.port()));
                }
                RawHttp.Reply mine = refused(loopback(2), s.port());
                assertEquals("127.0.0.2 has 3 HTTP connections open to this server, the limit per client address: "
                        + "close idle connections and retry", mine.error());
                for (int i = 0; i < 3; i++) {
                    held.add(open(loopback(3), s.port()));
                }
                RawHttp.Reply all = refused(loopback(4), s.port());
                assertEquals("this server has 6 HTTP connections open, its limit: close idle connections and retry", all.error());
                // A closed connection frees its slot, for its own address too.
                held.remove(0).close();
                RawHttp again = null;
                for (int i = 0; i < 100 && again == null; i++) {
                    RawHttp c = new RawHttp(loopback(2), s.port(), Duration.ofSeconds(10));
                    c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
                    if (c.read().status() == 200) {
                        again = c;
                    } else {
                        c.close();
                    }
                }
                assertTrue(again != null, "a slot came free");
                held.add(again);
            } finally {
                for (RawHttp c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void theRealServerCapsOneAddressAt64Connections() throws Exception {
        List<RawHttp> held = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                held.add(open(loopback(20), behalf.httpPort(), "/api/health"));
            }
            RawHttp.Reply r = refused(loopback(20), behalf.httpPort());
            assertTrue(r.error().startsWith("127.0.0.20 has 64 HTTP connections open"), r.error());
            assertEquals(200, RawHttp.exchange(behalf.httpPort(), RawHttp.request("GET /api/health HTTP/1.1", "", "Host: localhost")).status());
        } finally {
            for (RawHttp c : held) {
                c.close();
            }
        }
    }

    @Test
    void anOverlongTargetHeaderOrBodyGetsItsOwnStatusAndTheServerGoesOn() throws Exception {
        int port = behalf.httpPort();
        String[][] cases = {
                {"GET /api/health?" + "x".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", "414"},
                {"GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(17000) + "\r\n\r\n", "431"},
                {"POST /api/shell HTTP/1.1\r\nHost: localhost\r\nX-Behalf-Request: 1\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: " + (HttpServer.MAX_BODY_BYTES + 1) + "\r\n\r\n", "413"},
                {"POST /api/shell HTTP/1.1\r\nHost: localhost\r\nX-Behalf-Request: 1\r\nContent-Type: text/plain\r\n"
                        + "Expect: 100-continue\r\nContent-Length: 2000000\r\n\r\n", "413"},
                {"GET /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n", "400"},
                {"POST /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400"},
                {"GET /api/health HTTP/1.2\r\nHost: localhost\r\n\r\n", "505"},
        };
        for (String[] c : cases) {
            try (RawHttp client = new RawHttp(port)) {
                client.send(c[0]);
                RawHttp.Reply r = client.read();
                assertEquals(Integer.parseInt(c[1]), r.status(), r.toString());
                assertTrue(!r.error().isBlank(), r.toString());
                assertTrue(client.closedByServer(), c[1] + " closes the connection");
            }
        }
        assertEquals(200, RawHttp.exchange(port, RawHttp.request("GET /api/health HTTP/1.1", "", "Host: localhost")).status());
    }

    @Test
    void graphTakesABodyUpToItsOwnFourMegabytesAndNoOtherRouteDoes() throws Exception {
        int port = behalf.httpPort();
        String json = "{\"message\":{\"subject\":\"" + "x".repeat(HttpServer.MAX_BODY_BYTES * 2) + "\"}}";
        // Read whole and routed: Graph's own answer to a request without a token, not a 413.
        RawHttp.Reply graph = RawHttp.exchange(port, RawHttp.request("POST /v1.0/me/sendMail HTTP/1.1", json,
                "Host: localhost", "Content-Type: application/json"));
        assertEquals(401, graph.status(), graph.toString());
        assertEquals("InvalidAuthenticationToken", graph.json().path("error").path("code").asText(), graph.toString());

        String[][] cases = {
                // Announced by Content-Length, refused before the body is read.
                {"POST /v1.0/me/sendMail HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + (HttpServer.MAX_GRAPH_BODY_BYTES + 1) + "\r\n\r\n",
                        "request bodies to Graph's /v1.0/ are limited to " + HttpServer.MAX_GRAPH_BODY_BYTES + " bytes"},
                // The path the router reads is the shell's: a raw target that starts like Graph's gets no Graph limit.
                {"POST /v1.0/../api/shell HTTP/1.1\r\nHost: localhost\r\nX-Behalf-Request: 1\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: " + json.length() + "\r\n\r\n",
                        "request bodies are limited to " + HttpServer.MAX_BODY_BYTES + " bytes"},
                {"POST /v1.0/%2e%2e/api/shell HTTP/1.1\r\nHost: localhost\r\nX-Behalf-Request: 1\r\nContent-Type: text/plain\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n",
                        "request bodies are limited to " + HttpServer.MAX_BODY_BYTES + " bytes"},
                // Chunked, so only its target's limit refuses it once it is whole: Graph's limit is not the shell's.
                {"POST /api/shell HTTP/1.1\r\nHost: localhost\r\nX-Behalf-Request: 1\r\nContent-Type: text/plain\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n",
                        "request bodies are limited to " + HttpServer.MAX_BODY_BYTES + " bytes"},
        };
        long before = behalf.server().directory().current().version();
        for (String[] c : cases) {
            try (RawHttp client = new RawHttp(port)) {
                client.send(c[0]);
                RawHttp.Reply r = client.read();
                assertEquals(413, r.status(), r.toString());
                assertEquals(c[1], r.error(), r.toString());
                assertTrue(client.closedByServer(), "a 413 closes the connection");
            }
        }
        assertEquals(before, behalf.server().directory().current().version(), "the refused shell command never ran");
    }

    @Test
    void aSmallBodyAnnouncedWithExpect100ContinueIsTakenAsCurlSendsIt() throws Exception {
        String command = "Get-Mailbox -Identity jimh";
        try (RawHttp c = new RawHttp(behalf.httpPort())) {
            c.send("POST /api/shell HTTP/1.1\r\nHost: localhost\r\nX-Behalf-Request: 1\r\nContent-Type: text/plain\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + command.length() + "\r\n\r\n");
            assertEquals(100, c.read().status());
            c.send(command);
            RawHttp.Reply r = c.read();
            assertEquals(200, r.status(), r.toString());
            assertTrue(r.json().path("output").asText().contains("Jim Hance"), r.body());
        }
    }

    /** A connection that got a response and stays open. */
    private static RawHttp open(InetAddress from, int port) throws IOException {
        return open(from, port, "/hello");
    }

    private static RawHttp open(InetAddress from, int port, String path) throws IOException {
        RawHttp c = new RawHttp(from, port, Duration.ofSeconds(10));
        c.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(200, c.read().status());
        return c;
    }

    private static RawHttp.Reply refused(InetAddress from, int port) throws IOException {
        try (RawHttp c = new RawHttp(from, port, Duration.ofSeconds(10))) {
            c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Reply r = c.read();
            assertEquals(HttpResponseStatus.SERVICE_UNAVAILABLE.code(), r.status(), r.toString());
            assertEquals("1", r.headers().get("retry-after"));
            assertTrue(c.closedByServer());
            return r;
        }
    }
}
