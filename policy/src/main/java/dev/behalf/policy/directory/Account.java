package dev.behalf.policy.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * The Active Directory account behind a recipient: what it signs in with.
 *
 * @param userPrincipalName  {@code alias@domain} by default
 * @param samAccountName     the pre-Windows 2000 logon name ({@code CONTOSO\sam})
 * @param password           present for accounts that may sign in
 * @param linkedMasterAccount <code>FOREST&#92;user</code> of a linked mailbox's owner in the account forest
 */
public record Account(String userPrincipalName, String samAccountName, Optional<Secret> password,
                      Optional<String> linkedMasterAccount) {

    public Account {
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(samAccountName, "samAccountName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(linkedMasterAccount, "linkedMasterAccount");
        if (userPrincipalName.isBlank()) {
            throw new IllegalArgumentException("blank UserPrincipalName");
        }
        if (samAccountName.isBlank()) {
            throw new IllegalArgumentException("blank SamAccountName");
        }
    }

    public Account withPassword(Secret secret) {
        return new Account(userPrincipalName, samAccountName, Optional.of(secret), linkedMasterAccount);
    }
}
