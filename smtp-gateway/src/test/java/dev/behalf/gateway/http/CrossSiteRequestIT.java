package dev.behalf.gateway.http;

import dev.behalf.gateway.junit.BehalfExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 items 3 and 4 over raw sockets: a Host that doesn't name this server is refused (DNS
 * rebinding), and a change another site's page could send is refused (CSRF), for every variant of
 * Host, Origin, Sec-Fetch-Site and Content-Type; tools that send none of them keep working.
 * {@code CrossSiteBrowserIT} makes the same attacks from a real Chromium page.
 */
class CrossSiteRequestIT {
    private static final String COMMAND = "Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh";

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory().configure(b -> b.hostName("behalf.test"));

    private static int port() {
        return behalf.httpPort();
    }

    private static long version() {
        return behalf.server().directory().current().version();
    }

    private static RawHttp.Reply send(String line, String body, String... headers) {
        return RawHttp.exchange(port(), RawHttp.request(line, body, headers));
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost:80", "localhost:8025", "localhost:1", "127.0.0.1", "127.0.0.1:65535",
            "127.1.2.3:8025", "127.255.255.254", "[::1]", "[::1]:8025", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]:8025", "behalf.test",
            "Behalf.Test:443", " localhost "})
    void hostsThatNameThisServerAreServed(String host) {
        RawHttp.Reply r = send("GET /api/mailboxes HTTP/1.1", "", "Host: " + host);
        assertEquals(200, r.status(), host + ": " + r);
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "evil.example:8025", "localhost.evil.example", "localhost.", "127.0.0.1.nip.io",
            "behalf.test.evil.example", "evil-localhost", "a.localhost", "0x7f.0.0.1", "2130706433", "0177.0.0.1", "127.1",
            "10.0.0.1", "192.168.1.1:8025", "[::2]", "[fe80::1]", "[::ffff:10.0.0.1]", "0.0.0.0", "1.1.1.1"})
    void aHostThatNamesAnotherServerIs421AndReadsNothing(String host) {
        for (String line : List.of("GET /api/mailboxes HTTP/1.1", "GET /api/messages/x/raw HTTP/1.1", "GET / HTTP/1.1",
                "GET /api/health HTTP/1.1")) {
            RawHttp.Reply r = send(line, "", "Host: " + host);
            assertEquals(421, r.status(), line + " Host: " + host + ": " + r);
            assertTrue(r.error().contains("does not name this Behalf") && r.error().contains("--hostname"), r.error());
            assertTrue(!r.body().contains("\"boxes\"") && !r.body().contains("folders"), r.body());
        }
        long before = version();
        assertEquals(421, send("POST /api/shell HTTP/1.1", COMMAND, "Host: " + host, "X-Behalf-Request: 1",
                "Content-Type: text/plain").status());
        assertEquals(before, version());
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"", "localhost:x", "localhost:99999", "localhost:-1", "user@localhost", "localhost/x", "[::1", "[::1]x",
            "[127.0.0.1]", "local host", "localhost;x", "evil.example\\@localhost", "%6c%6fcalhost"})
    void aMalformedHostIs400(String host) {
        RawHttp.Reply r = send("GET /api/health HTTP/1.1", "", "Host: " + host);
        assertEquals(400, r.status(), "Host: " + host + ": " + r);
    }

    @Test
    void http11NeedsExactlyOneHostAndHttp10MayLeaveItOut() {
        RawHttp.Reply none = send("GET /api/health HTTP/1.1", "");
        assertEquals(400, none.status());
        assertEquals("an HTTP/1.1 request must have a Host header (RFC 9112 §3.2)", none.error());
        assertEquals(400, send("GET /api/health HTTP/1.1", "", "Host: localhost", "Host: evil.example").status());
        assertEquals(400, send("GET /api/health HTTP/1.1", "", "Host: evil.example", "Host: localhost").status());
        assertEquals(200, send("GET /api/health HTTP/1.0", "").status());
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"null", "http://evil.example", "http://localhost:1", "http://127.0.0.1", "https://localhost:PORT",
            "http://localhost:PORT/", "http://evil.example:PORT", "http://behalf.test:PORT", "http://127.0.0.1:PORT",
            "file://", "http://localhost:PORT.evil.example", "http://user@localhost:PORT", "", "http://[::1]:PORT"})
    void aChangeFromAnotherOriginIs403AndChangesNothing(String origin) {
        long before = version();
        String o = origin.replace("PORT", String.valueOf(port()));
        RawHttp.Reply r = send("POST /api/shell HTTP/1.1", COMMAND, "Host: localhost:" + port(), "Origin: " + o,
                "X-Behalf-Request: 1", "Content-Type: text/plain");
        assertEquals(403, r.status(), "Origin: " + o + ": " + r);
        assertTrue(r.error().contains("Behalf refuses changes that other sites' pages send"), r.error());
        assertEquals(403, send("POST /api/reset HTTP/1.1", "", "Host: localhost:" + port(), "Origin: " + o,
                "X-Behalf-Request: 1").status());
        assertEquals(403, send("DELETE /api/mailboxes/jimh%40contoso.com/messages HTTP/1.1", "", "Host: localhost:" + port(),
                "Origin: " + o).status());
        assertEquals(403, send("POST /api/admin/delegation HTTP/1.1", "{}", "Host: localhost:" + port(), "Origin: " + o,
                "Content-Type: application/json").status());
        assertEquals(before, version());
    }

    @ParameterizedTest(name = "Host: {0}, Origin: {1}")
    @CsvSource(delimiter = ' ', value = {"localhost:PORT http://localhost:PORT", "127.0.0.1:PORT http://127.0.0.1:PORT",
            "LOCALHOST:PORT http://localhost:PORT", "localhost http://localhost:80", "localhost:80 http://localhost",
            "[::1]:PORT http://[::1]:PORT", "behalf.test:PORT http://behalf.test:PORT"})
    void aChangeFromThisServersOwnOriginGoesThrough(String host, String origin) {
        long before = version();
        RawHttp.Reply r = send("POST /api/shell HTTP/1.1", COMMAND, "Host: " + host.replace("PORT", String.valueOf(port())),
                "Origin: " + origin.replace("PORT", String.valueOf(port())), "X-Behalf-Request: 1", "Content-Type: text/plain",
                "Sec-Fetch-Site: same-origin");
        assertEquals(200, r.status(), r.toString());
        assertEquals(before + 1, version());
    }

    @ParameterizedTest(name = "Sec-Fetch-Site: {0}")
    @ValueSource(strings = {"cross-site", "same-site", "CROSS-SITE", "something-new"})
    void aChangeTheBrowserMarksAsFromAnotherSiteIs403(String site) {
        long before = version();
        RawHttp.Reply r = send("POST /api/shell HTTP/1.1", COMMAND, "Host: localhost", "Sec-Fetch-Site: " + site,
                "X-Behalf-Request: 1", "Content-Type: text/plain");
        assertEquals(403, r.status(), r.toString());
        assertTrue(r.error().contains("Sec-Fetch-Site: " + site), r.error());
        assertEquals(before, version());
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "text/plain; charset=utf-8", "TEXT/PLAIN", " text/plain ", "text/plain;", "text/plain ; x=1",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "Multipart/Form-Data", "NONE", "TWO"})
    void aPostAFormCouldSendIs403WithoutTheHeader(String type) {
        long before = version();
        List<String> headers = new ArrayList<>(List.of("Host: localhost"));
        if (type.equals("TWO")) {
            headers.addAll(List.of("Content-Type: application/json", "Content-Type: text/plain"));
        } else if (!type.equals("NONE")) {
            headers.add("Content-Type: " + type);
        }
        for (String target : List.of("/api/shell", "/api/reset", "/api/admin/delegation")) {
            RawHttp.Reply r = send("POST " + target + " HTTP/1.1", COMMAND, headers.toArray(String[]::new));
            assertEquals(403, r.status(), target + " " + type + ": " + r);
            assertTrue(r.error().contains("add the header 'X-Behalf-Request: 1'"), r.error());
        }
        assertEquals(before, version());
    }

    @Test
    void toolsThatSendNoOriginKeepWorking() {
        long before = version();
        RawHttp.Reply shell = send("POST /api/shell HTTP/1.1", COMMAND, "Host: 127.0.0.1:" + port(), "Content-Type: text/plain",
                "X-Behalf-Request: 1");
        assertEquals(200, shell.status(), shell.toString());
        assertEquals(before + 1, version());
        // A JSON body is no form's: no header needed (the web admin's Save).
        String edit = "{\"targets\": [\"" + behalf.recipient("seanc").id() + "\"], \"add\": {\"SendAs\": [\""
                + behalf.recipient("kevink").id() + "\"]}}";
        RawHttp.Reply save = send("POST /api/admin/delegation HTTP/1.1", edit, "Host: localhost", "Content-Type: application/json");
        assertEquals(200, save.status(), save.toString());
        assertEquals(before + 2, version());
        // DELETE is never sent cross-origin without a preflight, which this server doesn't grant.
        assertEquals(200, send("DELETE /api/mailboxes/jimh%40contoso.com/messages HTTP/1.1", "", "Host: localhost").status());
        RawHttp.Reply reset = send("POST /api/reset HTTP/1.1", "", "Host: localhost", "X-Behalf-Request: 1");
        assertEquals(200, reset.status(), reset.toString());
        assertEquals(0, reset.json().path("directoryVersion").asLong() - behalf.server().directory().current().version());
    }

    @Test
    void aCorsPreflightIsNotGranted() {
        RawHttp.Reply r = send("OPTIONS /api/shell HTTP/1.1", "", "Host: localhost:" + port(), "Origin: http://evil.example",
                "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: x-behalf-request");
        assertEquals(405, r.status(), r.toString());
        assertTrue(r.headers().keySet().stream().noneMatch(h -> h.startsWith("access-control-")), r.headers().toString());
    }
}
