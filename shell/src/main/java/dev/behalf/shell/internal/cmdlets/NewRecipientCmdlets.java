package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.shell.internal.format.RecipientViews;
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
import java.util.function.BiFunction;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.NONE;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * {@code New-Mailbox}, {@code New-MailUser}, {@code New-DistributionGroup} and
 * {@code New-DynamicDistributionGroup}. Exchange's defaults fill what is not given (alias from the
 * name, {@code alias@domain}, DN under {@code CN=Users}). {@code -FirstName}, {@code -LastName},
 * {@code -Database}, {@code -OrganizationalUnit} and {@code -ResetPasswordOnNextLogon} are accepted
 * so that documented examples run, and ignored: Behalf has one database and one container.
 */
final class NewRecipientCmdlets {
    private NewRecipientCmdlets() {
    }

    private static List<Parameter> common(Parameter... more) {
        List<Parameter> p = new ArrayList<>(List.of(Parameter.of("Name", Type.TEXT).at(0).required(),
                Parameter.of("Alias", Type.TEXT), Parameter.of("DisplayName", Type.TEXT), Parameter.of("PrimarySmtpAddress", Type.TEXT)));
        p.addAll(List.of(more));
        return p;
    }

    private static List<Parameter> account(Parameter... more) {
        return common(concat(more, Parameter.of("UserPrincipalName", Type.TEXT), Parameter.of("FirstName", Type.TEXT),
                Parameter.of("LastName", Type.TEXT), Parameter.of("Initials", Type.TEXT),
                Parameter.of("ResetPasswordOnNextLogon", Type.BOOLEAN), Parameter.of("OrganizationalUnit", Type.TEXT)));
    }

    private static Parameter[] concat(Parameter[] a, Parameter... b) {
        List<Parameter> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(Parameter[]::new);
    }

    static List<CmdletDefinition> definitions() {
        List<Parameter> dynamic = common();
        dynamic.addAll(Filters.parameters());
        return List.of(
                CmdletDefinition.changing("New-Mailbox", NONE, NewRecipientCmdlets::newMailbox, account(
                        Parameter.of("Password", Type.SECURE_STRING), Parameter.of("Shared", Type.SWITCH),
                        Parameter.of("Room", Type.SWITCH), Parameter.of("Equipment", Type.SWITCH),
                        Parameter.of("Database", Type.TEXT)).toArray(Parameter[]::new)),
                CmdletDefinition.changing("New-MailUser", NONE, NewRecipientCmdlets::newMailUser, account(
                        Parameter.of("ExternalEmailAddress", Type.TEXT).required(),
                        Parameter.of("Password", Type.SECURE_STRING).required()).toArray(Parameter[]::new)),
                CmdletDefinition.changing("New-DistributionGroup", NONE, NewRecipientCmdlets::newGroup, common(
                        Parameter.of("Type", Type.TEXT), Parameter.of("Members", Type.TEXT_LIST)).toArray(Parameter[]::new)),
                CmdletDefinition.changing("New-DynamicDistributionGroup", NONE, NewRecipientCmdlets::newDynamicGroup,
                        dynamic.toArray(Parameter[]::new)));
    }

    private static List<Item> newMailbox(Arguments a, List<Item> in, ExecutionContext ctx) {
        List<String> kinds = List.of("Shared", "Room", "Equipment").stream().filter(a::flag).toList();
        if (kinds.size() > 1) {
            throw new CmdletException(a.at(kinds.get(1)), "Parameter set cannot be resolved using the specified named parameters:"
                    + " -" + String.join(" and -", kinds) + " can't be used together.");
        }
        RecipientTypeDetails type = kinds.isEmpty() ? RecipientTypeDetails.UserMailbox : switch (kinds.get(0)) {
            case "Shared" -> RecipientTypeDetails.SharedMailbox;
            case "Room" -> RecipientTypeDetails.RoomMailbox;
            default -> RecipientTypeDetails.EquipmentMailbox;
        };
        if (type == RecipientTypeDetails.UserMailbox && a.secret("Password").isEmpty()) {
            throw new CmdletException(a.at("Name"), "A user mailbox needs -Password (ConvertTo-SecureString -String '...' -AsPlainText -Force);"
                    + " use -Shared, -Room or -Equipment for a mailbox nobody signs in to.");
        }
        Recipient.Builder b = Creation.start(a, ctx.directory(), type);
        accountFields(a, b);
        return create(a, ctx, b, "mailbox", RecipientViews::mailbox);
    }

    private static List<Item> newMailUser(Arguments a, List<Item> in, ExecutionContext ctx) {
        Recipient.Builder b = Creation.start(a, ctx.directory(), RecipientTypeDetails.MailUser);
        b.externalEmailAddress(Creation.parse(a, "ExternalEmailAddress", a.text("ExternalEmailAddress")));
        accountFields(a, b);
        return create(a, ctx, b, "mail user", RecipientViews::recipient);
    }

    private static void accountFields(Arguments a, Recipient.Builder b) {
        a.optionalText("UserPrincipalName").filter(s -> !s.isBlank()).ifPresent(s -> b.userPrincipalName(s.strip()));
        a.secret("Password").ifPresent(b::password);
    }

    private static List<Item> newGroup(Arguments a, List<Item> in, ExecutionContext ctx) {
        String kind = a.optionalText("Type").orElse("Distribution").strip();
        RecipientTypeDetails type;
        if (kind.equalsIgnoreCase("Distribution")) {
            type = RecipientTypeDetails.MailUniversalDistributionGroup;
        } else if (kind.equalsIgnoreCase("Security")) {
            type = RecipientTypeDetails.MailUniversalSecurityGroup;
        } else {
            throw new CmdletException(a.at("Type"), "Cannot convert value \"" + kind + "\" to type \"Microsoft.Exchange.Management.RecipientTasks.GroupType\"."
                    + " Specify one of the following enumerator names and try again: Distribution, Security");
        }
        Recipient.Builder b = Creation.start(a, ctx.directory(), type);
        Lookup lookup = Lookup.in(ctx);
        List<RecipientId> members = new ArrayList<>();
        for (String m : a.texts("Members")) {
            members.add(lookup.one(m, Lookup.MAIL_ENABLED).id());
        }
        b.members(members);
        return create(a, ctx, b, "distribution group", RecipientViews::group);
    }

    private static List<Item> newDynamicGroup(Arguments a, List<Item> in, ExecutionContext ctx) {
        if (!a.has("IncludedRecipients")) {
            throw new CmdletException(a.at("Name"), "New-DynamicDistributionGroup needs -IncludedRecipients, such as MailboxUsers or AllRecipients.");
        }
        Recipient.Builder b = Creation.start(a, ctx.directory(), RecipientTypeDetails.DynamicDistributionGroup);
        Filters.apply(a, Optional.empty()).ifPresent(b::filter);
        return create(a, ctx, b, "dynamic distribution group", RecipientViews::dynamicGroup);
    }

    private static List<Item> create(Arguments a, ExecutionContext ctx, Recipient.Builder b, String noun,
                                     BiFunction<Directory, Recipient, ShellObject> view) {
        Recipient r = Creation.build(b, ctx.organization());
        if (!ctx.shouldProcess(a, false, "Creating " + noun + " \"" + r.name() + "\".")) {
            return List.of();
        }
        ctx.put(r);
        return List.of(view.apply(ctx.directory(), r));
    }
}
