package dev.behalf.mailstore.greenmail;

import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.identity.Resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides an IMAP or POP3 sign-in against the directory in force (spec §8): which store mailbox, if
 * any, the session opens. Pure; every outcome carries the reason for the log, never for the wire.
 *
 * <ul>
 * <li>An owner signs in with its own account: {@link Directory#account} accepts UPN, any SMTP address,
 *     alias, {@code CONTOSO\sam} and a linked mailbox's <code>FOREST&#92;user</code>. Accounts that can't sign in
 *     (shared, resource, system mailboxes, or no password) are refused like a wrong password, and so are
 *     accounts without a store mailbox (MailUser, User): they have nothing to open.</li>
 * <li>A Full Access delegate signs in as {@code delegate\mailbox} with its own password, or with SASL
 *     PLAIN whose authorization identity names the mailbox. The mailbox is resolved by any identity form,
 *     and {@link MailboxAccess#canOpen} must grant access in the snapshot taken now, so a removed grant
 *     stops working at the next sign-in.</li>
 * </ul>
 */
final class SignIn {
    private final Supplier<Directory> directory;

    SignIn(Supplier<Directory> directory) {
        this.directory = directory;
    }

    /** What a sign-in attempt came to. */
    sealed interface Outcome {
    }

    /** The session opens {@code mailbox}; {@code account} is who proved its password. */
    record Opened(Recipient account, Recipient mailbox, String how) implements Outcome {
    }

    /** Refused; {@code why} is for the log only, the client sees the same text as for a wrong password. */
    record Refused(String why) implements Outcome {
    }

    /** IMAP {@code LOGIN} and POP3 {@code USER}/{@code PASS}: {@code login} is an account or {@code delegate\mailbox}. */
    Outcome login(String login, String password) {
        Directory d = directory.get();
        Optional<Recipient> owner = d.account(login);
        if (owner.isPresent()) {
            return own(owner.get(), password);
        }
        if (login.indexOf('\\') < 0) {
            return new Refused("no account signs in as '" + login + "'");
        }
        List<Recipient[]> pairs = new ArrayList<>();
        for (int i = login.indexOf('\\'); i >= 0; i = login.indexOf('\\', i + 1)) {
            Optional<Recipient> delegate = d.account(login.substring(0, i));
            if (delegate.isPresent() && d.resolve(login.substring(i + 1)) instanceof Resolution.Found found
                    && pairs.stream().noneMatch(p -> p[0].equals(delegate.get()) && p[1].equals(found.recipient()))) {
                pairs.add(new Recipient[]{delegate.get(), found.recipient()});
            }
        }
        if (pairs.size() != 1) {
            return new Refused(pairs.isEmpty() ? "'" + login + "' names no account\\mailbox pair"
                    : "'" + login + "' can be split into " + pairs.size() + " account\\mailbox pairs");
        }
        return delegated(d, pairs.get(0)[0], pairs.get(0)[1], password);
    }

    /** SASL PLAIN (RFC 4616): an empty authzid, or one equal to authcid, opens authcid's own mailbox. */
    Outcome plain(String authzid, String authcid, String password) {
        if (authzid.isEmpty() || authzid.equalsIgnoreCase(authcid)) {
            return login(authcid, password);
        }
        Directory d = directory.get();
        Optional<Recipient> account = d.account(authcid);
        if (account.isEmpty()) {
            return new Refused("no account signs in as '" + authcid + "'");
        }
        if (!(d.resolve(authzid) instanceof Resolution.Found found)) {
            return new Refused("authorization identity '" + authzid + "' names no single object");
        }
        return delegated(d, account.get(), found.recipient(), password);
    }

    private static Outcome own(Recipient account, String password) {
        Optional<Refused> refused = checkPassword(account, password);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!account.type().hasMailbox()) {
            return new Refused(account.name() + " is a " + account.type() + " and has no store mailbox to open");
        }
        return new Opened(account, account, "own mailbox");
    }

    private static Outcome delegated(Directory d, Recipient delegate, Recipient mailbox, String password) {
        if (delegate.id().equals(mailbox.id())) {
            return own(delegate, password);
        }
        Optional<Refused> refused = checkPassword(delegate, password);
        if (refused.isPresent()) {
            return refused.get();
        }
        return MailboxAccess.canOpen(d, delegate.id(), mailbox.id())
                .<Outcome>map(g -> new Opened(delegate, mailbox, "Full Access, " + g.reason()))
                .orElseGet(() -> new Refused(delegate.name() + " has no Full Access to " + mailbox.name()
                        + " (no Allow entry, a Deny, a hidden mailbox, or not a mailbox)"));
    }

    private static Optional<Refused> checkPassword(Recipient account, String password) {
        if (!account.canSignIn()) {
            return Optional.of(new Refused(account.name() + " is a " + account.type() + " account that can't sign in"));
        }
        boolean matches = account.account().flatMap(Account::password).map(s -> s.matches(password)).orElse(false);
        return matches ? Optional.empty() : Optional.of(new Refused("wrong password for " + account.name()));
    }
}
