package dev.behalf.policy.change;

import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grant changes are written at once and in force after the propagation delay, on an injected clock. */
class PropagationTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private final Directory demo = DemoDirectory.load();
    private final List<ChangeSet> journaled = new ArrayList<>();
    private final MovableClock clock = new MovableClock(T0);
    private final LiveDirectory live = new LiveDirectory(demo, journaled::add, clock, Duration.ofMinutes(2));

    private final Recipient terry = DemoDirectory.find(demo, "Terry Adams");
    private final Recipient raymond = DemoDirectory.find(demo, "Raymond Sam");
    private final SendAttempt raymondAsTerry = SendAttempt.of(raymond.id(), SmtpAddress.parse("terrya@contoso.com"));

    @Test
    void anAddedGrantIsWrittenAtOnceAndInForceAfterTheDelay() {
        live.apply(grantSendAs("Add-RecipientPermission terrya -Trustee raymonds -AccessRights SendAs"));

        assertEquals(Outcome.SendAs, outcome(live.current()), "written: Get- cmdlets show it");
        assertEquals(Outcome.Denied, outcome(live.inForce()), "not yet in force");
        assertEquals(1, live.pending().size());
        assertEquals(T0.plus(Duration.ofMinutes(2)), live.pending().get(0).inForceAt());
        assertEquals(List.of(SendAsEntry.allow(raymond.id())), live.pending().get(0).added().sendAs());
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(2))), journaled.get(0).inForceAt(), "the journal keeps when");

        clock.advance(Duration.ofSeconds(119));
        assertEquals(Outcome.Denied, outcome(live.inForce()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Outcome.SendAs, outcome(live.inForce()));
        assertSame(live.current(), live.inForce());
        assertTrue(live.pending().isEmpty());
    }

    @Test
    void aRemovedGrantIsStillHonouredUntilTheDelayHasPassed() {
        live.apply(grantSendAs("grant"), Duration.ZERO);
        assertEquals(Outcome.SendAs, outcome(live.inForce()));

        live.apply(new ChangeSet(List.of(new DirectoryChange.Put(live.current().require(terry.id()).toBuilder().sendAs(List.of()).build())),
                "Remove-RecipientPermission"), Duration.ofSeconds(30));

        assertEquals(Outcome.Denied, outcome(live.current()));
        assertEquals(Outcome.SendAs, outcome(live.inForce()), "the removal is still propagating");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Outcome.Denied, outcome(live.inForce()));
    }

    @Test
    void otherChangesMadeMeanwhileAreInForceAtOnce() {
        live.apply(grantSendAs("grant"));
        live.apply(new ChangeSet(List.of(new DirectoryChange.Put(live.current().require(terry.id()).toBuilder()
                .displayName("Terry A.").build())), "Set-Mailbox terrya -DisplayName 'Terry A.'"));

        assertEquals("Terry A.", live.inForce().require(terry.id()).displayName());
        assertEquals(Outcome.Denied, outcome(live.inForce()));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Outcome.SendAs, outcome(live.inForce()), "the rename didn't drop the grant");
    }

    @Test
    void aRestartBeforeTheTimeStillWaitsForIt() {
        live.apply(grantSendAs("grant"));
        clock.advance(Duration.ofSeconds(60));
        Directory replayed = ChangeJournal.replay(demo, journaled);
        LiveDirectory restarted = new LiveDirectory(replayed, changes -> { }, clock, Duration.ZERO);

        restarted.restorePending(demo, journaled);

        assertEquals(Outcome.Denied, outcome(restarted.inForce()));
        assertEquals(T0.plus(Duration.ofMinutes(2)), restarted.pending().get(0).inForceAt());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Outcome.SendAs, outcome(restarted.inForce()));
    }

    @Test
    void aResetIsInForceAtOnce() {
        live.apply(grantSendAs("grant"));
        live.resetTo(demo, "reset");
        assertTrue(live.pending().isEmpty());
        assertEquals(Outcome.Denied, outcome(live.inForce()));
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> live.apply(grantSendAs("grant"), Duration.ofSeconds(-1)));
    }

    private ChangeSet grantSendAs(String origin) {
        return new ChangeSet(List.of(new DirectoryChange.Put(terry.toBuilder().sendAs(List.of(SendAsEntry.allow(raymond.id()))).build())),
                origin);
    }

    private Outcome outcome(Directory d) {
        return DelegationPolicy.decide(d, raymondAsTerry).outcome();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
