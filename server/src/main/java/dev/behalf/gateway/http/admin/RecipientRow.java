package dev.behalf.gateway.http.admin;

import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.Recipient;

import java.util.Optional;

/**
 * A directory object as the admin pages list it: Guid ({@code id}, used in URLs), names, address,
 * {@code RecipientTypeDetails}, its EAC tab and its sign-in name when it has an account.
 */
public record RecipientRow(String id, String name, String displayName, String alias, Optional<String> address,
                           String type, Optional<String> tab, Optional<String> login, boolean canSignIn,
                           boolean hidden) {

    public static RecipientRow of(Recipient r) {
        return new RecipientRow(r.id().toString(), r.name(), r.displayName(), r.alias(),
                r.primarySmtpAddress().map(Object::toString), r.type().name(), Tab.of(r.type()).map(Enum::name),
                r.account().map(Account::userPrincipalName), r.canSignIn(), r.hiddenFromAddressLists());
    }
}
