package dev.behalf.gateway.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.behalf.fixtures.Browser;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 items 3 and 4 in a real headless Chromium, against a Behalf without admin token (the
 * default): a page served from another port of 127.0.0.1 tries every way a page can send a change
 * without asking first, and a page under a rebound name tries to read and change; Chromium's own
 * network log shows each attempt reaching Behalf and refused, and the directory and the mail read
 * back unchanged. The same changes made from the UI's own origin go through.
 */
class CrossSiteBrowserIT {
    private static final String CMD = "Add-RecipientPermission -Identity ayla -Trustee kevink -AccessRights SendAs -Confirm:$false";
    /** Attempts a page can send without a CORS preflight: each must reach Behalf and get 403. */
    private static final List<Integer> SENT = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    /** Attempts that need a preflight, which Behalf never grants: the change itself is never sent. */
    private static final List<Integer> PREFLIGHTED = List.of(11, 12, 13);

    @RegisterExtension
    static final BehalfExtension server = BehalfExtension.withDemoDirectory();
    @RegisterExtension
    static final Browser browser = Browser.chromium(options -> {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The rebinding page: evil.example resolves to 127.0.0.1, as a rebinding DNS server would make it.
        options.addArguments("--host-resolver-rules=MAP evil.example 127.0.0.1");
    });

    private static RunningBehalf behalf;
    private static HttpServer attacker;
    private static String origin;

    @BeforeAll
    static void start() throws IOException {
        behalf = server.server();
        origin = "http://127.0.0.1:" + behalf.ports().http();
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/attack.html", exchange -> {
            byte[] page = attackPage().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        attacker.start();
    }

    @AfterAll
    static void stop() {
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    private static boolean kevinMaySendAsAyla() {
        return server.recipient("ayla").sendAs().stream().anyMatch(g -> g.trustee().equals(server.recipient("kevink").id()));
    }

    private static int jimsInbox() {
        return behalf.store().list(new MailboxKey.Mailbox(server.recipient("jimh").id()), Folders.INBOX).size();
    }

    private static String edit() {
        return "{\"targets\": [\"" + server.recipient("ayla").id() + "\"], \"add\": {\"SendAs\": [\"" + server.recipient("kevink").id() + "\"]}}";
    }

    @Test
    void aPageFromAnotherPortChangesNothingWhateverItTries() throws Exception {
        new Mail(behalf.ports().smtp()).send("hollyh@contoso.com", "hollyh@contoso.com", "jimh@contoso.com", "Still here after the attack");
        assertEquals(1, jimsInbox());
        long version = behalf.directory().current().version();
        browser.driver().manage().logs().get(LogType.PERFORMANCE); // drop what came before

        browser.open("http://127.0.0.1:" + attacker.getAddress().getPort() + "/attack.html");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.until(d -> Boolean.TRUE.equals(js.executeScript("return window.done === true")));
        @SuppressWarnings("unchecked")
        Map<String, String> results = (Map<String, String>) js.executeScript("return window.results");

        // Chromium's network log: every attempt a page may send unasked reached Behalf and got 403.
        List<JsonNode> events = new ArrayList<>();
        Map<Integer, List<String>> seen = new TreeMap<>();
        try {
            browser.until(d -> {
                seen.putAll(networkLog(events));
                return SENT.stream().allMatch(n -> seen.getOrDefault(n, List.of()).stream().anyMatch(r -> r.endsWith(" 403")));
            });
        } catch (TimeoutException e) {
            throw new AssertionError("not every attempt was seen refused with 403; Chromium saw " + seen + "; the page: " + results, e);
        }
        for (int n : SENT) {
            assertTrue(seen.get(n).stream().noneMatch(r -> r.matches(".* 2\\d\\d")), "attempt " + n + ": " + seen.get(n));
        }
        // The preflighted ones: the browser asked, Behalf granted nothing, the change was never sent.
        for (int n : PREFLIGHTED) {
            assertTrue(results.get(String.valueOf(n)).startsWith("failed: TypeError"), "attempt " + n + ": " + results);
            assertTrue(seen.getOrDefault(n, List.of()).stream().allMatch(r -> r.startsWith("OPTIONS ") && r.endsWith(" 405")),
                    "attempt " + n + " sent only a refused preflight: " + seen.get(n));
        }

        // Read back: nothing changed, nothing was reset.
        assertEquals(version, behalf.directory().current().version(), "the directory changed: " + results + " " + seen);
        assertFalse(kevinMaySendAsAyla());
        assertEquals(1, jimsInbox(), "the mail was reset");
    }

    @Test
    void aPageUnderAReboundNameReadsNothingAndChangesNothing() {
        long version = behalf.directory().current().version();
        String rebound = "http://evil.example:" + behalf.ports().http();
        browser.open(rebound + "/");
        assertTrue(browser.driver().getPageSource().contains("does not name this Behalf"), browser.driver().getPageSource());
        // Same origin for the browser, so the page could read whatever Behalf answered: it answers 421 to all.
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) script("const r = await fetch('/api/mailboxes');"
                + "return {status: r.status, body: await r.text()};");
        assertEquals(421L, read.get("status"));
        assertFalse(((String) read.get("body")).contains("folders"), (String) read.get("body"));
        @SuppressWarnings("unchecked")
        Map<String, Object> change = (Map<String, Object>) script("const r = await fetch('/api/shell', {method: 'POST',"
                + " headers: {'X-Behalf-Request': '1', 'Content-Type': 'text/plain'}, body: arguments[0]});"
                + "return {status: r.status, body: await r.text()};", CMD);
        assertEquals(421L, change.get("status"), String.valueOf(change));
        assertEquals(version, behalf.directory().current().version());
        assertFalse(kevinMaySendAsAyla());
    }

