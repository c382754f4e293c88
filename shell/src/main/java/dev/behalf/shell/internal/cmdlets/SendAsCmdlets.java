package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.change.Grant;
import dev.behalf.policy.change.GrantEdit;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.shell.internal.format.PermissionViews;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;
import dev.behalf.shell.internal.language.ShellObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * Send As entries, through both of Exchange's faces: {@code *-ADPermission -ExtendedRights "Send As"}
 * (on-premises) and {@code *-RecipientPermission -AccessRights SendAs} (Exchange Online). Both edit
 * the same entries and differ only in parameter names, prompts and output objects.
 */
final class SendAsCmdlets {
    private static final List<String> AD_RIGHTS = List.of("CreateChild", "DeleteChild", "ListChildren", "Self", "ReadProperty",
            "WriteProperty", "DeleteTree", "ListObject", "ExtendedRight", "Delete", "ReadControl", "GenericExecute", "GenericWrite",
            "GenericRead", "WriteDacl", "WriteOwner", "GenericAll", "Synchronize", "AccessSystemSecurity");
    private static final String AD_RIGHTS_TYPE = "System.DirectoryServices.ActiveDirectoryRights[]";
    private static final String RECIPIENT_RIGHTS_TYPE = "Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight[]";

    /** How an entry prints for one face. */
    @FunctionalInterface
    private interface EntryView {
        ShellObject of(Directory directory, Recipient target, SendAsEntry entry);
    }

    /** One face: the trustee parameter's name, the output object, and whether Add- confirms. */
    private record Face(String trustee, EntryView view, boolean addConfirms) {
    }

    private static final Face AD = new Face("User", PermissionViews::adPermission, false);
    private static final Face RECIPIENT = new Face("Trustee", PermissionViews::recipientPermission, true);

