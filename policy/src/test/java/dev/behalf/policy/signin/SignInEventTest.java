package dev.behalf.policy.signin;

import dev.behalf.policy.directory.Directory;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What observers are told, and the event-loop form of deciding. */
class SignInEventTest {
    private final Directory directory = SignInTableTest.directory();

    private List<SignInEvent> decide(SignIn signIn, SignInAttempt... attempts) {
        List<SignInEvent> events = new ArrayList<>();
        signIn.subscribe(events::add);
        for (SignInAttempt a : attempts) {
            signIn.decide(a);
        }
        return events;
    }

    @Test
    void theLogLineNamesWhoOpenedWhatAndNeverThePassword() throws Exception {
        SignIn signIn = SignIn.builder(() -> directory).throttle(SignInThrottle.Limits.off()).build();
        InetAddress client = InetAddress.getByName("192.0.2.7");
        List<SignInEvent> events = decide(signIn,
                new SignInAttempt(SignInSurface.IMAP, client, new Credential.Password(Mechanism.LOGIN_COMMAND, "jimh\\ayla", "P@ssw0rd")),
                new SignInAttempt(SignInSurface.SMTP, client, new Credential.Plain("", "terrya", "secret-guess")));
        assertEquals("IMAP LOGIN from 192.0.2.7 as 'jimh\\ayla': Jim Hance opened Ayla Kol (Full Access, direct grant)",
                events.get(0).describe());
        assertEquals("SMTP PLAIN from 192.0.2.7 as 'terrya': refused, wrong password for Terry Adams (1 failure)",
                events.get(1).describe());
        assertEquals("accepted", events.get(0).result());
        assertEquals("wrong_password", events.get(1).result());
        assertTrue(events.stream().noneMatch(e -> e.toString().contains("P@ssw0rd") || e.toString().contains("secret-guess")));
    }

    @Test
    void aCraftedLoginCannotForgeLogLines() throws Exception {
        SignIn signIn = SignIn.builder(() -> directory).build();
        List<SignInEvent> events = decide(signIn, new SignInAttempt(SignInSurface.SMTP, InetAddress.getByName("192.0.2.7"),
                new Credential.Plain("", "x\r\n2026 INFO SMTP PLAIN as 'admin': Administrator signed in", "pw")));
        String line = events.get(0).describe();
        assertTrue(!line.contains("\n") && !line.contains("\r") && line.contains("x\\u000d\\u000a2026"), line);
    }

    @Test
    void decideLaterHoldsNoThreadAndDecidesAfterTheWait() throws Exception {
        SignIn signIn = SignIn.builder(() -> directory)
                .throttle(new SignInThrottle.Limits(0, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMinutes(1), 100)).build();
        InetAddress client = InetAddress.getByName("192.0.2.7");
        SignInAttempt wrong = new SignInAttempt(SignInSurface.AUTODISCOVER, client, new Credential.Password(Mechanism.BASIC, "ayla", "guess"));
        // The second attempt is decided no sooner than 200 ms after the first was.
        long started = System.nanoTime();
        CompletableFuture<SignInDecision> first = signIn.decideLater(wrong).toCompletableFuture();
        assertTrue(first.isDone(), "nothing to wait for yet");
        assertInstanceOf(SignInDecision.Refused.class, first.get());
        CompletableFuture<SignInDecision> second = signIn.decideLater(new SignInAttempt(SignInSurface.AUTODISCOVER, client,
                new Credential.Password(Mechanism.BASIC, "ayla", "P@ssw0rd"))).toCompletableFuture();
        SignInDecision right = second.get(30, TimeUnit.SECONDS);
        assertInstanceOf(SignInDecision.Accepted.class, right);
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(200), "decided only 200 ms after the first");
    }
}
