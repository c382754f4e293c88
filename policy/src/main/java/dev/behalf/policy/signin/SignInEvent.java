package dev.behalf.policy.signin;

import dev.behalf.policy.text.Printable;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * One sign-in decision, as {@link SignIn} tells its observers (the log, metrics "sign-ins by surface and
 * result", decision records). Carries no secret.
 *
 * @param login   who the client said it was, as typed
 * @param waited  how long the throttle held the attempt before it was decided
 * @param failures the failures now counted against this client and account (0 after a success)
 */
public record SignInEvent(Instant at, SignInSurface surface, Mechanism mechanism, InetAddress client, String login,
                          LoginForm form, SignInDecision decision, Duration waited, int failures) {

    /** Accepted or the refusal reason, for a metric label: {@code accepted}, {@code wrong_password}. */
    public String result() {
        return decision instanceof SignInDecision.Refused r ? r.reason().name().toLowerCase(java.util.Locale.ROOT) : "accepted";
    }

    /**
     * One log line: {@code IMAP LOGIN from 127.0.0.1 as 'jimh\ayla': Jim Hance opened Ayla Kol (Full Access,
     * direct grant)}. The login is printed with control characters escaped, so a crafted login cannot forge
     * log lines.
     */
    public String describe() {
        StringBuilder s = new StringBuilder().append(surface).append(' ').append(mechanism.label())
                .append(" from ").append(client.getHostAddress()).append(" as '").append(Printable.of(login)).append("': ");
        if (decision instanceof SignInDecision.Accepted a) {
            s.append(a.account().name()).append(a.mailbox().id().equals(a.account().id()) ? " signed in" : " opened " + a.mailbox().name())
                    .append(" (").append(a.how()).append(')');
        } else {
            SignInDecision.Refused r = (SignInDecision.Refused) decision;
            s.append("refused, ").append(Printable.of(r.why()))
                    .append(" (").append(failures).append(failures == 1 ? " failure" : " failures").append(')');
        }
        if (!(waited.isZero() || waited.isNegative())) {
            s.append(", after ").append(waited.toMillis()).append(" ms throttled");
        }
        return s.toString();
    }
}
