package dev.behalf.shell.internal.format;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.View;

import java.util.List;

/**
 * The permission entries the {@code *-MailboxPermission}, {@code *-ADPermission} and
 * {@code *-RecipientPermission} cmdlets output, with Exchange's default views (spec §9).
 */
public final class PermissionViews {
    private static final View MAILBOX = View.table("Identity", "User", "AccessRights", "IsInherited", "Deny");
    private static final View AD = View.table("Identity", "User", "Deny", "Inherited", "Rights")
            .relabel("Inherited", "IsInherited").relabel("Rights", "ExtendedRights");
    private static final View RECIPIENT = View.table("Identity", "Trustee", "AccessControlType", "AccessRights", "Inherited")
            .relabel("Inherited", "IsInherited");

    private PermissionViews() {
    }

    /** The entry every mailbox shows first: {@code NT AUTHORITY\SELF {FullAccess, ReadPermission}}. */
    public static ShellObject self(Organization org, Recipient mailbox) {
        return mailboxAce(Display.identity(org, mailbox), Display.SELF, List.of("FullAccess", "ReadPermission"), false, "All");
    }

    public static ShellObject fullAccess(Directory d, Recipient mailbox, FullAccessEntry e) {
        return mailboxAce(Display.identity(d.organization(), mailbox), principal(d, e.trustee()), List.of("FullAccess"),
                e.control() == AccessControl.Deny, e.inheritance().name());
    }

    private static ShellObject mailboxAce(String identity, String user, List<String> rights, boolean deny, String inheritance) {
        return ShellObject.builder("Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject")
                .add("AccessRights", rights)
                .add("Deny", deny)
                .add("InheritanceType", inheritance)
                .add("User", user)
                .add("Identity", identity)
                .add("IsInherited", false)
                .add("IsValid", true)
                .build(MAILBOX);
    }

    public static ShellObject adPermission(Directory d, Recipient target, SendAsEntry e) {
        return ShellObject.builder("Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject")
                .add("AccessRights", List.of("ExtendedRight"))
                .add("ExtendedRights", List.of("Send-As"))
                .add("Deny", e.control() == AccessControl.Deny)
                .add("InheritanceType", "All")
                .add("User", principal(d, e.trustee()))
                .add("Identity", Display.identity(d.organization(), target))
                .add("IsInherited", false)
                .add("IsValid", true)
                .build(AD);
    }

    public static ShellObject recipientPermission(Directory d, Recipient target, SendAsEntry e) {
        return ShellObject.builder("Microsoft.Exchange.Management.RecipientTasks.RecipientPermission")
                .add("Identity", Display.identity(d.organization(), target))
                .add("Trustee", principal(d, e.trustee()))
                .add("AccessControlType", e.control().name())
                .add("AccessRights", List.of("SendAs"))
                .add("IsInherited", false)
                .add("InheritanceType", "None")
                .build(RECIPIENT);
    }

    /** Full Access of an app (a service principal, which is no recipient), as Add-MailboxPermission prints it. */
    public static ShellObject appFullAccess(Directory d, Recipient mailbox, String app) {
        return mailboxAce(Display.identity(d.organization(), mailbox), app, List.of("FullAccess"), false, "All");
    }

    /** Send As of an app, as Add-RecipientPermission prints it. */
    public static ShellObject appRecipientPermission(Directory d, Recipient target, String app) {
        return ShellObject.builder("Microsoft.Exchange.Management.RecipientTasks.RecipientPermission")
                .add("Identity", Display.identity(d.organization(), target))
                .add("Trustee", app)
                .add("AccessControlType", "Allow")
                .add("AccessRights", List.of("SendAs"))
                .add("IsInherited", false)
                .add("InheritanceType", "None")
                .build(RECIPIENT);
    }

    static String principal(Directory d, RecipientId id) {
        return d.get(id).map(r -> Display.principal(d.organization(), r)).orElse(id.toString());
    }
}
