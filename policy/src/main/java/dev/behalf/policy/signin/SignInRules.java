package dev.behalf.policy.signin;

import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;

import java.util.Optional;

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
        return new SignInDecision.Refused(SignInDecision.Reason.UNREADABLE,
                "the " + credential.mechanism().label() + " response is unreadable: " + ((Claim.Unreadable) claim).flaw());
    }

    /** The password a credential proves, where it carries one. */
    static Optional<String> secret(Credential credential) {
        if (credential instanceof Credential.Password p) {
            return Optional.of(p.password());
        }
        if (credential instanceof Credential.Plain p) {
            return Optional.of(p.password());
        }
        return Optional.empty();
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
