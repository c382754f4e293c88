package dev.behalf.gateway.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.policy.signin.SignInThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One sign-in throttle for SMTP, IMAP, POP3 and Autodiscover (issue 12.6), over real sockets: failures
 * count per (client address, account) whatever the surface and login form, each failure past the free
 * ones delays the next attempt, the owner signing in from another address is never delayed, and a delayed
 * attempt holds no thread that other clients need. Clients come from 127.0.0.1 and 127.0.0.2.
 */
class SignInThrottleIT {
    private static final String RIGHT = Cast.PASSWORD;
    private static final String IMAP_NO = "a1 NO LOGIN failed.";
    private static final String POP3_NO = "-ERR Logon failure: unknown user name or bad password.";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger signInLog = (Logger) LoggerFactory.getLogger("dev.behalf.signin");
    private Level level;
    private RunningBehalf behalf;

    @BeforeEach
    void listen() {
        level = signInLog.getLevel();
        signInLog.setLevel(Level.INFO);
        logged.start();
        signInLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        signInLog.detachAppender(logged);
        signInLog.setLevel(level);
        if (behalf != null) {
            behalf.close();
        }
    }

    private void start(SignInThrottle.Limits limits) {
        behalf = Behalf.builder().configDir(DemoDirectory.CONFIG).allPortsEphemeral().signInThrottle(limits).start();
    }

