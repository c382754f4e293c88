package dev.behalf.gateway.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where sign-in attempts are announced, for metrics: each surface reports every attempt it decided,
 * on the thread that decided it. Listeners must not block. Thread-safe.
 *
 * <p>Wired today: SMTP AUTH. IMAP and POP3 sign-ins (mailstore's SignIn) and Autodiscover's Basic
 * check are to report here too once sign-in is decided in one place.
 */
public final class SignIns {
    public static final String SMTP = "smtp";
    public static final String IMAP = "imap";
    public static final String POP3 = "pop3";
    public static final String AUTODISCOVER = "autodiscover";

    /** One attempt: where, and whether the credentials were accepted. */
    public record SignIn(String surface, boolean succeeded) {
    }

    private final List<Consumer<SignIn>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<SignIn> listener) {
        listeners.add(listener);
    }

    public void record(String surface, boolean succeeded) {
        SignIn attempt = new SignIn(surface, succeeded);
        for (Consumer<SignIn> l : listeners) {
            l.accept(attempt);
        }
    }
}
