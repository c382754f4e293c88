package dev.behalf.policy.signin;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.identity.Resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a credential claims to be, resolved against the directory without looking at any secret: whose
 * password is to be tried, and for which mailbox. The throttle keys on it before the password is
 * checked, so a guess is slowed before its answer is known.
 */
sealed interface Claim {

    /** An account signing in as itself. */
    record Own(Recipient account, LoginForm form) implements Claim {
    }

    /** An account acting for a mailbox: {@code delegate\mailbox}, or a SASL authorization identity. */
    record Delegated(Recipient delegate, Recipient mailbox, LoginForm form) implements Claim {
    }

    /**
     * A login that names no account, or no single account-and-mailbox pair: refused without trying a
     * password. {@code account} is the account the login did name, if any (an authcid whose authzid names nothing).
     */
    record Unresolved(String login, SignInDecision.Reason reason, String why, Optional<Recipient> account) implements Claim {
        @Override
        public LoginForm form() {
            return LoginForm.UNRESOLVED;
        }
    }

    /**
     * A bearer token, checked for signature and lifetime; {@code user} is the mailbox the client named
     * (XOAUTH2's {@code user=}, Graph's {@code /users/{id}}), resolved when it names one object.
     */
    record Token(Credential.Bearer bearer, TokenValidator.Verified verified, Optional<Recipient> user) implements Claim {
        @Override
        public LoginForm form() {
            return user.map(u -> Claim.form(bearer.user().orElse(""), u)).orElse(LoginForm.UNRESOLVED);
        }
    }

    /** A response that was not a credential. */
    record Unreadable(Credential.Flaw flaw) implements Claim {
        @Override
        public LoginForm form() {
            return LoginForm.UNREADABLE;
        }
    }

    static Claim of(Directory d, Credential credential, TokenValidator tokens) {
        if (credential instanceof Credential.Bearer b) {
            Optional<Recipient> user = b.user().flatMap(u -> d.resolve(u) instanceof Resolution.Found f ? Optional.of(f.recipient()) : Optional.empty());
            return new Token(b, tokens.verify(b.token()), user);
        }
        if (credential instanceof Credential.Password p) {
            return login(d, p.login());
        }
        if (credential instanceof Credential.Plain p) {
            return plain(d, p);
        }
        return new Unreadable(((Credential.Unreadable) credential).flaw());
    }

    /** How the login text names the account: the first of SMTP address (the default UPN is one), UPN, alias, linked account, DOMAIN\sam it matches. */
    static LoginForm form(String login, Recipient account) {
        String text = login.strip();
        if (account.addresses().stream().anyMatch(a -> a.toString().equalsIgnoreCase(text))) {
            return LoginForm.SMTP_ADDRESS;
        }
        if (account.account().map(a -> a.userPrincipalName().equalsIgnoreCase(text)).orElse(false)) {
            return LoginForm.USER_PRINCIPAL_NAME;
        }
        if (account.alias().equalsIgnoreCase(text)) {
            return LoginForm.ALIAS;
        }
        if (account.account().flatMap(a -> a.linkedMasterAccount()).map(m -> m.equalsIgnoreCase(text)).orElse(false)) {
            return LoginForm.LINKED_ACCOUNT;
        }
        return LoginForm.DOMAIN_ACCOUNT;
    }

    /**
     * An account login, or {@code delegate\mailbox}: the delegate by any login form, the mailbox by any
     * identity form (spec §8). The whole text is tried as an account first, so {@code CONTOSO\sam} stays a
     * login; a backslash that can split the text into several pairs is refused rather than guessed.
     */
    private static Claim login(Directory d, String login) {
        Optional<Recipient> owner = d.account(login);
        if (owner.isPresent()) {
            return new Own(owner.get(), form(login, owner.get()));
        }
        if (login.indexOf('\\') < 0) {
            return new Unresolved(login, SignInDecision.Reason.UNKNOWN_ACCOUNT, "no account signs in as '" + login + "'", Optional.empty());
        }
        List<Recipient[]> pairs = new ArrayList<>();
        for (int i = login.indexOf('\\'); i >= 0; i = login.indexOf('\\', i + 1)) {
            Optional<Recipient> delegate = d.account(login.substring(0, i));
            if (delegate.isPresent() && d.resolve(login.substring(i + 1)) instanceof Resolution.Found found
                    && pairs.stream().noneMatch(p -> p[0].equals(delegate.get()) && p[1].equals(found.recipient()))) {
                pairs.add(new Recipient[]{delegate.get(), found.recipient()});
            }
        }
        if (pairs.size() == 1) {
            return new Delegated(pairs.get(0)[0], pairs.get(0)[1], LoginForm.DELEGATE_MAILBOX);
        }
        return pairs.isEmpty()
                ? new Unresolved(login, SignInDecision.Reason.UNKNOWN_ACCOUNT, "'" + login + "' names no account\\mailbox pair", Optional.empty())
                : new Unresolved(login, SignInDecision.Reason.AMBIGUOUS_LOGIN,
                        "'" + login + "' can be split into " + pairs.size() + " account\\mailbox pairs", Optional.empty());
    }

    /** SASL PLAIN: an empty authzid, or one equal to authcid, is a plain login; otherwise authcid acts for authzid. */
    private static Claim plain(Directory d, Credential.Plain p) {
        if (p.authzid().isEmpty() || p.authzid().equalsIgnoreCase(p.authcid())) {
            return login(d, p.authcid());
        }
        Optional<Recipient> account = d.account(p.authcid());
        if (account.isEmpty()) {
            return new Unresolved(p.authcid(), SignInDecision.Reason.UNKNOWN_ACCOUNT, "no account signs in as '" + p.authcid() + "'", Optional.empty());
        }
        if (!(d.resolve(p.authzid()) instanceof Resolution.Found found)) {
            return new Unresolved(p.authcid(), SignInDecision.Reason.UNKNOWN_MAILBOX,
                    "authorization identity '" + p.authzid() + "' names no single object", account);
        }
        return new Delegated(account.get(), found.recipient(), LoginForm.AUTHORIZATION_IDENTITY);
    }

    /**
     * What the throttle counts this attempt against, with the client: the account whose password is tried
     * (so {@code terrya}, {@code CONTOSO\terrya} and {@code terrya@contoso.com} share one count), or the login
     * as typed when it names none. Empty for an unreadable response, which tries no password.
     */
    default Optional<String> throttleAccount() {
        if (this instanceof Own o) {
            return Optional.of("id:" + o.account().id());
        }
        if (this instanceof Delegated dl) {
            return Optional.of("id:" + dl.delegate().id());
        }
        if (this instanceof Token t) {
            // A bad token is no password guess, but a client that keeps presenting new forged ones is slowed
            // as a guesser is; the same token again counts once (it is the "secret" the throttle remembers).
            return Optional.of(t.user().map(a -> "id:" + a.id()).orElse("login:" + t.bearer().login().strip().toLowerCase(Locale.ROOT)));
        }
        if (this instanceof Unresolved u) {
            return Optional.of(u.account().map(a -> "id:" + a.id()).orElse("login:" + u.login().strip().toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** How the client named itself. */
    LoginForm form();
}
