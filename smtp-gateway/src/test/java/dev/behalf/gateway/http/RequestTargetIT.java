package dev.behalf.gateway.http;

import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.gateway.metrics.PrometheusMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 item 1: with {@code --admin-token}, no spelling of a request-target reaches an admin route
 * without the token. Raw sockets, since curl and Java's client normalise or refuse most of these. A
 * spelling either decodes to the route's own path (and meets its policy: 401), names no route (404,
 * 405), or is refused as a target (400); none runs a cmdlet.
 */
class RequestTargetIT {
    private static final String TOKEN = "t0k3n";
    private static final String COMMAND = "Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh";

    @RegisterExtension
    // With the metrics plugin, as behalf.jar serves: /metrics is a documented route too.
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory()
            .configure(b -> b.adminToken(TOKEN).plugin(new PrometheusMetrics()));

    private static int port() {
        return behalf.httpPort();
    }

    private static long version() {
        return behalf.server().directory().current().version();
    }

    private static RawHttp.Reply shell(String method, String target, String... extra) {
        List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1:" + port(), "Content-Type: text/plain", "X-Behalf-Request: 1"));
        headers.addAll(List.of(extra));
        return RawHttp.exchange(port(), RawHttp.request(method + " " + target + " HTTP/1.1", COMMAND, headers.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', quoteCharacter = '"', value = {
            // The shell's own path, however spelled: its route, so its policy.
            "/api/shell 401", "/%61pi/shell 401", "/api/%73hell 401", "/%61%70%69/%73%68%65%6c%6c 401", "/api/./shell 401",
            "/api/health/../shell 401", "/ui/%2e%2e/api/shell 401", "/ui/.%2E/api/shell 401", "/ui/js/../../api/shell 401",
            "/api/shell?x=1 401", "/api/shell? 401", "/api/shell?a=/../x 401",
            // Not its path: no route.
            "/api/shell/ 404", "/api/shell// 404", "//api/shell 404", "/api//shell 404", "///api/shell 404", "/API/shell 404",
            "/api/SHELL 404", "/Api/Shell 404", "/api/shell;x 404", "/api;x/shell 404", "/api/shell%20 404", "/api/sh%C3%A9ll 404",
            "/api/shell/x/.. 404", "/api/shell/. 404",
            // Not an origin-form target read once: refused.
            "api/shell 400", "api%2fshell 400", "api/shell/ 400", "?/api/shell 400", "* 400", "/api/shell%2f 400",
            "/api%2Fshell 400", "/api%5cshell 400", "/api\\shell 400", "/api/shell%00 400", "/api/shell%0d%0a 400",
            "/api%252Fshell 400", "/api/shell%252f 400", "/api/%c0%afshell 400", "/api%c0%afshell 400", "/api%e0%80%afshell 400",
            "/api/shell#x 400", "/api/shell?#x 400", "/../api/shell 400", "/%2e%2e/api/shell 400", "/api/shell/%2e%2e/%2e%2e/%2e%2e 400",
            "http://127.0.0.1/api/shell 400", "HTTP://localhost/api/shell 400", "//127.0.0.1/api/shell 404", "127.0.0.1:8025 400",
            "/api/sh\u00e9ll 400",
    })
    void noSpellingOfATargetRunsACmdletWithoutTheToken(String target, int expected) {
        long before = version();
        RawHttp.Reply r = shell("POST", target);
        assertEquals(expected, r.status(), target + ": " + r);
        if (expected == 401) {
            assertEquals("Bearer realm=\"behalf\"", r.headers().get("www-authenticate"));
        } else {
            assertFalse(r.error().isBlank(), "the refusal says why: " + r);
        }
        assertEquals(before, version(), target + " changed the directory");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {"/api/shell", "/%61pi/shell", "/api/./shell", "/ui/%2e%2e/api/shell", "/api/shell?x=1"})
    void theSameSpellingsWithTheTokenReachTheShell(String target) {
        long before = version();
        RawHttp.Reply r = shell("POST", target, "Authorization: Bearer " + TOKEN);
        assertEquals(200, r.status(), target + ": " + r);
        assertEquals(before + 1, version(), target + " ran the cmdlet");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ' ', value = {"post /api/shell", "Post /api/shell", "GET /api/shell", "PUT /api/shell", "DELETE /api/shell"})
    void otherMethodsOnTheShellAre405(String method, String target) {
        long before = version();
        RawHttp.Reply r = shell(method, target);
        assertEquals(405, r.status(), method + ": " + r);
        assertEquals("POST", r.headers().get("allow"));
        assertEquals(before, version());
    }

    @Test
    void headIsGetWithoutABodyUnderTheSamePolicy() {
        String plain = RawHttp.request("HEAD /api/mailboxes HTTP/1.1", "", "Host: localhost");
        RawHttp.Reply anonymous = RawHttp.exchange(port(), plain);
        assertEquals(401, anonymous.status());
        assertEquals("", anonymous.body());
        RawHttp.Reply head = RawHttp.exchange(port(), RawHttp.request("HEAD /api/mailboxes HTTP/1.1", "", "Host: localhost",
                "Authorization: Bearer " + TOKEN));
        RawHttp.Reply get = RawHttp.exchange(port(), RawHttp.request("GET /api/mailboxes HTTP/1.1", "", "Host: localhost",
                "Authorization: Bearer " + TOKEN));
        assertEquals(200, head.status());
        assertEquals(200, get.status());
        assertEquals(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length), head.headers().get("content-length"));
        assertEquals("", head.body());
        assertEquals(401, RawHttp.exchange(port(), RawHttp.request("HEAD /%61pi/mailboxes HTTP/1.1", "", "Host: localhost")).status());
    }

