package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;
import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.View;

import java.util.List;
import java.util.Optional;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.CmdletDefinition.Input.NONE;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * Exchange Online's switch for Basic authentication on SMTP client submission:
 * {@code Set-TransportConfig -SmtpClientAuthenticationDisabled} for the organization and
 * {@code Set-CASMailbox -SmtpClientAuthenticationDisabled} per mailbox (the mailbox's wins), with
 * {@code Get-TransportConfig} and {@code Get-CASMailbox} to read them. Like Exchange's Set- cmdlets they print nothing.
 */
final class SmtpClientAuthCmdlets {
    private SmtpClientAuthCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                CmdletDefinition.changing("Set-CASMailbox", IDENTITY, SmtpClientAuthCmdlets::setMailbox,
                        Parameter.identity(), Parameter.of("SmtpClientAuthenticationDisabled", Type.BOOLEAN)),
                CmdletDefinition.reading("Get-CASMailbox", IDENTITY, SmtpClientAuthCmdlets::getMailbox,
                        Parameter.of("Identity", Type.IDENTITY).at(0).pipeable()),
                CmdletDefinition.changing("Set-TransportConfig", NONE, SmtpClientAuthCmdlets::setOrganization,
                        Parameter.of("SmtpClientAuthenticationDisabled", Type.BOOLEAN)),
                CmdletDefinition.reading("Get-TransportConfig", NONE, SmtpClientAuthCmdlets::getOrganization));
    }

    private static List<Item> setMailbox(Arguments a, List<Item> in, ExecutionContext ctx) {
        Recipient mailbox = Lookup.in(ctx).one(a.text("Identity"), Lookup.MAILBOXES);
        if (a.bool("SmtpClientAuthenticationDisabled").isPresent()) {
            ctx.setSmtpClientAuth(Optional.of(mailbox.id()), a.bool("SmtpClientAuthenticationDisabled"));
        }
        return List.of();
    }

    private static List<Item> setOrganization(Arguments a, List<Item> in, ExecutionContext ctx) {
        if (a.bool("SmtpClientAuthenticationDisabled").isPresent()) {
            ctx.setSmtpClientAuth(Optional.empty(), a.bool("SmtpClientAuthenticationDisabled"));
        }
        return List.of();
    }

    private static List<Item> getMailbox(Arguments a, List<Item> in, ExecutionContext ctx) {
        List<Recipient> mailboxes = a.has("Identity") ? List.of(Lookup.in(ctx).one(a.text("Identity"), Lookup.MAILBOXES))
                : ctx.directory().recipients().stream().filter(r -> r.type().hasMailbox()).toList();
        return mailboxes.stream().<Item>map(r -> ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.CASMailbox")
                .add("Name", r.name())
                .add("PrimarySmtpAddress", r.primarySmtpAddress().map(Object::toString).orElse(""))
                .add("SmtpClientAuthenticationDisabled", ctx.directory().smtpClientAuth().mailbox(r.id()).<Object>map(v -> v).orElse(""))
                .build(View.table("Name", "PrimarySmtpAddress", "SmtpClientAuthenticationDisabled"))).toList();
    }

    private static List<Item> getOrganization(Arguments a, List<Item> in, ExecutionContext ctx) {
        return List.of(ShellObject.builder("Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer")
                .add("Name", "Transport Settings")
                .add("SmtpClientAuthenticationDisabled", ctx.directory().smtpClientAuth().tenantDisabled())
                .build(View.table("Name", "SmtpClientAuthenticationDisabled")));
    }
}
