package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.smtp.SubmissionServer;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.greenmail.GreenMailStore;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Behalf exposes: mail for outside addresses is captured, never relayed; the admin API needs its
 * token when Behalf is reachable from elsewhere and honours it whatever the path spelling; AUTH needs TLS
 * on a listener that requires it. Every test binds 127.0.0.1 only: "bound beyond loopback" is checked
 * where it is decided (start-up refuses before binding anything; the submission server's requireTls is
 * what a non-loopback bind switches on).
 */
class ExposureIT {
    private static final Path CONFIG = DemoDirectory.CONFIG;

    @Test
    void bindingEveryInterfaceWithoutAnAdminTokenRefusesToStartWithAClearMessage() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () ->
                Behalf.builder().configDir(CONFIG).allPortsEphemeral().bindAddress(InetAddress.getByName("0.0.0.0")).start());
        assertEquals("binding to 0.0.0.0 makes the admin API reachable from other machines; pass --admin-token TOKEN (or bind 127.0.0.1)",
                e.getMessage());
        // The same through the command line: exit code 2 and the message, nothing bound.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("behalf-bind", ".log");
        Process p = new ProcessBuilder(java, "-jar", ServerProcess.jar().toString(), "serve", "--config", CONFIG.toString(),
                "--bind", "0.0.0.0", "--smtp-port", "0", "--imap-port", "0", "--pop3-port", "0", "--http-port", "0")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "behalf serve --bind 0.0.0.0 did not exit");
        assertEquals(2, p.exitValue());
        String printed = Files.readString(out);
        assertTrue(printed.contains("behalf: binding to 0.0.0.0 makes the admin API reachable from other machines; "
                + "pass --admin-token TOKEN (or bind 127.0.0.1)"), printed);
        assertFalse(printed.contains("listening"), printed);
        Files.delete(out);
    }

    @Test
    void withAnAdminTokenTheShellRefusesEveryRequestWithoutItWhateverThePathSpelling() throws Exception {
        try (RunningBehalf b = Behalf.builder().configDir(CONFIG).allPortsEphemeral().adminToken("t0k3n").start()) {
            HttpClient http = HttpClient.newHttpClient();
            long version = b.directory().current().version();
            String cmd = "Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh";
            // Spellings that decode to the shell's path reach its route, and so its policy.
            for (String path : List.of("/api/shell", "/%61pi/shell", "/api/%73hell", "/api/./shell", "/api/health/../shell")) {
                for (String auth : new String[] {null, "Bearer wrong", "t0k3n", "Basic dDBrM246", "Bearer  t0k3n", "bearer t0k3n"}) {
                    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.ports().http() + path))
                            .header("Content-Type", "text/plain").header("X-Behalf-Request", "1").POST(HttpRequest.BodyPublishers.ofString(cmd));
                    if (auth != null) {
                        r.header("Authorization", auth);
                    }
                    HttpResponse<String> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(401, resp.statusCode(), path + " with " + auth + ": " + resp.body());
                    assertEquals("this Behalf requires its admin token: send 'Authorization: Bearer <token>'",
                            Json.mapper().readTree(resp.body()).path("error").asText());
                    assertEquals("Bearer realm=\"behalf\"", resp.headers().firstValue("WWW-Authenticate").orElse(""));
                }
            }
            // The others name no route (404) or are refused as targets (400); RequestTargetIT tries many more.
            for (String path : List.of("/API/shell", "//api/shell", "/api/shell/", "/api/shell%2F")) {
                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.ports().http() + path))
                        .header("Content-Type", "text/plain").header("X-Behalf-Request", "1")
                        .POST(HttpRequest.BodyPublishers.ofString(cmd)).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(resp.statusCode() == 400 || resp.statusCode() == 404, path + ": " + resp.statusCode() + " " + resp.body());
            }
            assertEquals(version, b.directory().current().version(), "no refused request changed the directory");
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.ports().http() + "/api/shell"))
                    .header("Content-Type", "text/plain").header("X-Behalf-Request", "1").header("Authorization", "Bearer t0k3n")
                    .POST(HttpRequest.BodyPublishers.ofString(cmd)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(version + 1, b.directory().current().version());
        }
    }

    @Test
    void whereTlsIsRequiredAuthBeforeStartTlsGets538AndAfterStartTlsWorks() throws Exception {
        LiveDirectory live = DemoDirectory.live();
        try (GreenMailStore store = GreenMailStore.builder(live).build();
             SubmissionServer smtp = Submission.over(live, store).requireTls(true).build()) {
            smtp.start();
            try (SmtpClient s = new SmtpClient(smtp.port(), Duration.ofSeconds(20))) {
                s.reply();
                String ehlo = s.reply("EHLO client.test");
                assertTrue(ehlo.contains("250-STARTTLS") && !ehlo.contains("AUTH"), "AUTH is not offered before TLS:\n" + ehlo);
                assertEquals("538 5.7.11 Encryption required for requested authentication mechanism",
                        s.reply("AUTH PLAIN " + SmtpClient.plain("", "terrya", Cast.PASSWORD)));
                assertEquals("530 5.7.0 Must issue a STARTTLS command first", s.reply("MAIL FROM:<terrya@contoso.com>"));
                assertEquals("220 Ready to start TLS", s.reply("STARTTLS"));
                s.startTls(trustAll().getSocketFactory(), "localhost");
                assertTrue(s.reply("EHLO client.test").contains("250-AUTH LOGIN PLAIN"));
                assertEquals("235 Authentication successful.", s.reply("AUTH PLAIN " + SmtpClient.plain("", "terrya", Cast.PASSWORD)));
                assertEquals("250 2.1.0 Sender OK", s.reply("MAIL FROM:<terrya@contoso.com>"));
            }
        }
        // On loopback (requireTls off, the default, and what --allow-plain-auth keeps beyond it) AUTH works in the clear:
        // every other test of this suite signs in that way.
    }

    @Test
    void mailForOutsideAddressesIsCapturedAndNothingConnectsOut() throws Exception {
        ServerSocket mx;
        try {
            mx = new ServerSocket();
            mx.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 25));
        } catch (IOException e) {
            mx = null; // port 25 is taken or not ours to bind: the class-file check below still stands
        }
        try (RunningBehalf b = Behalf.builder().configDir(CONFIG).allPortsEphemeral().start();
             SmtpClient s = new SmtpClient(b.ports().smtp())) {
            s.login("terrya", "P@ssw0rd");
            for (String to : List.of("someone@localhost", "partner@fabrikam.example", "jimh@127.0.0.1.nip.example")) {
                assertTrue(s.transaction("terrya@contoso.com", to, "From: terrya@contoso.com\r\nTo: " + to + "\r\nSubject: out "
                        + to + "\r\n\r\nhi\r\n").startsWith("250 2.6.0 "), to);
                assertEquals(1, b.store().list(new MailboxKey.External(SmtpAddress.parse(to)), Folders.INBOX).size(), to + " captured");
            }
            if (mx != null) {
                mx.setSoTimeout(500);
                ServerSocket listener = mx;
                assertThrows(SocketTimeoutException.class, listener::accept, "something connected to the fake MX on 127.0.0.1:25");
            }
        } finally {
            if (mx != null) {
                mx.close();
            }
        }
        assertEquals(List.of(), outboundClientsInOurClasses(), "Behalf's own classes never open an SMTP client or send with Transport");
    }

    /**
     * Our compiled classes that could send mail or connect anywhere: naming Jakarta Mail's Transport, an
     * SMTP client, an HTTP client, or calling a method named {@code connect} (a constant-pool entry of
     * exactly that name). Servers accept sockets; nothing of ours opens one.
     */
    private static List<String> outboundClientsInOurClasses() throws IOException {
        List<String> hits = new ArrayList<>();
        String connect = "\u0000\u0007connect";
        for (Path root : List.of(Path.of("target", "classes"), Path.of("..", "mailstore", "target", "classes"),
                Path.of("..", "policy", "target", "classes"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (String needle : List.of("jakarta/mail/Transport", "org/eclipse/angus/mail/smtp", "java/net/http/HttpClient", connect)) {
                        // The behalf shell CLI is an HTTP client of Behalf's own API, at the URL its user gives.
                        if (bytes.contains(needle) && !f.endsWith(Path.of("cli", "ShellCommand.class"))) {
                            hits.add(root.relativize(f) + " names " + needle.replace(connect, "connect"));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Trusts the test server's self-signed certificate (and any other); for the tests of this package. */
    static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test server's self-signed certificate
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }

    /** Line-at-a-time SMTP over any socket (plain, then TLS). */
}
