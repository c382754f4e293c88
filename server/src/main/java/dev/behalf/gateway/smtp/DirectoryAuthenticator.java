package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.signin.Credential;
import dev.behalf.policy.signin.SaslExchange;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.signin.SignInAttempt;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.SignInSurface;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * SMTP AUTH PLAIN (RFC 4616), LOGIN and XOAUTH2 (an OAuth2 bearer token, as Exchange Online takes it), decided by policy's {@link SignIn} like every other sign-in.
 * Written here rather than using SubEthaSMTP's factories because the failure reply must be Exchange's
 * {@code 535 5.7.3 Authentication unsuccessful}, the same for every reason (the log says which), and a
 * response that isn't even SASL (not base64, no PLAIN separators) is {@code 501 5.5.2}. SMTP submission
 * acts as the signed-in account only: an authorization identity must name that account.
 *
 * <p>The throttle's wait happens on the session's own thread (SubEthaSMTP runs one per connection), so a
 * guesser slows only itself.
 */
final class DirectoryAuthenticator implements AuthenticationHandlerFactory {
    /** AUTH replies read the same in both dialects (spec §5). */
    private static final Dialect ANY_DIALECT = Dialect.EXCHANGE_ONLINE;

    private final SignIn signIn;
    private final LongAuthLines longLines;

    DirectoryAuthenticator(SignIn signIn, LongAuthLines longLines) {
        this.signIn = signIn;
        this.longLines = longLines;
    }

    @Override
    public List<String> getAuthenticationMechanisms() {
        return List.of("LOGIN", "PLAIN", "XOAUTH2");
    }

    @Override
    public AuthenticationHandler create() {
        return new Exchange();
    }

    /** One AUTH exchange; becomes the session's identity on success. */
    private final class Exchange implements AuthenticationHandler {
        private SaslExchange sasl;
        private AccountIdentity identity;

        @Override
        public Optional<String> auth(String line, MessageContext context) throws RejectException {
            InetSocketAddress remote = (InetSocketAddress) context.getRemoteAddress();
            String clientInput = line;
            SaslExchange.Step step;
            if (sasl == null) {
                // SubEthaSMTP's AuthCommand has checked that the mechanism is one of ours; the same words it read.
                String[] parts = SmtpCommandLine.words(clientInput);
                sasl = SaslExchange.start(parts[1] != null ? parts[1] : "")
                        .orElseThrow(() -> RejectMapping.reject(Refusal.AUTH_FAILED.reply(ANY_DIALECT)));
                step = sasl.initial(parts[2] != null ? Optional.of(longLines.restore(remote, parts[2])) : Optional.empty());
            } else {
                step = sasl.respond(longLines.restore(remote, clientInput));
            }
            if (step instanceof SaslExchange.Challenge challenge) {
                return Optional.of("334 " + challenge.base64());
            }
            Credential credential = ((SaslExchange.Done) step).credential();
            SignInDecision decision = signIn.decide(new SignInAttempt(SignInSurface.SMTP,
                    ((InetSocketAddress) context.getRemoteAddress()).getAddress(), credential));
            if (decision instanceof SignInDecision.Accepted accepted) {
                // The login as typed: for PLAIN its authentication identity, for XOAUTH2 its user=.
                identity = new AccountIdentity(accepted.account().id(),
                        credential instanceof Credential.Plain plain ? plain.authcid() : credential.login());
                return Optional.empty();
            }
            boolean notSasl = credential instanceof Credential.Unreadable u && u.flaw().framing();
            // The Basic-auth switch has Exchange Online's own texts; every other refusal reads like a wrong password.
            Refusal refusal = switch (((SignInDecision.Refused) decision).reason()) {
                case SMTP_AUTH_DISABLED_TENANT -> Refusal.SMTP_AUTH_DISABLED_TENANT;
                case BASIC_AUTH_DISABLED -> Refusal.BASIC_AUTH_DISABLED;
                case BASIC_AUTH_RETIRED -> Refusal.BASIC_AUTH_RETIRED;
                default -> notSasl ? Refusal.BAD_AUTH_RESPONSE : Refusal.AUTH_FAILED;
            };
            throw RejectMapping.reject(refusal.reply(ANY_DIALECT));
        }

        @Override
        public Object getIdentity() {
            return identity;
        }
    }
}
