package dev.behalf.policy.signin;

import java.util.Objects;

/**
 * Checks that a bearer token is one the identity platform issued and still in force: its signature,
 * algorithm, key, issuer, tenant and lifetime. Whether the token may be used where it is presented
 * (audience, scope, user) is not its business: {@link SignInRules} decides that, with every other sign-in.
 * Implemented by {@code dev.behalf.policy.oauth.IdentityPlatform}; thread-safe.
 */
@FunctionalInterface
public interface TokenValidator {

    Verified verify(String token);

    /** For a server without an identity platform: every token is refused. */
    TokenValidator NONE = token -> new Invalid(SignInDecision.Reason.TOKEN_INVALID, "this server issues no tokens");

    /** What the check found. */
    sealed interface Verified permits Valid, Invalid {
    }

    record Valid(AccessToken token) implements Verified {
        public Valid {
            Objects.requireNonNull(token, "token");
        }
    }

    /** {@code reason} is {@link SignInDecision.Reason#TOKEN_INVALID} or {@link SignInDecision.Reason#TOKEN_EXPIRED}. */
    record Invalid(SignInDecision.Reason reason, String why) implements Verified {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(why, "why");
        }
    }
}
