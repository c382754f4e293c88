package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.change.Grant;
import dev.behalf.policy.change.GrantEdit;
import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Right;
import dev.behalf.shell.internal.format.PermissionViews;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.Parameter.Type;

/** {@code Add-}, {@code Remove-} and {@code Get-MailboxPermission}: Full Access entries on mailboxes (spec §3, §8). */
final class MailboxPermissionCmdlets {
    private static final String RIGHTS_TYPE = "Microsoft.Exchange.Management.RecipientTasks.MailboxRights[]";
    private static final List<String> RIGHTS = List.of("ChangeOwner", "ChangePermission", "DeleteItem", "ExternalAccount",
            "FullAccess", "ReadPermission", "SendAs");

    private MailboxPermissionCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                CmdletDefinition.changing("Add-MailboxPermission", IDENTITY, MailboxPermissionCmdlets::add,
                        Parameter.identity(),
                        Parameter.of("User", Type.IDENTITY).required(),
                        Parameter.of("AccessRights", Type.TEXT_LIST).required(),
                        Parameter.of("InheritanceType", Type.TEXT),
                        Parameter.of("AutoMapping", Type.BOOLEAN),
                        Parameter.of("Deny", Type.SWITCH)),
                // Exchange binds every field of a piped permission: Get-MailboxPermission ... | Remove-MailboxPermission
                CmdletDefinition.changing("Remove-MailboxPermission", IDENTITY, MailboxPermissionCmdlets::remove,
                        Parameter.identity(),
                        Parameter.of("User", Type.IDENTITY).required().pipeable(),
                        Parameter.of("AccessRights", Type.TEXT_LIST).required().pipeable(),
                        Parameter.of("InheritanceType", Type.TEXT).pipeable(),
                        Parameter.of("Deny", Type.SWITCH).pipeable()),
                CmdletDefinition.reading("Get-MailboxPermission", IDENTITY, MailboxPermissionCmdlets::get,
                        Parameter.identity(),
                        Parameter.of("User", Type.IDENTITY)));
    }

    private static List<Item> add(Arguments a, List<Item> in, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Recipient target = lookup.one(a.text("Identity"), Lookup.ANY);
        Optional<AppRegistration> app = ServicePrincipalCmdlets.trusteeApp(ctx.directory(), a, "User");
        if (app.isPresent()) {
            Grants.rights(a, "AccessRights", RIGHTS_TYPE, RIGHTS, List.of("FullAccess"));
            return ctx.shouldProcess(a, false, action("Adding", a)) ? ServicePrincipalCmdlets.addFullAccess(a, ctx, target, app.get()) : List.of();
        }
        Recipient trustee = lookup.one(a.text("User"), Lookup.ANY);
        Grants.rights(a, "AccessRights", RIGHTS_TYPE, RIGHTS, List.of("FullAccess"));
        Grant grant = grant(a);
        if (a.bool("AutoMapping").isPresent()) {
            grant = grant.autoMapping(a.bool("AutoMapping").get());
        }
        GrantEdit.Accepted edit = Grants.add(a, target, grant, "User", trustee, ctx);
        if (!edit.changed() || !ctx.shouldProcess(a, false, action("Adding", a))) {
            return List.of();
        }
        ctx.put(edit.after());
        return List.of(PermissionViews.fullAccess(ctx.directory(), target, grant.fullAccessEntry(trustee.id())));
    }

    private static List<Item> remove(Arguments a, List<Item> in, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Recipient target = lookup.one(a.text("Identity"), Lookup.MAILBOXES);
        Optional<AppRegistration> app = ServicePrincipalCmdlets.trusteeApp(ctx.directory(), a, "User");
        if (app.isPresent()) {
            Grants.rights(a, "AccessRights", RIGHTS_TYPE, RIGHTS, List.of("FullAccess"));
            return ServicePrincipalCmdlets.removeFullAccess(a, ctx, target, app.get());
        }
        Recipient trustee = lookup.one(a.text("User"), Lookup.ANY);
        Grants.rights(a, "AccessRights", RIGHTS_TYPE, RIGHTS, List.of("FullAccess"));
        GrantEdit.Accepted edit = Grants.remove(a, target, grant(a), "User", trustee, ctx);
        if (edit.changed() && ctx.shouldProcess(a, true, action("Removing", a))) {
            ctx.put(edit.after());
        }
        return List.of();
    }

    /** Full Access, Allow or Deny, with {@code -InheritanceType} when given. */
    private static Grant grant(Arguments a) {
        Grant grant = Grant.of(Right.FullAccess, Grants.control(a));
        Optional<InheritanceType> inheritance = inheritance(a);
        return inheritance.isPresent() ? grant.inheritance(inheritance.get()) : grant;
    }

    private static List<Item> get(Arguments a, List<Item> in, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Recipient target = lookup.one(a.text("Identity"), Lookup.MAILBOXES);
        Optional<AppRegistration> app = ServicePrincipalCmdlets.trusteeApp(ctx.directory(), a, "User");
        if (app.isPresent()) {
            return ServicePrincipalCmdlets.fullAccessOf(ctx.directory(), target, List.of(app.get()));
        }
        Optional<Recipient> user = a.optionalText("User").map(u -> lookup.one(u, Lookup.ANY));
        List<Item> out = new ArrayList<>();
        if (user.isEmpty()) {
            out.add(PermissionViews.self(ctx.organization(), target));
        }
        for (FullAccessEntry e : target.fullAccess()) {
            if (user.map(u -> u.id().equals(e.trustee())).orElse(true)) {
                out.add(PermissionViews.fullAccess(ctx.directory(), target, e));
            }
        }
        if (user.isEmpty()) {
            out.addAll(ServicePrincipalCmdlets.fullAccessOf(ctx.directory(), target, ctx.directory().apps()));
        }
        return out;
    }

    private static Optional<InheritanceType> inheritance(Arguments a) {
        return a.optionalText("InheritanceType").map(v -> InheritanceType.byName(v).orElseThrow(() -> new CmdletException(
                a.at("InheritanceType"), "Cannot process argument transformation on parameter 'InheritanceType'. Cannot convert value \""
                + v + "\" to type \"System.DirectoryServices.ActiveDirectorySecurityInheritance\". Specify one of the following"
                + " enumerator names and try again: " + String.join(", ", Arrays.stream(InheritanceType.values()).map(Enum::name).toList()))));
    }

    private static String action(String verb, Arguments a) {
        return verb + " mailbox permission \"" + a.text("Identity") + "\" for user \"" + a.text("User")
                + "\" with access rights \"'FullAccess'\".";
    }
}