    @Test
    void theSameChangesFromTheUisOwnOriginGoThrough() throws Exception {
        new Mail(behalf.ports().smtp()).send("hollyh@contoso.com", "hollyh@contoso.com", "jimh@contoso.com", "Reset me");
        assertEquals(1, jimsInbox());
        long version = behalf.directory().current().version();
        browser.open(origin + "/#/mail/jimh%40contoso.com");
        // The shell, as a script of the UI's origin sends it.
        Object shell = script("const r = await fetch('/api/shell', {method: 'POST', headers: {'X-Behalf-Request': '1',"
                + " 'Content-Type': 'text/plain'}, body: arguments[0]}); return r.status;", CMD);
        assertEquals(200L, shell);
        assertEquals(version + 1, behalf.directory().current().version());
        assertTrue(kevinMaySendAsAyla());
        // The web admin's Save, through the UI's own API client.
        Object save = script("const {api} = await import('/ui/js/api.js');"
                + "const r = await api('/api/admin/delegation', {method: 'POST', json: JSON.parse(arguments[0])});"
                + "return r.directoryVersion;", edit().replace("SendAs", "FullAccess"));
        assertEquals(version + 2, ((Number) save).longValue());
        // Reset, and a purge through the UI's client (DELETE).
        Object purge = script("const {api} = await import('/ui/js/api.js');"
                + "return (await api('/api/mailboxes/jimh%40contoso.com/messages', {method: 'DELETE'})).deleted;");
        assertEquals(1L, purge);
        assertEquals(0, jimsInbox());
        Object reset = script("const r = await fetch('/api/reset', {method: 'POST', headers: {'X-Behalf-Request': '1'}});"
                + "return r.status;");
        assertEquals(200L, reset);
        assertFalse(kevinMaySendAsAyla());
    }

    /** Runs {@code body} as an async function in the page (it may await) and returns its result. */
    private static Object script(String body, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript("return (async () => {" + body + "})();", args);
    }