    @Test
    void anHttp10RequestWithoutHostMeetsTheSamePolicy() {
        RawHttp.Reply r = RawHttp.exchange(port(), "POST /api/shell HTTP/1.0\r\nContent-Type: text/plain\r\nX-Behalf-Request: 1\r\n"
                + "Content-Length: " + COMMAND.length() + "\r\n\r\n" + COMMAND);
        assertEquals(401, r.status(), r.toString());
    }

    /**
     * Every route the README documents, called without the token: 401 unless it is one of the public
     * ones, which answer as themselves. A route added to the README as public by mistake, or one
     * missing its route, fails here.
     */
    @Test
    void everyDocumentedRouteIsAdminButThePublicOnes() throws IOException {
        Map<String, Integer> publicRoutes = Map.ofEntries(
                Map.entry("GET /api/health", 200), Map.entry("GET /", 200), Map.entry("GET /ui/js/main.js", 200),
                Map.entry("POST /autodiscover/autodiscover.xml", 401), // its own HTTP Basic: WWW-Authenticate Basic
                Map.entry("GET /mail/config-v1.1.xml", 200), Map.entry("GET /.well-known/autoconfig/mail/config-v1.1.xml", 200),
                Map.entry("GET /ui/message-html/x", 403), // a link this server didn't sign
                // The identity platform authenticates by client secret or password, never the admin token:
                // tenant '1' is none of this Behalf's, which Entra answers 400 AADSTS90002.
                Map.entry("POST /{tenant}/oauth2/v2.0/token", 400), Map.entry("GET /{tenant}/discovery/v2.0/keys", 400),
                Map.entry("GET /{tenant}/v2.0/.well-known/openid-configuration", 400),
                // Graph's sendMail takes its own bearer token (Graph's 401 InvalidAuthenticationToken), never the admin token.
                Map.entry("POST /v1.0/users/{id}/sendMail", 401), Map.entry("POST /v1.0/me/sendMail", 401));
        List<String> routes = documentedRoutes();
        assertTrue(routes.size() >= 25, "the README's route tables: " + routes);
        List<String> checked = new ArrayList<>(routes);
        checked.addAll(publicRoutes.keySet());
        for (String route : checked) {
            String[] mp = route.split(" ", 2);
            String target = mp[1].replaceAll("\\{address}", "jimh%40contoso.com").replaceAll("\\{guid}", "0796c9d5-019b-3ed6-8616-6a7199e3f4b6")
                    .replaceAll("\\{[a-z]+}", "1");
            RawHttp.Reply r = RawHttp.exchange(port(), RawHttp.request(mp[0] + " " + target + " HTTP/1.1",
                    mp[0].equals("GET") || mp[0].equals("DELETE") ? "" : "x", "Host: localhost", "Content-Type: application/json"));
            Integer expected = publicRoutes.get(route);
            if (expected == null) {
                assertEquals(401, r.status(), route + " is an admin route: " + r);
                assertEquals("Bearer realm=\"behalf\"", r.headers().get("www-authenticate"), route);
            } else {
                assertEquals(expected, r.status(), route + " is public: " + r);
                assertNotEquals("Bearer realm=\"behalf\"", r.headers().get("www-authenticate"), route);
            }
        }
    }

    /** {@code METHOD /path} of each row of the README's HTTP API and web UI route tables. */
    private static List<String> documentedRoutes() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> out = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(.+?)` \\|").matcher(readme);
        while (row.find()) {
            for (String cell : row.group(1).split("`, `")) {
                Matcher m = Pattern.compile("^(GET|POST|DELETE|PUT) (/[^?` ]*)").matcher(cell);
                if (m.find()) {
                    out.add(m.group(1) + " " + m.group(2));
                }
            }
        }
        return out;
    }
}
