package dev.behalf.policy.signin;

import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rules of sign-in (spec §1, §8), pure: a claim, the secret and the surface give a decision.
 *
 * <ul>
 * <li>An owner signs in with its own account. Accounts that can't sign in (shared, resource, system
 *     mailboxes, or no password) are refused like a wrong password; on IMAP and POP3 so are accounts
 *     without a store mailbox (MailUser, User): they have nothing to open.</li>
 * <li>A Full Access delegate acts for a mailbox with its own password, on IMAP and POP3 only, while
 *     {@link MailboxAccess#canOpen} grants it in the snapshot decided on, so a removed grant stops
 *     working at the next sign-in.</li>
 * </ul>
 */
final class SignInRules {
    private SignInRules() {
    }

    static SignInDecision decide(Directory d, SignInSurface surface, Claim claim, Credential credential) {
        if (claim instanceof Claim.Own own) {
            return own(surface, own.account(), secret(credential));
        }
        if (claim instanceof Claim.Delegated dl) {
            return delegated(d, surface, dl.delegate(), dl.mailbox(), secret(credential));
        }
        if (claim instanceof Claim.Unresolved u) {
            return new SignInDecision.Refused(u.reason(), u.why());
        }
        if (claim instanceof Claim.Token t) {
            return token(d, surface, t);
        }
        return new SignInDecision.Refused(SignInDecision.Reason.UNREADABLE,
                "the " + credential.mechanism().label() + " response is unreadable: " + ((Claim.Unreadable) claim).flaw());
    }

    /**
     * Exchange Online's Basic-auth switch, after the password proved right (so its text tells a guesser
     * nothing): PLAIN and LOGIN on SMTP are refused while {@code --basic-auth} is {@code retired} or
     * {@code disabled}, or the mailbox's {@code SmtpClientAuthenticationDisabled} is $true, or it has none and
     * the organization's is. A mailbox's $false lets it in whatever the organization says.
     */
    static SignInDecision basicSwitch(Directory d, SignInSurface surface, Credential credential, BasicAuth stage, SignInDecision decision) {
        boolean basic = credential instanceof Credential.Password || credential instanceof Credential.Plain;
        if (surface != SignInSurface.SMTP || !basic || !(decision instanceof SignInDecision.Accepted a)) {
            return decision;
        }
        String who = a.account().name();
        if (stage == BasicAuth.RETIRED) {
            return new SignInDecision.Refused(SignInDecision.Reason.BASIC_AUTH_RETIRED,
                    "Basic authentication for SMTP client submission is retired (--basic-auth retired); " + who + " must use XOAUTH2");
        }
        if (stage == BasicAuth.DISABLED) {
            return new SignInDecision.Refused(SignInDecision.Reason.BASIC_AUTH_DISABLED,
                    "Basic authentication for SMTP client submission is disabled (--basic-auth disabled); " + who + " must use XOAUTH2");
        }
        Optional<Boolean> own = d.smtpClientAuth().mailbox(a.account().id());
        if (own.orElse(false)) {
            return new SignInDecision.Refused(SignInDecision.Reason.BASIC_AUTH_DISABLED,
                    who + " has SmtpClientAuthenticationDisabled $true (Set-CASMailbox)");
        }
        if (own.isEmpty() && d.smtpClientAuth().tenantDisabled()) {
            return new SignInDecision.Refused(SignInDecision.Reason.SMTP_AUTH_DISABLED_TENANT,
                    "the organization has SmtpClientAuthenticationDisabled $true (Set-TransportConfig) and " + who + " sets none");
        }
        return decision;
    }

    /** The password a credential proves, where it carries one. */
    static Optional<String> secret(Credential credential) {
        if (credential instanceof Credential.Password p) {
            return Optional.of(p.password());
        }
        if (credential instanceof Credential.Plain p) {
            return Optional.of(p.password());
        }
        if (credential instanceof Credential.Bearer b) {
            return Optional.of(b.token());
        }
        return Optional.empty();
    }

    /** What a surface asks of a token: its resource, the delegated scope, the application role. */
    private record Need(String audience, String scope, String role) {
        static Optional<Need> of(SignInSurface surface) {
            return switch (surface) {
                case SMTP -> Optional.of(new Need(AccessToken.EXCHANGE, "SMTP.Send", "SMTP.SendAsApp"));
                case IMAP -> Optional.of(new Need(AccessToken.EXCHANGE, "IMAP.AccessAsUser.All", "IMAP.AccessAsApp"));
                case POP3 -> Optional.of(new Need(AccessToken.EXCHANGE, "POP.AccessAsUser.All", "POP.AccessAsApp"));
                case GRAPH -> Optional.of(new Need(AccessToken.GRAPH, "Mail.Send", "Mail.Send"));
                case AUTODISCOVER, TOKEN -> Optional.empty();
            };
        }
    }

    /**
     * A bearer token (Exchange Online's rules for OAuth2 on SMTP, IMAP and POP, and Graph's): it must be in
     * force and for this surface's resource, carry its scope (delegated) or role (app-only), and be used for
     * the mailbox it is good for. A delegated token acts as its user: over SMTP for that user only, over IMAP and
     * POP for a mailbox the user has Full Access to, as a password would. An app-only token acts as a mailbox
     * the app was granted (Full Access for IMAP and POP, Send As for SMTP and Graph), decided on the directory
     * in force, so a removed permission stops the app at its next sign-in, whatever its token still says.
     */
    private static SignInDecision token(Directory d, SignInSurface surface, Claim.Token t) {
        if (t.verified() instanceof TokenValidator.Invalid bad) {
            return new SignInDecision.Refused(bad.reason(), bad.why());
        }
        AccessToken token = ((TokenValidator.Valid) t.verified()).token();
        Optional<Need> need = Need.of(surface);
        if (need.isEmpty()) {
            return new SignInDecision.Refused(SignInDecision.Reason.NOT_ON_THIS_SURFACE, surface + " takes no bearer tokens");
        }
        if (!token.audience().equals(need.get().audience())) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_WRONG_AUDIENCE,
                    "the token is for " + token.audience() + "; " + surface + " takes tokens for " + need.get().audience());
        }
        String named = t.bearer().user().orElse("me");
        return token.appOnly() ? appOnly(d, surface, t, token, need.get(), named) : delegatedToken(d, surface, t, token, need.get(), named);
    }

    private static SignInDecision appOnly(Directory d, SignInSurface surface, Claim.Token t, AccessToken token, Need need, String named) {
        Optional<AppRegistration> app = d.appByObjectId(token.objectId());
        if (app.isEmpty()) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_INVALID,
                    "the token's service principal " + token.objectId() + " is no longer registered");
        }
        String who = "app '" + app.get().displayName() + "'";
        if (!token.roles().contains(need.role())) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_MISSING_SCOPE,
                    "the app-only token of " + who + " has roles " + new TreeSet<>(token.roles()) + "; " + surface + " needs " + need.role());
        }
        if (t.bearer().user().isEmpty() || t.user().isEmpty()) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_WRONG_USER, t.bearer().user().isEmpty()
                    ? who + " used an app-only token without naming a mailbox" : "'" + named + "' names no single object");
        }
        Recipient mailbox = t.user().get();
        boolean opens = surface.opensMailbox();
        if (!(opens ? app.get().fullAccess() : app.get().sendAs()).contains(mailbox.id())) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_WRONG_USER, who + " has no "
                    + (opens ? "Full Access to " : "Send As on ") + mailbox.name()
                    + (opens ? " (Add-MailboxPermission -User <service principal> -AccessRights FullAccess)"
                    : " (Add-RecipientPermission -Trustee <service principal> -AccessRights SendAs)"));
        }
        if (opens && !mailbox.type().hasMailbox()) {
            return new SignInDecision.Refused(SignInDecision.Reason.NO_MAILBOX, mailbox.name() + " has no store mailbox to open");
        }
        return new SignInDecision.Accepted(mailbox, mailbox,
                opens ? Optional.of(new MailboxAccess.Grant(mailbox, Optional.of(who), List.of(), false)) : Optional.empty(),
                Optional.of(token));
    }

    private static SignInDecision delegatedToken(Directory d, SignInSurface surface, Claim.Token t, AccessToken token, Need need, String named) {
        if (!token.scopes().contains(need.scope())) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_MISSING_SCOPE,
                    "the token of " + token.upn().orElse("?") + " has scopes " + new TreeSet<>(token.scopes()) + "; " + surface + " needs " + need.scope());
        }
        Optional<Recipient> owner;
        try {
            owner = d.get(RecipientId.parse(token.objectId()));
        } catch (IllegalArgumentException e) {
            owner = Optional.empty();
        }
        if (owner.isEmpty()) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_INVALID,
                    "the token's user " + token.upn().orElse(token.objectId()) + " is no longer in the directory");
        }
        Recipient account = owner.get();
        if (!account.canSignIn()) {
            return new SignInDecision.Refused(SignInDecision.Reason.CANNOT_SIGN_IN,
                    account.name() + " is a " + account.type() + " account that can't sign in");
        }
        if (t.bearer().user().isPresent() && t.user().isEmpty()) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_WRONG_USER,
                    "the token is " + account.name() + "'s; '" + named + "' names no single object");
        }
        Recipient mailbox = t.user().orElse(account);
        if (mailbox.id().equals(account.id())) {
            if (surface.opensMailbox() && !account.type().hasMailbox()) {
                return new SignInDecision.Refused(SignInDecision.Reason.NO_MAILBOX,
                        account.name() + " is a " + account.type() + " and has no store mailbox to open");
            }
            return new SignInDecision.Accepted(account, account, Optional.empty(), Optional.of(token));
        }
        if (surface == SignInSurface.GRAPH) {
            // Graph's /users/{other}/sendMail: the message goes out from that mailbox if the sender rule
            // allows it; the Graph surface checks Mail.Send.Shared first.
            return new SignInDecision.Accepted(account, mailbox, Optional.empty(), Optional.of(token));
        }
        if (!surface.opensMailbox()) {
            return new SignInDecision.Refused(SignInDecision.Reason.TOKEN_WRONG_USER,
                    "the token is " + account.name() + "'s; user=" + named + " names " + mailbox.name());
        }
        return MailboxAccess.canOpen(d, account.id(), mailbox.id())
                .<SignInDecision>map(g -> new SignInDecision.Accepted(account, mailbox, Optional.of(g)))
                .orElseGet(() -> new SignInDecision.Refused(SignInDecision.Reason.NO_FULL_ACCESS, account.name()
                        + " has no Full Access to " + mailbox.name() + " (no Allow entry, a Deny, a hidden mailbox, or not a mailbox)"));
    }

    private static SignInDecision own(SignInSurface surface, Recipient account, Optional<String> secret) {
        Optional<SignInDecision.Refused> refused = checkPassword(account, secret);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (surface.opensMailbox() && !account.type().hasMailbox()) {
            return new SignInDecision.Refused(SignInDecision.Reason.NO_MAILBOX,
                    account.name() + " is a " + account.type() + " and has no store mailbox to open");
        }
        return new SignInDecision.Accepted(account, account, Optional.empty());
    }

    private static SignInDecision delegated(Directory d, SignInSurface surface, Recipient delegate, Recipient mailbox,
                                            Optional<String> secret) {
        if (delegate.id().equals(mailbox.id())) {
            return own(surface, delegate, secret);
        }
        if (!surface.opensMailbox()) {
            return new SignInDecision.Refused(SignInDecision.Reason.NOT_ON_THIS_SURFACE, surface
                    + " acts as the signed-in account only; " + delegate.name() + " asked to act for " + mailbox.name());
        }
        Optional<SignInDecision.Refused> refused = checkPassword(delegate, secret);
        if (refused.isPresent()) {
            return refused.get();
        }
        return MailboxAccess.canOpen(d, delegate.id(), mailbox.id())
                .<SignInDecision>map(g -> new SignInDecision.Accepted(delegate, mailbox, Optional.of(g)))
                .orElseGet(() -> new SignInDecision.Refused(SignInDecision.Reason.NO_FULL_ACCESS, delegate.name()
                        + " has no Full Access to " + mailbox.name() + " (no Allow entry, a Deny, a hidden mailbox, or not a mailbox)"));
    }

    private static Optional<SignInDecision.Refused> checkPassword(Recipient account, Optional<String> secret) {
        if (!account.canSignIn()) {
            return Optional.of(new SignInDecision.Refused(SignInDecision.Reason.CANNOT_SIGN_IN,
                    account.name() + " is a " + account.type() + " account that can't sign in"));
        }
        boolean matches = secret.isPresent()
                && account.account().flatMap(Account::password).map(s -> s.matches(secret.get())).orElse(false);
        return matches ? Optional.empty()
                : Optional.of(new SignInDecision.Refused(SignInDecision.Reason.WRONG_PASSWORD, "wrong password for " + account.name()));
    }
}
