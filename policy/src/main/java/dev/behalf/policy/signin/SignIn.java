package dev.behalf.policy.signin;

import dev.behalf.policy.directory.Directory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides every sign-in, for every surface: resolves who the credential claims to be, waits out the
 * {@link SignInThrottle} for that client and account, decides on the directory in force at that moment
 * ({@link SignInRules}), counts the outcome and tells the observers. One instance serves a whole server,
 * so the throttle counts guesses on SMTP, IMAP, POP3 and Autodiscover together. Thread-safe.
 *
 * <p>Threads: {@link #decide} waits on the calling thread, which suits the thread-per-connection servers
 * (SubEthaSMTP, GreenMail): a waiting guesser holds only its own connection's thread. An event loop uses
 * {@link #decideLater}, which holds no thread while it waits.
 */
public final class SignIn {
    private final Supplier<Directory> directory;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final TokenValidator tokens;
    private final BasicAuth basicAuth;
    private final List<Consumer<SignInEvent>> observers = new CopyOnWriteArrayList<>();

    private SignIn(Builder b) {
        this.directory = b.directory;
        this.clock = b.clock;
        this.tokens = b.tokens;
        this.basicAuth = b.basicAuth;
        this.throttle = new SignInThrottle(b.limits, b.clock);
    }

    public static Builder builder(Supplier<Directory> directory) {
        return new Builder(directory);
    }

    public SignInThrottle.Limits limits() {
        return throttle.limits();
    }

    /**
     * Calls {@code observer} with every decision from now on, on the deciding thread, after the decision and
     * before the surface answers. An observer must be quick and must not throw: its exception reaches the surface.
     */
    public void subscribe(Consumer<SignInEvent> observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    /** Decides, first waiting on this thread as long as the throttle says; an interrupt while waiting refuses. */
    public SignInDecision decide(SignInAttempt attempt) {
        Admission admission = admit(attempt);
        Duration wait = admission.waitTime();
        if (!(wait.isZero() || wait.isNegative())) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return admission.abandon();
            }
        }
        return admission.decide();
    }

    /**
     * Decides without blocking: the stage completes once the throttle's wait is over (at once when there is
     * none), on a JDK timer thread or the caller's.
     */
    public CompletionStage<SignInDecision> decideLater(SignInAttempt attempt) {
        Admission admission = admit(attempt);
        Duration wait = admission.waitTime();
        if (wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(admission.decide());
        }
        return CompletableFuture.supplyAsync(admission::decide,
                CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS));
    }

    private Admission admit(SignInAttempt attempt) {
        Directory d = directory.get();
        Claim claim = Claim.of(d, attempt.credential(), tokens);
        // Whether it would be accepted now only sets how much it holds back the attempts after it; it is decided after its wait.
        Optional<SignInThrottle.Ticket> ticket = claim.throttleAccount()
                .map(account -> throttle.admit(new SignInThrottle.Key(SignInThrottle.client(attempt.client()), account),
                        SignInRules.decide(d, attempt.surface(), claim, attempt.credential()) instanceof SignInDecision.Accepted));
        return new Admission(attempt, ticket);
    }

    /** An attempt admitted by the throttle, to be decided (or abandoned) exactly once. */
    private final class Admission {
        private final SignInAttempt attempt;
        private final Optional<SignInThrottle.Ticket> ticket;

        Admission(SignInAttempt attempt, Optional<SignInThrottle.Ticket> ticket) {
            this.attempt = attempt;
            this.ticket = ticket;
        }

        Duration waitTime() {
            return ticket.map(SignInThrottle.Ticket::waitTime).orElse(Duration.ZERO);
        }

        /** Decides on the directory as it is now, after the wait, so a grant removed meanwhile no longer opens. */
        SignInDecision decide() {
            Directory d = directory.get();
            Claim claim = Claim.of(d, attempt.credential(), tokens);
            SignInDecision proved = SignInRules.decide(d, attempt.surface(), claim, attempt.credential());
            SignInDecision decision = SignInRules.basicSwitch(d, attempt.surface(), attempt.credential(), basicAuth, proved);
            int failures = 0;
            if (ticket.isPresent()) {
                // A right password refused by the Basic-auth switch is no guess: it clears the count.
                if (proved instanceof SignInDecision.Accepted) {
                    ticket.get().succeeded();
                } else {
                    failures = ticket.get().failed(SignInRules.secret(attempt.credential()));
                }
            }
            publish(claim.form(), decision, failures);
            return decision;
        }

        SignInDecision abandon() {
            ticket.ifPresent(SignInThrottle.Ticket::abandoned);
            SignInDecision decision = new SignInDecision.Refused(SignInDecision.Reason.INTERRUPTED,
                    "the server stopped while the attempt waited " + waitTime().toMillis() + " ms for the throttle");
            publish(LoginForm.UNRESOLVED, decision, 0);
            return decision;
        }

        private void publish(LoginForm form, SignInDecision decision, int failures) {
            if (observers.isEmpty()) {
                return;
            }
            SignInEvent event = new SignInEvent(clock.instant(), attempt.surface(), attempt.credential().mechanism(),
                    attempt.client(), attempt.credential().login(), form, decision, waitTime(), failures);
            for (Consumer<SignInEvent> o : observers) {
                o.accept(event);
            }
        }
    }

    /** Configures a {@link SignIn}. Defaults: {@link SignInThrottle.Limits#DEFAULTS}, the UTC system clock, no tokens. */
    public static final class Builder {
        private final Supplier<Directory> directory;
        private SignInThrottle.Limits limits = SignInThrottle.Limits.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private TokenValidator tokens = TokenValidator.NONE;
        private BasicAuth basicAuth = BasicAuth.ENABLED;

        private Builder(Supplier<Directory> directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        public Builder throttle(SignInThrottle.Limits v) {
            limits = Objects.requireNonNull(v, "limits");
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /** Checks bearer tokens (XOAUTH2, Graph); without one every token is refused. */
        public Builder tokens(TokenValidator v) {
            tokens = Objects.requireNonNull(v, "tokens");
            return this;
        }

        /** Where the retirement of Basic authentication for SMTP stands ({@code --basic-auth}); default enabled. */
        public Builder basicAuth(BasicAuth v) {
            basicAuth = Objects.requireNonNull(v, "basicAuth");
            return this;
        }

        public SignIn build() {
            return new SignIn(this);
        }
    }
}
