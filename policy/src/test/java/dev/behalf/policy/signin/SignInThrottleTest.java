package dev.behalf.policy.signin;

import dev.behalf.policy.directory.Directory;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle's arithmetic on a clock that moves only when told. */
class SignInThrottleTest {
    private static final SignInThrottle.Key GUESSER = new SignInThrottle.Key("192.0.2.7", "id:terry");
    private static final SignInThrottle.Key OWNER = new SignInThrottle.Key("198.51.100.1", "id:terry");

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(SignInThrottle.Limits.DEFAULTS, clock);

    /** One attempt that waits as told (the clock moves) and fails with {@code password}; returns the wait. */
    private Duration fail(SignInThrottle.Key key, String password) {
        SignInThrottle.Ticket t = throttle.admit(key);
        clock.advance(t.waitTime());
        t.failed(Optional.of(password));
        return t.waitTime();
    }

    @Test
    void keysOfOneClientAndAccountAreEqualWithEqualHashesAndDifferOnEither() {
        assertEquals(GUESSER, new SignInThrottle.Key("192.0.2.7", "id:terry"));
        assertEquals(GUESSER.hashCode(), new SignInThrottle.Key("192.0.2.7", "id:terry").hashCode());
        assertTrue(!GUESSER.equals(OWNER), "another client");
        assertTrue(!GUESSER.equals(new SignInThrottle.Key("192.0.2.7", "id:jim")), "another account");
    }