    private static InetAddress local(int last) throws IOException {
        return InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) last});
    }

    private List<String> lines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** One sign-in on a surface from 127.0.0.{from}; returns the server's answer line (or HTTP status). */
    private String signIn(String surface, int from, String login, String password) throws Exception {
        return switch (surface) {
            case "SMTP" -> {
                try (SmtpClient s = new SmtpClient(behalf.ports().smtp(), Duration.ofSeconds(5), local(from))) {
                    s.reply();
                    s.reply("EHLO guesser");
                    yield s.send("AUTH PLAIN " + SmtpClient.plain("", login, password));
                }
            }
            case "IMAP" -> {
                try (SmtpClient s = new SmtpClient(behalf.ports().imap(), Duration.ofSeconds(5), local(from))) {
                    s.readLine();
                    s.write("a1 LOGIN \"" + login.replace("\\", "\\\\") + "\" \"" + password + "\"\r\n");
                    yield s.readLine();
                }
            }
            case "POP3" -> {
                try (SmtpClient s = new SmtpClient(behalf.ports().pop3(), Duration.ofSeconds(5), local(from))) {
                    s.readLine();
                    s.write("USER " + login + "\r\n");
                    s.readLine();
                    s.write("PASS " + password + "\r\n");
                    yield s.readLine();
                }
            }
            default -> {
                try (SmtpClient http = autodiscover(from, login, password)) {
                    String status = http.readLine();
                    yield status == null ? "<closed>" : status.split(" ")[1];
                }
            }
        };
    }

    /** A raw HTTP/1.1 Autodiscover POST from 127.0.0.{from} (Java 17's HttpClient can't choose its local address). */
    private SmtpClient autodiscover(int from, String login, String password) throws IOException {
        String auth = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        String body = "<Autodiscover><Request><EMailAddress>ayla@contoso.com</EMailAddress></Request></Autodiscover>";
        SmtpClient http = new SmtpClient(behalf.ports().http(), Duration.ofSeconds(5), local(from));
        http.write("POST /autodiscover/autodiscover.xml HTTP/1.1\r\nHost: 127.0.0.1:" + behalf.ports().http()
                + "\r\nAuthorization: Basic " + auth + "\r\nContent-Type: text/xml\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        return http;
    }

    private static String refused(String surface) {
        return switch (surface) {
            case "SMTP" -> "535 5.7.3 Authentication unsuccessful";
            case "IMAP" -> IMAP_NO;
            case "POP3" -> POP3_NO;
            default -> "401";
        };
    }

    private static String accepted(String surface) {
        return switch (surface) {
            case "SMTP" -> "235 Authentication successful.";
            case "IMAP" -> "a1 OK LOGIN completed.";
            case "POP3" -> "+OK";
            default -> "200";
        };
    }

    @Test
    void aHundredWrongPasswordsAreSlowedOnEverySurfaceAndTheRightOneStillWorks() throws Exception {
        // 3 free failures, then 20 ms after each: 100 guesses wait at least 96 x 20 ms (they took 0.2 s in all before).
        start(new SignInThrottle.Limits(3, Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMinutes(10), 1000));
        for (String surface : List.of("SMTP", "IMAP", "POP3", "AUTODISCOVER")) {
            String account = switch (surface) {
                case "SMTP" -> "ayla";
                case "IMAP" -> "jimh";
                case "POP3" -> "sarad";
                default -> "raymonds";
            };
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertEquals(refused(surface), signIn(surface, 1, account, "guess" + i), surface + " guess " + i);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis >= 96 * 20, surface + ": 100 wrong passwords took only " + millis + " ms");
            assertEquals(accepted(surface), signIn(surface, 1, account, RIGHT), surface + ": the right password still opens, after its turn");
            String lastFailure = lines().stream().filter(l -> l.contains(" as '" + account + "': refused")).reduce((a, b) -> b).orElseThrow();
            assertTrue(lastFailure.matches(".*\\(100 failures\\), after [0-9]+ ms throttled"), lastFailure);
        }
    }

    @Test
    void everySurfaceAndLoginFormCountsAgainstOneAccount() throws Exception {
        start(new SignInThrottle.Limits(3, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(10), 1000));
        assertEquals(refused("SMTP"), signIn("SMTP", 1, "ayla", "guess1"));
        assertEquals(refused("IMAP"), signIn("IMAP", 1, "CONTOSO\\ayla", "guess2"));
        assertEquals(refused("POP3"), signIn("POP3", 1, "ayla@contoso.com", "guess3"));
        // The fifth is decided no sooner than a second after the fourth was.
        long started = System.nanoTime();
        assertEquals(refused("AUTODISCOVER"), signIn("AUTODISCOVER", 1, "AYLA", "guess4"));
        assertEquals(refused("IMAP"), signIn("IMAP", 1, "ayla", "guess5"));
        assertTrue(System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(1), "the fifth guess, on another surface, waited its second");
        List<String> failures = lines().stream().filter(l -> l.contains("refused, wrong password for Ayla Kol")).toList();
        assertEquals(5, failures.size(), failures.toString());
        assertTrue(failures.get(4).contains("(5 failures), after "), failures.get(4));
    }

    @Test
    void theOwnerFromAnotherAddressIsNeverDelayedBySomeoneElsesGuessing() throws Exception {
        // Ten seconds after the fourth failure: a delayed answer would run into the clients' 5 s timeout.
        start(new SignInThrottle.Limits(3, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(10), 1000));
        List<String> surfaces = List.of("SMTP", "IMAP", "POP3", "AUTODISCOVER");
        List<String> accounts = List.of("jimh", "ayla", "sarad", "raymonds");
        for (int s = 0; s < surfaces.size(); s++) {
            String surface = surfaces.get(s);
            for (int i = 0; i < 4; i++) {
                assertEquals(refused(surface), signIn(surface, 1, accounts.get(s), "guess " + i));
            }
            assertEquals(accepted(surface), signIn(surface, 2, accounts.get(s), RIGHT), surface + ": the owner, from 127.0.0.2");
        }
        assertTrue(lines().stream().filter(l -> l.contains("from 127.0.0.2")).noneMatch(l -> l.contains("throttled")), lines().toString());
    }

    @Test
    void tenConnectionsOfOneClientSigningInAtOnceWithTheRightPasswordAreNotSpacedOut() throws Exception {
        // A connection pool, or the load client: presumed failures would hold the fifth back 10 s, past the 5 s timeout.
        start(new SignInThrottle.Limits(3, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(10), 1000));
        List<SmtpClient> pool = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                SmtpClient s = new SmtpClient(behalf.ports().smtp(), Duration.ofSeconds(5), local(1));
                pool.add(s);
                s.reply();
                s.reply("EHLO pool");
            }
            for (SmtpClient s : pool) {
                s.write("AUTH PLAIN " + SmtpClient.plain("", "ayla", RIGHT) + "\r\n");
            }
            for (SmtpClient s : pool) {
                assertEquals(accepted("SMTP"), s.lastLine());
            }
        } finally {
            for (SmtpClient s : pool) {
                s.close();
            }
        }
        assertTrue(lines().stream().noneMatch(l -> l.contains("throttled")), lines().toString());
        // ...while guesses from that client are still spaced: the fifth wrong one in a row waits its 10 s.
        for (int i = 0; i < 4; i++) {
            assertEquals(refused("SMTP"), signIn("SMTP", 1, "ayla", "guess " + i));
        }
        try (SmtpClient s = new SmtpClient(behalf.ports().smtp(), Duration.ofSeconds(5), local(1))) {
            s.reply();
            s.reply("EHLO guesser");
            s.write("AUTH PLAIN " + SmtpClient.plain("", "ayla", "guess 4") + "\r\n");
            assertThrows(java.net.SocketTimeoutException.class, s::lastLine, "the fifth guess is held back");
        }
    }

    @Test
    void aDelayedAutodiscoverHoldsNoThreadOtherRequestsNeed() throws Exception {
        start(new SignInThrottle.Limits(0, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofMinutes(10), 1000));
        assertEquals("401", signIn("AUTODISCOVER", 1, "ayla", "first guess"));
        // Twenty guesses now wait their turns (more than the HTTP server's 8 worker threads): none may hold one.
        List<SmtpClient> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(autodiscover(1, "ayla", "guess " + i));
        }
        HttpResponse<String> health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + behalf.ports().http() + "/api/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("200", signIn("AUTODISCOVER", 2, "ayla", RIGHT), "the owner from elsewhere is answered at once");
        assertEquals("a1 OK LOGIN completed.", signIn("IMAP", 2, "ayla", RIGHT));
        for (SmtpClient guess : waiting) {
            assertEquals(null, guess.replyIfAny(), "the guesses are still waiting");
            guess.close();
        }
    }
}
