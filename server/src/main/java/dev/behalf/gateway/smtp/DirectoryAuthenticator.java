package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.SignIns;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.reply.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * SMTP AUTH PLAIN (RFC 4616) and LOGIN against the directory. Written here rather than using
 * SubEthaSMTP's factories because the failure reply must be Exchange's
 * {@code 535 5.7.3 Authentication unsuccessful}, and failures must be throttled and logged.
 *
 * <p>Accounts that can't sign in (shared, resource and system mailboxes, groups) fail exactly as a
 * wrong password does. A PLAIN authorization identity, when given, must name the same account.
 */
final class DirectoryAuthenticator implements AuthenticationHandlerFactory {
    private static final Logger log = LoggerFactory.getLogger(DirectoryAuthenticator.class);
    private static final String USERNAME_CHALLENGE = "334 " + b64("Username:");
    private static final String PASSWORD_CHALLENGE = "334 " + b64("Password:");
    /** AUTH replies read the same in both dialects (spec §5). */
    private static final Dialect ANY_DIALECT = Dialect.EXCHANGE_ONLINE;

    private final LiveDirectory directory;
    private final AuthThrottle throttle;
    private final SignIns signIns;

    DirectoryAuthenticator(LiveDirectory directory, AuthThrottle throttle, SignIns signIns) {
        this.directory = directory;
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @Override
    public List<String> getAuthenticationMechanisms() {
        return List.of("LOGIN", "PLAIN");
    }

    @Override
    public AuthenticationHandler create() {
        return new Exchange();
    }

    /** One AUTH exchange; becomes the session's identity on success. */
    private final class Exchange implements AuthenticationHandler {
        private String mechanism;
        private String username;
        private AccountIdentity identity;

        @Override
        public Optional<String> auth(String clientInput, MessageContext context) throws RejectException {
            InetAddress peer = peer(context);
            if (mechanism == null) {
                String[] parts = clientInput.strip().split("\\s+");
                mechanism = parts.length > 1 ? parts[1].toUpperCase(java.util.Locale.ROOT) : "";
                if (throttle.blocked(peer)) {
                    log.warn("AUTH from {} refused: {} failures within the throttle window", peer.getHostAddress(), throttle.limit());
                    throw RejectMapping.reject(Refusal.AUTH_THROTTLED.reply(ANY_DIALECT));
                }
                String initial = parts.length > 2 ? parts[2] : null;
                if (mechanism.equals("PLAIN")) {
                    return initial == null ? Optional.of("334 ") : plain(initial, peer);
                }
                if (initial == null) {
                    return Optional.of(USERNAME_CHALLENGE);
                }
                username = decode(initial);
                return Optional.of(PASSWORD_CHALLENGE);
            }
            if (mechanism.equals("PLAIN")) {
                return plain(clientInput.strip(), peer);
            }
            if (username == null) {
                username = decode(clientInput.strip());
                return Optional.of(PASSWORD_CHALLENGE);
            }
            return verify(username, decode(clientInput.strip()), Optional.empty(), peer);
        }

        private Optional<String> plain(String response, InetAddress peer) throws RejectException {
            byte[] bytes = bytes(response);
            // RFC 4616: [authzid] NUL authcid NUL passwd
            int first = indexOf(bytes, 0);
            int second = first < 0 ? -1 : indexOf(bytes, first + 1);
            if (first < 0 || second < 0) {
                throw RejectMapping.reject(Refusal.BAD_AUTH_RESPONSE.reply(ANY_DIALECT));
            }
            String authzid = new String(bytes, 0, first, StandardCharsets.UTF_8);
            String authcid = new String(bytes, first + 1, second - first - 1, StandardCharsets.UTF_8);
            String password = new String(bytes, second + 1, bytes.length - second - 1, StandardCharsets.UTF_8);
            return verify(authcid, password, authzid.isEmpty() ? Optional.empty() : Optional.of(authzid), peer);
        }

        private Optional<String> verify(String login, String password, Optional<String> authzid, InetAddress peer)
                throws RejectException {
            var current = directory.current();
            Optional<Recipient> account = current.account(login)
                    .filter(Recipient::canSignIn)
                    .filter(r -> r.account().flatMap(a -> a.password()).map(s -> s.matches(password)).orElse(false))
                    // SMTP submission acts as the signed-in account only: an authzid must name that account.
                    .filter(r -> authzid.isEmpty() || current.account(authzid.get()).map(z -> z.id().equals(r.id())).orElse(false));
            if (account.isEmpty()) {
                signIns.record(SignIns.SMTP, false);
                int failures = throttle.fail(peer);
                log.warn("AUTH {} failed for login '{}' from {} ({} recent failures)", mechanism, login, peer.getHostAddress(), failures);
                throw RejectMapping.reject(Refusal.AUTH_FAILED.reply(ANY_DIALECT));
            }
            identity = new AccountIdentity(account.get().id(), login);
            signIns.record(SignIns.SMTP, true);
            return Optional.empty();
        }

        @Override
        public Object getIdentity() {
            return identity;
        }
    }


    private static InetAddress peer(MessageContext context) {
        return ((InetSocketAddress) context.getRemoteAddress()).getAddress();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bytes(String base64) throws RejectException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw RejectMapping.reject(Refusal.BAD_AUTH_RESPONSE.reply(ANY_DIALECT));
        }
    }

    private static String decode(String base64) throws RejectException {
        return new String(bytes(base64), StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }
}
