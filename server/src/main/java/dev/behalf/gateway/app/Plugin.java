package dev.behalf.gateway.app;

import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.audit.Webhook;
import dev.behalf.gateway.http.Router;
import dev.behalf.mailstore.MailStore;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.change.LiveDirectory;

import java.util.Optional;

/**
 * Something started with a Behalf that the engine itself doesn't depend on, such as the Prometheus
 * metrics of behalf-metrics ({@link Behalf.Builder#plugin}): it may add HTTP routes and listen to
 * decisions, sign-ins and the store. Listeners run on SMTP, IMAP and HTTP threads and must not block.
 */
public interface Plugin {

    /**
     * Called once the store and SMTP are up and before HTTP starts, so routes added here are served
     * from the first request. What it returns is closed when the Behalf stops (before the store).
     */
    AutoCloseable install(Context context);

    /** What a plugin may use. */
    record Context(BehalfOptions options, Router router, LiveDirectory directory, MailStore store, DecisionLog decisions,
                   SignIn signIn, Optional<Webhook> webhook) {
    }
}
