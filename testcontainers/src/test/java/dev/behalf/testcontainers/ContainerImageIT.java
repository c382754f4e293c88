package dev.behalf.testcontainers;

import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The image as its README tells users to run it ({@code podman run -p 127.0.0.1:...}), driven from
 * outside over its published ports with real clients: Jakarta Mail for SMTP and IMAP, the JDK's
 * HTTP client for the API.
 */
class ContainerImageIT {
    private static final Pattern GENERATED = Pattern.compile("admin token \\(generated at start[^)]*\\): (\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String HOST = "127.0.0.1";

    private static ImageUnderTest image;
    private static final String NAME = "behalf-it-" + ProcessHandle.current().pid();
    private static int smtp;
    private static int imap;
    private static int http;
    private static String token;

    @BeforeAll
    static void start() {
        image = ImageUnderTest.get();
        image.run("rm", "-f", NAME);
        image.run("run", "-d", "--name", NAME, "-p", HOST + "::2525", "-p", HOST + "::2143", "-p", HOST + "::8025", image.id()).ok();
        smtp = port(NAME, 2525);
        imap = port(NAME, 2143);
        http = port(NAME, 8025);
        awaitHealthy(http);
        token = loggedToken(NAME);
    }

    @AfterAll
    static void stop() {
        if (image != null) {
            image.run("rm", "-f", NAME);
        }
    }

    @Test
    void runsAsItsOwnNonRootUserAndPassesItsHealthCheck() {
        assertEquals("10001", image.run("exec", NAME, "id", "-u").ok().out().strip());
        assertEquals("10001:10001", image.run("inspect", "--format", "{{.Config.User}}", NAME).ok().out().strip());
        if (image.engine().equals("podman")) {
            // podman schedules HEALTHCHECKs with systemd timers; without systemd, run it as the timer would.
            image.run("healthcheck", "run", NAME).ok();
        }
        String status = image.run("inspect", "--format", "{{.State.Health.Status}}", NAME).ok().out().strip();
        assertEquals("healthy", status);
    }

    @Test
    void theApiNeedsTheTokenItLoggedAndHealthDoesNot() throws Exception {
        assertEquals(200, get(http, "/api/health", null).statusCode());
        assertEquals(401, get(http, "/api/decisions", null).statusCode());
        assertEquals(401, get(http, "/api/decisions", "not-" + token).statusCode());
        assertEquals(401, shell(http, null, "Get-Mailbox ayla").statusCode());
        assertEquals(200, get(http, "/api/decisions", token).statusCode());
    }

    @Test
    void aSendOnBehalfIsStampedAndReadOverImap() throws Exception {
        HttpResponse<String> granted = shell(http, token, "Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh");
        assertEquals(200, granted.statusCode(), granted.body());

        Mail.send(HOST, smtp, "hollyh", "Sean Chai <seanc@contoso.com>", "jimh@contoso.com", "From the container");

        List<String[]> inbox = Mail.inbox(HOST, imap, "jimh@contoso.com", "From the container");
        assertEquals(1, inbox.size());
        assertTrue(inbox.get(0)[0].contains("seanc@contoso.com"), inbox.get(0)[0]);
        assertTrue(inbox.get(0)[1].contains("hollyh@contoso.com"), "Sender: " + inbox.get(0)[1]);
        String decisions = get(http, "/api/decisions?account=hollyh&limit=1", token).body();
        assertTrue(decisions.contains("\"outcome\":\"SendOnBehalf\""), decisions);
    }

    @Test
    void fullAccessAloneIsRefusedAndNothingIsDelivered() throws Exception {
        SendFailedException refused = assertThrows(SendFailedException.class,
                () -> Mail.send(HOST, smtp, "jimh", "ayla@contoso.com", "terrya@contoso.com", "Not mine to send"));
        assertTrue(refused.getMessage().contains("550 5.7.60"), refused.getMessage());
        assertEquals(List.of(), Mail.inbox(HOST, imap, "terrya@contoso.com", "Not mine to send"));
        String decisions = get(http, "/api/decisions?account=jimh&limit=1", token).body();
        assertTrue(decisions.contains("\"outcome\":\"Denied\""), decisions);
    }

    @Test
    void mailAndDirectoryChangesOutliveTheContainerWithADataVolume() throws Exception {
        String volume = NAME + "-data";
        String first = NAME + "-first";
        String second = NAME + "-second";
        String given = "a-token-chosen-by-the-user";
        image.run("rm", "-f", first, second);
        image.run("volume", "rm", "-f", volume);
        try {
            String[] run = {"run", "-d", "-e", "BEHALF_DATA_DIR=/data", "-e", "BEHALF_ADMIN_TOKEN=" + given,
                    "-v", volume + ":/data", "-p", HOST + "::2525", "-p", HOST + "::2143", "-p", HOST + "::8025"};
            image.run(concat(run, "--name", first, image.id())).ok();
            int firstHttp = port(first, 8025);
            awaitHealthy(firstHttp);
            assertFalse(GENERATED.matcher(image.run("logs", first).out() + image.run("logs", first).err()).find(),
                    "a token was generated although BEHALF_ADMIN_TOKEN was given");
            assertEquals(200, shell(firstHttp, given, "Add-ADPermission -Identity estherv -User raymonds -ExtendedRights \"Send As\"").statusCode());
            Mail.send(HOST, port(first, 2525), "raymonds", "estherv@contoso.com", "terrya@contoso.com", "Kept on disk");
            image.run("stop", "-t", "20", first).ok();
            image.run("rm", first).ok();

            image.run(concat(run, "--name", second, image.id())).ok();
            int secondHttp = port(second, 8025);
            awaitHealthy(secondHttp);
            List<String[]> kept = Mail.inbox(HOST, port(second, 2143), "terrya@contoso.com", "Kept on disk");
            assertEquals(1, kept.size(), "the message delivered before the restart");
            assertTrue(kept.get(0)[0].contains("estherv@contoso.com"));
            assertNull(kept.get(0)[1], "Send As leaves no Sender");
            // The grant made through the shell came back from the journal: raymonds may still send as Esther.
            Mail.send(HOST, port(second, 2525), "raymonds", "estherv@contoso.com", "terrya@contoso.com", "After the restart");
            String decisions = get(secondHttp, "/api/decisions?account=raymonds", given).body();
            assertTrue(decisions.contains("\"subject\":\"Kept on disk\"") && decisions.contains("\"subject\":\"After the restart\""),
                    "both decision records, the first from before the restart: " + decisions);
        } finally {
            image.run("rm", "-f", first, second);
            image.run("volume", "rm", "-f", volume);
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** The host port {@code -p 127.0.0.1::PORT} was given: {@code podman port} prints 127.0.0.1:NNNNN. */
    private static int port(String container, int port) {
        String out = image.run("port", container, port + "/tcp").ok().out().strip();
        String line = out.lines().findFirst().orElseThrow();
        assertTrue(line.startsWith(HOST + ":"), "published on " + line + ", not on loopback only");
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    }

    private static void awaitHealthy(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/api/health", null).statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // the listener or the port forwarding isn't up yet
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        fail("no 200 from /api/health on " + port + " within 60 s");
    }

    private static String loggedToken(String container) {
        ImageUnderTest.Run logs = image.run("logs", container).ok();
        Matcher m = GENERATED.matcher(logs.out() + logs.err());
        assertTrue(m.find(), "the start-up log names the generated admin token: " + logs.err());
        return m.group(1);
    }

    private static HttpResponse<String> get(int port, String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> shell(int port, String bearer, String cmdlets) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/api/shell"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/plain").header("X-Behalf-Request", "1");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(cmdlets)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
