package dev.behalf.gateway.smtp;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.identity.Resolution;

import java.util.function.Predicate;

/** What the stages' fault checks share: whether a rule's {@code account} names the signed-in account. */
final class FaultCheck {
    private FaultCheck() {
    }

    /** The sign-in name as typed, or any identity form (spec §2) that resolves to the account. */
    static Predicate<String> names(Directory directory, AccountIdentity account) {
        return identity -> identity.equalsIgnoreCase(account.login())
                || directory.resolve(identity) instanceof Resolution.Found f && f.recipient().id().equals(account.account());
    }
}
