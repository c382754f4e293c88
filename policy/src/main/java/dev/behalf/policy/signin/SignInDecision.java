package dev.behalf.policy.signin;

import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.directory.Recipient;

import java.util.Objects;
import java.util.Optional;

/**
 * What a sign-in came to. Every surface answers a {@link Refused} with the one text it sends for a wrong
 * password (only SMTP tells an unreadable response apart, as a syntax error); the reason is for the log
 * and the decision record, never for the wire (spec §8).
 */
public sealed interface SignInDecision {

    /**
     * Signed in. {@code account} proved its password; {@code mailbox} is what the session opens: the
     * account itself, or, on IMAP and POP3, a mailbox it holds Full Access to ({@code fullAccess} says
     * through which grant). On SMTP and Autodiscover it is always the account; on Graph it is the mailbox
     * {@code /users/{id}} names, which the message goes out from unless it says otherwise. {@code token} is the
     * bearer token it signed in with, for a surface that checks a permission per request (Graph's
     * {@code Mail.Send.Shared} for a message from someone else); empty for a password.
     */
    record Accepted(Recipient account, Recipient mailbox, Optional<MailboxAccess.Grant> fullAccess,
                    Optional<AccessToken> token) implements SignInDecision {
        public Accepted {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(fullAccess, "fullAccess");
            Objects.requireNonNull(token, "token");
        }

        /** Signed in without a token. */
        public Accepted(Recipient account, Recipient mailbox, Optional<MailboxAccess.Grant> fullAccess) {
            this(account, mailbox, fullAccess, Optional.empty());
        }

        /** "own account", or "Full Access, via group Helpdesk". */
        public String how() {
            return fullAccess.map(g -> "Full Access, " + g.reason()).orElse("own account");
        }
    }

    /** Refused; {@code why} names the objects involved, for the log only. */
    record Refused(Reason reason, String why) implements SignInDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Why a sign-in was refused. */
    enum Reason {
        /** The response could not be read as a credential (bad base64, not SASL PLAIN, not UTF-8). */
        UNREADABLE,
        /** No account signs in with that login, or a {@code delegate\mailbox} login names no such pair. */
        UNKNOWN_ACCOUNT,
        /** A {@code delegate\mailbox} login that splits into more than one account and mailbox. */
        AMBIGUOUS_LOGIN,
        /** The account exists, the password is not its own. */
        WRONG_PASSWORD,
        /** A shared, resource or system mailbox, or an account without a password (spec §1). */
        CANNOT_SIGN_IN,
        /** A MailUser or User on IMAP or POP3: signed in, but there is no store mailbox to open. */
        NO_MAILBOX,
        /** A SASL authorization identity that names no single object. */
        UNKNOWN_MAILBOX,
        /** No Full Access on the mailbox: no Allow entry covers the account, a Deny does, or it is hidden. */
        NO_FULL_ACCESS,
        /** Acting for another mailbox where this surface acts as the signed-in account only (SMTP, Autodiscover). */
        NOT_ON_THIS_SURFACE,
        /** The server stopped while the attempt waited out the throttle. */
        INTERRUPTED,
        /** A bearer token that is not one of ours: unparseable, not RS256, unknown key, forged signature, other tenant or issuer. */
        TOKEN_INVALID,
        /** A bearer token past its {@code exp} (or before its {@code nbf}). */
        TOKEN_EXPIRED,
        /** A bearer token for another resource ({@code aud}), e.g. a Graph token on IMAP. */
        TOKEN_WRONG_AUDIENCE,
        /** A bearer token without the scope ({@code scp}) or app role ({@code roles}) this surface needs. */
        TOKEN_MISSING_SCOPE,
        /** Basic authentication (PLAIN, LOGIN) on SMTP while the organization's SmtpClientAuthenticationDisabled is on. */
        SMTP_AUTH_DISABLED_TENANT,
        /** Basic authentication on SMTP while the mailbox's SmtpClientAuthenticationDisabled is on, or {@code --basic-auth disabled}. */
        BASIC_AUTH_DISABLED,
        /** Basic authentication on SMTP with {@code --basic-auth retired}. */
        BASIC_AUTH_RETIRED,
        /** A token for one user presented for another ({@code user=} is not the token's {@code upn}/{@code oid}), or an app not granted the mailbox. */
        TOKEN_WRONG_USER
    }
}
