package dev.behalf.policy.signin;

import java.util.Optional;

/**
 * What a client presented to sign in, decoded from the wire. {@link #toString()} never shows a secret.
 * A new way of signing in is one more record here and one more case in the rules that decide it.
 */
public sealed interface Credential {

    Mechanism mechanism();

    /** Who the client says it is, as typed (for logs and the decision record); never a secret. */
    String login();

    /**
     * A login and password: IMAP {@code LOGIN}, POP3 {@code USER}/{@code PASS}, SASL LOGIN, HTTP Basic.
     * The login is an account (UPN, any SMTP address, alias, {@code DOMAIN\sam}, a linked
     * <code>FOREST&#92;user</code>) or {@code delegate\mailbox}.
     */
    record Password(Mechanism mechanism, String login, String password) implements Credential {
        @Override
        public String toString() {
            return "Password[" + mechanism + ", login=" + login + ", password=******]";
        }
    }

    /**
     * A SASL PLAIN message (RFC 4616): {@code authcid} proves its password; a non-empty {@code authzid}
     * names the mailbox to act for.
     */
    record Plain(String authzid, String authcid, String password) implements Credential {
        @Override
        public Mechanism mechanism() {
            return Mechanism.PLAIN;
        }

        @Override
        public String login() {
            return authzid.isEmpty() ? authcid : authcid + " for " + authzid;
        }

        @Override
        public String toString() {
            return "Plain[authzid=" + authzid + ", authcid=" + authcid + ", password=******]";
        }
    }

    /**
     * An OAuth2 access token (a JWT from the identity platform), with the mailbox the client names:
     * XOAUTH2's {@code user=}, or Graph's {@code /users/{id}} (empty for {@code /me}). The token, not the
     * user, says who signs in; the user must be the token's own (delegated) or one the app was granted (app-only).
     */
    record Bearer(Mechanism mechanism, Optional<String> user, String token) implements Credential {
        public Bearer {
            java.util.Objects.requireNonNull(user, "user");
            java.util.Objects.requireNonNull(token, "token");
        }

        @Override
        public String login() {
            return user.orElse("me");
        }

        @Override
        public String toString() {
            return "Bearer[" + mechanism + ", user=" + login() + ", token=******]";
        }
    }

    /** A response that could not be read as a credential at all; nobody's password was tried. */
    record Unreadable(Mechanism mechanism, Flaw flaw) implements Credential {
        @Override
        public String login() {
            return "";
        }
    }

    /** Why a response is unreadable. */
    enum Flaw {
        /** Not base64 (RFC 4648 §4, no whitespace). */
        NOT_BASE64(true),
        /** Base64, but not {@code [authzid] NUL authcid NUL passwd}: fewer than two NULs. */
        NOT_SASL_PLAIN(true),
        /** A NUL inside the password (RFC 4616 passwd = 1*SAFE). */
        NUL_IN_PASSWORD(false),
        /** Bytes that are not UTF-8, which RFC 4616 §2 says must fail the authentication. */
        NOT_UTF8(false),
        /** An empty authentication identity. */
        EMPTY_LOGIN(false),
        /** Base64, but not XOAUTH2's {@code user=...^Aauth=Bearer ...^A^A}. */
        NOT_XOAUTH2(true);

        private final boolean framing;

        Flaw(boolean framing) {
            this.framing = framing;
        }

        /**
         * Whether the response was not even a message of its mechanism (SMTP answers such a response as a
         * syntax error, {@code 501 5.5.2}); otherwise it was a well-framed message whose content fails, as
         * a wrong password does.
         */
        public boolean framing() {
            return framing;
        }
    }
}
