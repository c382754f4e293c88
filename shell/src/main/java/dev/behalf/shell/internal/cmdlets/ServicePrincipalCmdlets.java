package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.change.GrantWarning;
import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.identity.Resolution;
import dev.behalf.shell.internal.format.PermissionViews;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;
import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.View;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.CmdletDefinition.Input.NONE;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * Exchange Online's service principals: {@code New-}, {@code Get-} and {@code Remove-ServicePrincipal}, and
 * the app-only grants {@code Add-MailboxPermission -User <service principal> -AccessRights FullAccess} (IMAP
 * and POP with {@code *.AccessAsApp}) and {@code Add-RecipientPermission -Trustee <service principal>
 * -AccessRights SendAs} (SMTP.SendAsApp, Graph Mail.Send), which those cmdlets hand over here when their
 * trustee names no recipient but an app. {@code -ClientSecret} is Behalf's own: in Exchange Online the secret
 * is made in Entra ("Certificates &amp; secrets"), which Behalf's identity platform stands in for.
 */
final class ServicePrincipalCmdlets {
    private static final View VIEW = View.table("DisplayName", "ObjectId", "AppId");

    private ServicePrincipalCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                CmdletDefinition.changing("New-ServicePrincipal", NONE, ServicePrincipalCmdlets::create,
                        Parameter.of("AppId", Type.TEXT).required(),
                        Parameter.of("ObjectId", Type.TEXT).required(),
                        Parameter.of("DisplayName", Type.TEXT),
                        Parameter.of("ClientSecret", Type.TEXT)),
                CmdletDefinition.reading("Get-ServicePrincipal", IDENTITY, ServicePrincipalCmdlets::get,
                        Parameter.of("Identity", Type.IDENTITY).at(0).pipeable()),
                CmdletDefinition.changing("Remove-ServicePrincipal", IDENTITY, ServicePrincipalCmdlets::remove,
                        Parameter.identity()));
    }

    private static List<Item> create(Arguments a, List<Item> in, ExecutionContext ctx) {
        String name = a.has("DisplayName") ? a.text("DisplayName") : a.text("AppId");
        AppRegistration app;
        try {
            app = new AppRegistration(a.text("AppId"), a.text("ObjectId"), name,
                    a.has("ClientSecret") ? Optional.of(dev.behalf.policy.directory.Secret.of(a.text("ClientSecret"))) : Optional.empty(),
                    AppRegistration.union(), List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw new CmdletException(e.getMessage());
        }
        if (ctx.directory().app(app.appId()).isPresent()) {
            throw new CmdletException("A service principal with AppId " + app.appId() + " already exists.");
        }
        ctx.putApp(app);
        return List.of(view(app));
    }

    private static List<Item> get(Arguments a, List<Item> in, ExecutionContext ctx) {
        if (!a.has("Identity")) {
            return ctx.directory().apps().stream().<Item>map(ServicePrincipalCmdlets::view).toList();
        }
        return List.of(view(one(ctx.directory(), a.text("Identity"))));
    }

    private static List<Item> remove(Arguments a, List<Item> in, ExecutionContext ctx) {
        AppRegistration app = one(ctx.directory(), a.text("Identity"));
        if (ctx.shouldProcess(a, true, "Removing service principal \"" + app.displayName() + "\".")) {
            ctx.removeApp(app.appId());
        }
        return List.of();
    }

    static AppRegistration one(Directory d, String identity) {
        return d.findApp(identity).orElseThrow(() -> new CmdletException("The operation couldn't be performed because object '"
                + identity + "' couldn't be found on '" + d.organization().domainController() + "'."));
    }

    /** The app a trustee names, when it names no recipient. */
    static Optional<AppRegistration> trusteeApp(Directory d, String identity) {
        if (!(d.resolve(identity) instanceof Resolution.NotFound)) {
            return Optional.empty();
        }
        return d.findApp(identity);
    }

    /** Full Access for an app: the mailbox joins the app's list (IMAP.AccessAsApp, POP.AccessAsApp). */
    static List<Item> addFullAccess(Arguments a, ExecutionContext ctx, Recipient mailbox, AppRegistration app) {
        if (!mailbox.type().hasMailbox()) {
            throw new CmdletException("Full Access is set on mailboxes, and " + mailbox.name() + " is a " + mailbox.type() + ".");
        }
        if (!app.fullAccess().contains(mailbox.id())) {
            List<RecipientId> list = new ArrayList<>(app.fullAccess());
            list.add(mailbox.id());
            ctx.putApp(app.withFullAccess(list));
        }
        return List.of(PermissionViews.appFullAccess(ctx.directory(), mailbox, app.displayName()));
    }

    /** Send As for an app: the mailbox joins the app's list (SMTP.SendAsApp, Graph Mail.Send). */
    static List<Item> addSendAs(Arguments a, ExecutionContext ctx, Recipient target, AppRegistration app) {
        if (!app.sendAs().contains(target.id())) {
            List<RecipientId> list = new ArrayList<>(app.sendAs());
            list.add(target.id());
            ctx.putApp(app.withSendAs(list));
        }
        return List.of(PermissionViews.appRecipientPermission(ctx.directory(), target, app.displayName()));
    }

    /** Full Access of an app taken away: the mailbox leaves the app's list, so its app-only sign-ins to it stop. */
    static List<Item> removeFullAccess(Arguments a, ExecutionContext ctx, Recipient mailbox, AppRegistration app) {
        if (!app.fullAccess().contains(mailbox.id())) {
            ctx.warn(GrantWarning.shellNotPresent(a.text("Identity"), a.text("User")));
        } else if (ctx.shouldProcess(a, true, "Removing mailbox permission \"" + a.text("Identity") + "\" for user \""
                + app.displayName() + "\" with access rights \"'FullAccess'\".")) {
            ctx.putApp(app.withFullAccess(app.fullAccess().stream().filter(id -> !id.equals(mailbox.id())).toList()));
        }
        return List.of();
    }

    /** Send As of an app taken away: the mailbox leaves the app's list (SMTP.SendAsApp, Graph Mail.Send). */
    static List<Item> removeSendAs(Arguments a, ExecutionContext ctx, Recipient target, AppRegistration app) {
        if (!app.sendAs().contains(target.id())) {
            ctx.warn(GrantWarning.shellNotPresent(a.text("Identity"), a.text("Trustee")));
        } else if (ctx.shouldProcess(a, true, "Removing recipient permission 'SendAs' for user or group '" + a.text("Trustee")
                + "' on recipient '" + a.text("Identity") + "'.")) {
            ctx.putApp(app.withSendAs(app.sendAs().stream().filter(id -> !id.equals(target.id())).toList()));
        }
        return List.of();
    }

    /** The app a trustee parameter names, when it is given and names no recipient. */
    static Optional<AppRegistration> trusteeApp(Directory d, Arguments a, String parameter) {
        return a.optionalText(parameter).flatMap(identity -> trusteeApp(d, identity));
    }

    /** Which of {@code apps} have Full Access to {@code mailbox}, as Get-MailboxPermission lists them after its users. */
    static List<Item> fullAccessOf(Directory d, Recipient mailbox, Collection<AppRegistration> apps) {
        return apps.stream().filter(app -> app.fullAccess().contains(mailbox.id()))
                .<Item>map(app -> PermissionViews.appFullAccess(d, mailbox, app.displayName())).toList();
    }

    /** Which of {@code apps} have Send As on {@code target}, as Get-RecipientPermission lists them. */
    static List<Item> sendAsOf(Directory d, Recipient target, Collection<AppRegistration> apps) {
        return apps.stream().filter(app -> app.sendAs().contains(target.id()))
                .<Item>map(app -> PermissionViews.appRecipientPermission(d, target, app.displayName())).toList();
    }

    private static ShellObject view(AppRegistration app) {
        return ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.ServicePrincipal")
                .add("DisplayName", app.displayName()).add("ObjectId", app.objectId()).add("AppId", app.appId())
                .add("Identity", app.objectId())
                .add("FullAccess", app.fullAccess().stream().map(RecipientId::toString).toList())
                .add("SendAs", app.sendAs().stream().map(RecipientId::toString).toList())
                .build(VIEW);
    }
}
