package dev.behalf.policy.oauth;

import java.util.Objects;

/** What the token endpoint answers: a token, or Entra's error (an OAuth2 error code, an AADSTS number and its text). */
public sealed interface TokenResult {

    /** {@code 200} with {@code token_type Bearer}. */
    record Issued(String accessToken, String scope, long expiresIn) implements TokenResult {
        @Override
        public String toString() {
            return "Issued[scope=" + scope + ", expiresIn=" + expiresIn + ", accessToken=******]";
        }
    }

    /**
     * An error as Entra sends it: HTTP {@code status}, the OAuth2 {@code error} (RFC 6749 §5.2), and
     * {@code AADSTS<code>: <description>}.
     */
    record Error(int status, String error, int code, String description) implements TokenResult {
        public Error {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(description, "description");
        }

        /** {@code AADSTS7000215: Invalid client secret provided. ...} */
        public String aadsts() {
            return "AADSTS" + code + ": " + description;
        }
    }
}
