package dev.behalf.shell.internal.format;

import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;

/** How Exchange (on-premises) names objects in its output. */
final class Display {
    /** The principal every mailbox grants Full Access and Read Permission to itself. */
    static final String SELF = "NT AUTHORITY\\SELF";

    private Display() {
    }

    /** An object's {@code Identity}: its canonical name, {@code contoso.com/Users/Terry Adams}. */
    static String identity(Organization org, Recipient r) {
        return org.canonicalName(r.distinguishedName());
    }

    /** A security principal as ACL output shows it: {@code CONTOSO\raymonds}; groups by name. */
    static String principal(Organization org, Recipient r) {
        return org.netbiosName() + "\\" + r.account().map(Account::samAccountName).orElse(r.name());
    }
}
