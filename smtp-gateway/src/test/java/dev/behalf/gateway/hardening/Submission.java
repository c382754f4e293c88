package dev.behalf.gateway.hardening;

import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.smtp.SubmissionServer;
import dev.behalf.gateway.smtp.SubmissionSettings;
import dev.behalf.gateway.smtp.TlsContexts;
import dev.behalf.mailstore.MailStore;
import dev.behalf.policy.change.LiveDirectory;

/** A bare submission server for tests that set its limits themselves, without the rest of Behalf. */
final class Submission {
    private Submission() {
    }

    /** Over {@code live} and {@code store}, default settings for localhost, a self-signed certificate, port 0. */
    static SubmissionServer.Builder over(LiveDirectory live, MailStore store) {
        return SubmissionServer.builder().directory(live).store(store).decisions(new DecisionLog(100))
                .settings(SubmissionSettings.defaults("localhost")).tls(() -> TlsContexts.selfSigned("localhost")).port(0);
    }
}
