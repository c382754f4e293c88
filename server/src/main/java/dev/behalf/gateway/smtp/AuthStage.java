package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Refusal;

import java.util.List;
import java.util.Optional;

/**
 * AUTH's refusal rules, checked before the exchange itself (which {@link DirectoryAuthenticator} conducts:
 * credentials, throttling and their replies are its own).
 */
final class AuthStage {
    private AuthStage() {
    }

    /** What AUTH knows before the exchange starts. */
    record AuthCommand(boolean tlsRequired, boolean tls) {
    }

    static List<Check<AuthCommand>> checks() {
        return List.of(new EncryptedWhereRequired());
    }

    /** Beyond loopback, no password crosses the network in the clear (spec: --bind, RFC 4954 §4). */
    record EncryptedWhereRequired() implements Check<AuthCommand> {
        public Optional<Refused> check(AuthCommand a) {
            return a.tlsRequired() && !a.tls() ? Refused.of(Refusal.ENCRYPTION_REQUIRED, "AUTH before STARTTLS") : Optional.empty();
        }
    }
}