    private SendAsCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                CmdletDefinition.changing("Add-ADPermission", IDENTITY, (a, in, ctx) -> add(AD, checkAd(a), ctx),
                        Parameter.identity(), Parameter.of("User", Type.IDENTITY).required(),
                        Parameter.of("ExtendedRights", Type.TEXT_LIST), Parameter.of("AccessRights", Type.TEXT_LIST),
                        Parameter.of("InheritanceType", Type.TEXT), Parameter.of("Deny", Type.SWITCH)),
                CmdletDefinition.changing("Remove-ADPermission", IDENTITY, (a, in, ctx) -> remove(AD, checkAd(a), ctx),
                        Parameter.identity(), Parameter.of("User", Type.IDENTITY).required(),
                        Parameter.of("ExtendedRights", Type.TEXT_LIST), Parameter.of("AccessRights", Type.TEXT_LIST),
                        Parameter.of("InheritanceType", Type.TEXT), Parameter.of("Deny", Type.SWITCH)),
                CmdletDefinition.reading("Get-ADPermission", IDENTITY, (a, in, ctx) -> get(AD, a, ctx),
                        Parameter.identity(), Parameter.of("User", Type.IDENTITY)),
                CmdletDefinition.changing("Add-RecipientPermission", IDENTITY, (a, in, ctx) -> add(RECIPIENT, checkRecipient(a), ctx),
                        Parameter.identity(), Parameter.of("Trustee", Type.IDENTITY).required(),
                        Parameter.of("AccessRights", Type.TEXT_LIST).required(), Parameter.of("Deny", Type.SWITCH)),
                CmdletDefinition.changing("Remove-RecipientPermission", IDENTITY, (a, in, ctx) -> remove(RECIPIENT, checkRecipient(a), ctx),
                        Parameter.identity(), Parameter.of("Trustee", Type.IDENTITY).required(),
                        Parameter.of("AccessRights", Type.TEXT_LIST).required(), Parameter.of("Deny", Type.SWITCH)),
                CmdletDefinition.reading("Get-RecipientPermission", IDENTITY, (a, in, ctx) -> get(RECIPIENT, a, ctx),
                        Parameter.of("Identity", Type.IDENTITY).at(0).pipeable(), Parameter.of("Trustee", Type.IDENTITY),
                        Parameter.of("AccessRights", Type.TEXT_LIST), Parameter.of("ResultSize", Type.TEXT)));
    }

    /** {@code -ExtendedRights "Send As"} is required; {@code -AccessRights}, if given, must be ExtendedRight. */
    private static Arguments checkAd(Arguments a) {
        Grants.rights(a, "AccessRights", AD_RIGHTS_TYPE, AD_RIGHTS, List.of("ExtendedRight"));
        if (Grants.extendedRights(a).isEmpty()) {
            throw new CmdletException(a.at("ExtendedRights"), "Behalf simulates the Send As extended right only: add -ExtendedRights \"Send As\".");
        }
        return a;
    }

    private static Arguments checkRecipient(Arguments a) {
        Grants.rights(a, "AccessRights", RECIPIENT_RIGHTS_TYPE, List.of("SendAs"), List.of("SendAs"));
        return a;
    }

    private static List<Item> add(Face face, Arguments a, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Recipient target = lookup.one(a.text("Identity"), Lookup.ANY);
        Optional<AppRegistration> app = appTrustee(face, a, ctx);
        if (app.isPresent()) {
            if (Grants.control(a) != AccessControl.Allow) {
                throw new CmdletException(a.at("Deny"), "Behalf grants apps Send As; a Deny entry for a service principal is not simulated.");
            }
            return ctx.shouldProcess(a, face.addConfirms(), action(face, "Adding", a))
                    ? ServicePrincipalCmdlets.addSendAs(a, ctx, target, app.get()) : List.of();
        }
        Recipient trustee = lookup.one(a.text(face.trustee()), Lookup.ANY);
        Grant grant = Grant.of(Right.SendAs, Grants.control(a));
        GrantEdit.Accepted edit = Grants.add(a, target, grant, face.trustee(), trustee, ctx);
        if (!edit.changed() || !ctx.shouldProcess(a, face.addConfirms(), action(face, "Adding", a))) {
            return List.of();
        }
        ctx.put(edit.after());
        return List.of(face.view().of(ctx.directory(), target, grant.sendAsEntry(trustee.id())));
    }

    private static List<Item> remove(Face face, Arguments a, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Recipient target = lookup.one(a.text("Identity"), Lookup.ANY);
        Optional<AppRegistration> app = appTrustee(face, a, ctx);
        if (app.isPresent()) {
            return ServicePrincipalCmdlets.removeSendAs(a, ctx, target, app.get());
        }
        Recipient trustee = lookup.one(a.text(face.trustee()), Lookup.ANY);
        GrantEdit.Accepted edit = Grants.remove(a, target, Grant.of(Right.SendAs, Grants.control(a)), face.trustee(), trustee, ctx);
        if (edit.changed() && ctx.shouldProcess(a, true, action(face, "Removing", a))) {
            ctx.put(edit.after());
        }
        return List.of();
    }

    private static List<Item> get(Face face, Arguments a, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        if (face == RECIPIENT) {
            checkRecipient(a);
        }
        List<Recipient> targets = a.optionalText("Identity").map(i -> List.of(lookup.one(i, Lookup.ANY)))
                .orElseGet(() -> lookup.all(Lookup.ANY));
        Optional<AppRegistration> app = appTrustee(face, a, ctx);
        if (app.isPresent()) {
            return targets.stream().flatMap(t -> ServicePrincipalCmdlets.sendAsOf(ctx.directory(), t, List.of(app.get())).stream()).toList();
        }
        Optional<Recipient> trustee = a.optionalText(face.trustee()).map(t -> lookup.one(t, Lookup.ANY));
        List<Item> out = new ArrayList<>();
        for (Recipient target : targets) {
            for (SendAsEntry e : target.sendAs()) {
                if (trustee.map(t -> t.id().equals(e.trustee())).orElse(true)) {
                    out.add(face.view().of(ctx.directory(), target, e));
                }
            }
            if (face == RECIPIENT && trustee.isEmpty()) {
                out.addAll(ServicePrincipalCmdlets.sendAsOf(ctx.directory(), target, ctx.directory().apps()));
            }
        }
        return out;
    }

    /** The app the trustee names: apps get Send As through the RecipientPermission face only, as in Exchange Online. */
    private static Optional<AppRegistration> appTrustee(Face face, Arguments a, ExecutionContext ctx) {
        return face == RECIPIENT ? ServicePrincipalCmdlets.trusteeApp(ctx.directory(), a, face.trustee()) : Optional.empty();
    }

    private static String action(Face face, String verb, Arguments a) {
        if (face == AD) {
            return verb + " Active Directory permission \"" + a.text("Identity") + "\" for user \"" + a.text("User")
                    + "\" with access rights \"'ExtendedRight'\" and extended rights \"'Send-As'\".";
        }
        return verb + " recipient permission 'SendAs' for user or group '" + a.text("Trustee") + "' on recipient '"
                + a.text("Identity") + "'.";
    }
}