    @Test
    void theDefaultsLetThreeFailuresThroughThenDoubleFromOneSecondToFifteen() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(fail(GUESSER, "guess" + i).toSeconds());
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 15L, 15L), waits);
        assertEquals(10, throttle.failures(GUESSER));
    }

    @Test
    void aHundredWrongPasswordsTakeOverTwentyThreeMinutes() {
        Duration total = Duration.ZERO;
        for (int i = 0; i < 100; i++) {
            total = total.plus(fail(GUESSER, "guess" + i));
        }
        assertEquals(Duration.ofSeconds(1 + 2 + 4 + 8 + 15 * 92), total);
    }

    @Test
    void anotherClientOfTheSameAccountIsNeitherSlowedNorClearsTheGuesser() {
        for (int i = 0; i < 8; i++) {
            fail(GUESSER, "guess" + i);
        }
        SignInThrottle.Ticket owner = throttle.admit(OWNER);
        assertEquals(Duration.ZERO, owner.waitTime());
        owner.succeeded();
        assertEquals(Duration.ofSeconds(15), throttle.admit(GUESSER).waitTime(), "the guesser still waits");
    }

    @Test
    void attemptsInParallelAreSpacedAsIfMadeOneAfterAnother() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(throttle.admit(GUESSER).waitTime().toSeconds());
        }
        // Reserved as failures 1..8 before any is decided: 0 0 0 0, then +1, +2, +4, +8, +15.
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 3L, 7L, 15L, 30L), waits);
    }

    @Test
    void rightPasswordsAtOnceAreNotSpacedOut() {
        List<SignInThrottle.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tickets.add(throttle.admit(OWNER, true));
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), tickets.stream().map(t -> t.waitTime().toMillis()).toList(),
                "ten connections of one client signing in at once with the right password");
        tickets.forEach(SignInThrottle.Ticket::succeeded);
        assertEquals(Duration.ZERO, throttle.admit(OWNER).waitTime());
    }

    @Test
    void aRightGuessAmongParallelWrongOnesWaitsAsIfTheyWereMadeOneAfterAnother() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(throttle.admit(GUESSER).waitTime().toSeconds());
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 3L), waits);
        SignInThrottle.Ticket right = throttle.admit(GUESSER, true);
        assertEquals(Duration.ofSeconds(7), right.waitTime(), "behind the six presumed failures, as in sequence");
        assertEquals(Duration.ofSeconds(7), throttle.admit(GUESSER).waitTime(), "the right one holds back nothing after it");
        assertEquals(Duration.ofSeconds(15), throttle.admit(GUESSER).waitTime(), "a wrong one does: 7 + 8");
    }

    @Test
    void theSameWrongPasswordAgainIsNotCountedAgain() {
        for (int i = 0; i < 20; i++) {
            assertEquals(Duration.ZERO, fail(GUESSER, "stale saved password"));
        }
        assertEquals(1, throttle.failures(GUESSER));
        fail(GUESSER, "a");
        fail(GUESSER, "b");
        fail(GUESSER, "c");
        assertEquals(4, throttle.failures(GUESSER));
        fail(GUESSER, "stale saved password");
        assertEquals(5, throttle.failures(GUESSER), "only the last three wrong passwords are remembered");
    }

    @Test
    void aSuccessClearsThePair() {
        for (int i = 0; i < 6; i++) {
            fail(GUESSER, "guess" + i);
        }
        SignInThrottle.Ticket right = throttle.admit(GUESSER);
        assertEquals(Duration.ofSeconds(4), right.waitTime(), "the right password waits its turn too");
        clock.advance(right.waitTime());
        right.succeeded();
        assertEquals(0, throttle.failures(GUESSER));
        assertEquals(Duration.ZERO, throttle.admit(GUESSER).waitTime());
    }

    @Test
    void failuresAreForgottenAfterQuietTime() {
        for (int i = 0; i < 6; i++) {
            fail(GUESSER, "guess" + i);
        }
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, throttle.failures(GUESSER));
        assertEquals(Duration.ZERO, throttle.admit(GUESSER).waitTime());
    }

    @Test
    void aTicketCountsOnce() {
        SignInThrottle.Ticket t = throttle.admit(GUESSER);
        t.failed(Optional.empty());
        assertThrows(IllegalStateException.class, t::succeeded);
    }

    @Test
    void aFullTableForgetsPairsWithoutADelayFirst() {
        SignInThrottle small = new SignInThrottle(new SignInThrottle.Limits(1, Duration.ofSeconds(1), Duration.ofSeconds(15),
                Duration.ofMinutes(10), 10), clock);
        for (int i = 0; i < 3; i++) {
            SignInThrottle.Ticket t = small.admit(GUESSER);
            clock.advance(t.waitTime());
            t.failed(Optional.of("guess" + i));
        }
        for (int i = 0; i < 50; i++) {
            small.admit(new SignInThrottle.Key("192.0.2.7", "login:churn" + i)).failed(Optional.of("x"));
        }
        assertTrue(small.tracked() <= 10, "bounded: " + small.tracked());
        assertEquals(3, small.failures(GUESSER), "the guesser's penalty outlives the churn");
    }

    @Test
    void ipv6AddressesOfOneSlash64CountAsOneClient() throws Exception {
        assertEquals(SignInThrottle.client(InetAddress.getByName("2001:db8:1:2::1")),
                SignInThrottle.client(InetAddress.getByName("2001:db8:1:2:ffff::9")));
        assertTrue(!SignInThrottle.client(InetAddress.getByName("2001:db8:1:3::1"))
                .equals(SignInThrottle.client(InetAddress.getByName("2001:db8:1:2::1"))));
        assertEquals("192.0.2.7", SignInThrottle.client(InetAddress.getByName("192.0.2.7")));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle.Limits(-1, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle.Limits(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle.Limits(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1));
        assertEquals(Duration.ZERO, SignInThrottle.Limits.off().delayAfter(Integer.MAX_VALUE - 1));
    }

    @Test
    void everyLoginFormOfAnAccountCountsAgainstOneAccount() throws Exception {
        Directory d = SignInTableTest.directory();
        SignIn signIn = SignIn.builder(() -> d).throttle(SignInThrottle.Limits.off()).clock(clock).build();
        List<Integer> counts = new ArrayList<>();
        signIn.subscribe(e -> counts.add(e.failures()));
        InetAddress client = InetAddress.getByName("192.0.2.7");
        String[] logins = {"terrya", "CONTOSO\\terrya", "terrya@contoso.com", "TerryA", "contoso.com\\terrya"};
        for (int i = 0; i < logins.length; i++) {
            signIn.decide(new SignInAttempt(SignInSurface.IMAP, client, new Credential.Password(Mechanism.LOGIN_COMMAND, logins[i], "guess" + i)));
        }
        signIn.decide(new SignInAttempt(SignInSurface.SMTP, client, new Credential.Plain("", "terrya", "guess5")));
        signIn.decide(new SignInAttempt(SignInSurface.AUTODISCOVER, client, new Credential.Password(Mechanism.BASIC, "terrya", "guess6")));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), counts, "one count for every form and every surface");
        SignInDecision right = signIn.decide(new SignInAttempt(SignInSurface.POP3, client,
                new Credential.Password(Mechanism.USER_PASS, "terrya", "P@ssw0rd")));
        assertInstanceOf(SignInDecision.Accepted.class, right);
        assertEquals(0, counts.get(counts.size() - 1));
    }

    @Test
    void anUnreadableResponseTriesNoPasswordAndIsNotCounted() throws Exception {
        Directory d = SignInTableTest.directory();
        SignIn signIn = SignIn.builder(() -> d).clock(clock).build();
        List<SignInEvent> events = new ArrayList<>();
        signIn.subscribe(events::add);
        for (int i = 0; i < 10; i++) {
            signIn.decide(new SignInAttempt(SignInSurface.SMTP, InetAddress.getByName("192.0.2.7"), SaslExchange.plain("!!")));
        }
        assertTrue(events.stream().allMatch(e -> e.failures() == 0 && e.waited().isZero()), events.toString());
    }
}