    /** The attempts of a page from another origin; {@code window.results[n]} says how each ended for the page. */
    private static String attackPage() {
        return """
                <!doctype html><meta charset="utf-8"><title>not Behalf</title><body><script>
                const T = '%s', CMD = %s, EDIT = %s;
                const url = (path, n) => T + path + '?attack=' + n;
                window.results = {};
                function form(n, path, enctype, fields) {
                  return new Promise(resolve => {
                    const frame = Object.assign(document.createElement('iframe'), {name: 'f' + n});
                    document.body.append(frame);
                    const f = Object.assign(document.createElement('form'), {method: 'POST', action: url(path, n), enctype, target: frame.name});
                    for (const [k, v] of fields) f.append(Object.assign(document.createElement('input'), {type: 'hidden', name: k, value: v}));
                    document.body.append(f);
                    frame.addEventListener('load', () => resolve('loaded'), {once: true});
                    f.submit();
                  });
                }
                const attempt = (n, p) => p.then(v => { results[n] = 'sent: ' + v; }, e => { results[n] = 'failed: ' + e; });
                Promise.all([
                  attempt(1, fetch(url('/api/shell', 1), {method: 'POST', mode: 'no-cors', body: CMD}).then(r => r.type)),
                  attempt(2, fetch(url('/api/shell', 2), {method: 'POST', mode: 'no-cors',
                      body: new Blob([CMD], {type: 'application/json'})}).then(r => r.type)),
                  attempt(3, fetch(url('/api/reset', 3), {method: 'POST', mode: 'no-cors', credentials: 'include'}).then(r => r.type)),
                  attempt(4, form(4, '/api/shell', 'text/plain', [[CMD + ' #', '']])),
                  attempt(5, form(5, '/api/reset', 'application/x-www-form-urlencoded', [['confirm', 'yes']])),
                  attempt(6, form(6, '/api/shell', 'multipart/form-data', [['cmd', CMD]])),
                  attempt(7, form(7, '/api/reset', 'multipart/form-data', [['confirm', 'yes']])),
                  attempt(8, Promise.resolve(navigator.sendBeacon(url('/api/reset', 8), CMD))),
                  attempt(9, fetch(url('/api/admin/delegation', 9), {method: 'POST', mode: 'no-cors', credentials: 'include',
                      body: EDIT}).then(r => r.type)),
                  attempt(10, fetch(url('/api/shell', 10), {method: 'POST', credentials: 'include', body: CMD}).then(r => r.status)),
                  attempt(11, fetch(url('/api/shell', 11), {method: 'POST', credentials: 'include',
                      headers: {'X-Behalf-Request': '1', 'Content-Type': 'text/plain'}, body: CMD}).then(r => r.status)),
                  attempt(12, fetch(url('/api/mailboxes/jimh%%40contoso.com/messages', 12), {method: 'DELETE', credentials: 'include'})
                      .then(r => r.status)),
                  attempt(13, fetch(url('/api/admin/delegation', 13), {method: 'POST', credentials: 'include',
                      headers: {'Content-Type': 'application/json'}, body: EDIT}).then(r => r.status)),
                ]).then(() => { window.done = true; });
                </script>
                """.formatted(origin, Json.write(CMD), Json.write(edit()));
    }

    /**
     * Attempt number → "METHOD status" of each response Chromium received for it, from its DevTools
     * network events (requestWillBeSent; responseReceivedExtraInfo, which also covers a response CORS
     * then hides from the page). The events since the last call are added to {@code events}: the two
     * of one request may arrive in either order, and in different calls.
     */
    private static Map<Integer, List<String>> networkLog(List<JsonNode> events) {
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.PERFORMANCE)) {
            try {
                events.add(Json.mapper().readTree(entry.getMessage()).path("message"));
            } catch (IOException e) {
                throw new AssertionError("Chromium's performance log is not JSON: " + entry.getMessage(), e);
            }
        }
        Map<String, String> methods = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (JsonNode e : events) {
            JsonNode request = e.path("params").path("request");
            int at = request.path("url").asText().indexOf("attack=");
            if (e.path("method").asText().equals("Network.requestWillBeSent") && request.path("url").asText().startsWith(origin) && at >= 0) {
                String id = e.path("params").path("requestId").asText();
                methods.put(id, request.path("method").asText());
                attempts.put(id, Integer.parseInt(request.path("url").asText().substring(at + 7)));
            }
        }
        Map<Integer, List<String>> out = new TreeMap<>();
        for (JsonNode e : events) {
            String id = e.path("params").path("requestId").asText();
            if (e.path("method").asText().equals("Network.responseReceivedExtraInfo") && attempts.containsKey(id)) {
                out.computeIfAbsent(attempts.get(id), n -> new ArrayList<>()).add(methods.get(id) + " " + e.path("params").path("statusCode").asInt());
            }
        }
        return out;
    }
}
