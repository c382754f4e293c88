package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.change.Grant;
import dev.behalf.policy.change.GrantEditor;
import dev.behalf.policy.directory.Attributes;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.Edit;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * {@code Set-Mailbox}, {@code Set-DistributionGroup}, {@code Set-DynamicDistributionGroup},
 * {@code Set-UnifiedGroup} and {@code Set-User}: Send on Behalf ({@code -GrantSendOnBehalfTo}), visibility, Sent Items copies,
 * and the attributes dynamic groups filter on.
 */
final class SetCmdlets {
    private static final List<String> USER_ATTRIBUTES = List.of("Department", "Company", "Title", "StateOrProvince", "Office", "City");

    private SetCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        List<Parameter> mailbox = new ArrayList<>(List.of(Parameter.identity(),
                Parameter.of("GrantSendOnBehalfTo", Type.MULTI_VALUED),
                Parameter.of("HiddenFromAddressListsEnabled", Type.BOOLEAN),
                Parameter.of("MessageCopyForSentAsEnabled", Type.BOOLEAN),
                Parameter.of("MessageCopyForSendOnBehalfEnabled", Type.BOOLEAN),
                Parameter.of("DisplayName", Type.TEXT)));
        for (int i = 1; i <= 15; i++) {
            mailbox.add(Parameter.of("CustomAttribute" + i, Type.TEXT));
        }
        List<Parameter> dynamic = new ArrayList<>(List.of(Parameter.identity(),
                Parameter.of("GrantSendOnBehalfTo", Type.MULTI_VALUED),
                Parameter.of("HiddenFromAddressListsEnabled", Type.BOOLEAN),
                Parameter.of("DisplayName", Type.TEXT)));
        dynamic.addAll(Filters.parameters());
        List<Parameter> user = new ArrayList<>(List.of(Parameter.identity()));
        USER_ATTRIBUTES.forEach(n -> user.add(Parameter.of(n, Type.TEXT)));
        return List.of(
                CmdletDefinition.changing("Set-Mailbox", IDENTITY, (a, in, ctx) -> set(a, ctx, Lookup.MAILBOXES, "mailbox"),
                        mailbox.toArray(Parameter[]::new)),
                CmdletDefinition.changing("Set-DistributionGroup", IDENTITY, (a, in, ctx) -> set(a, ctx, Lookup.MAIL_GROUPS, "distribution group"),
                        Parameter.identity(),
                        Parameter.of("GrantSendOnBehalfTo", Type.MULTI_VALUED),
                        Parameter.of("HiddenFromAddressListsEnabled", Type.BOOLEAN),
                        Parameter.of("DisplayName", Type.TEXT),
                        Parameter.of("BypassSecurityGroupManagerCheck", Type.SWITCH)),
                CmdletDefinition.changing("Set-DynamicDistributionGroup", IDENTITY,
                        (a, in, ctx) -> set(a, ctx, Lookup.DYNAMIC_GROUPS, "dynamic distribution group"), dynamic.toArray(Parameter[]::new)),
                CmdletDefinition.changing("Set-UnifiedGroup", IDENTITY, (a, in, ctx) -> set(a, ctx, Lookup.UNIFIED_GROUPS, "Microsoft 365 Group"),
                        Parameter.identity(),
                        Parameter.of("GrantSendOnBehalfTo", Type.MULTI_VALUED),
                        Parameter.of("HiddenFromAddressListsEnabled", Type.BOOLEAN),
                        Parameter.of("DisplayName", Type.TEXT)),
                CmdletDefinition.changing("Set-User", IDENTITY, (a, in, ctx) -> set(a, ctx, Lookup.ACCOUNTS, "user"),
                        user.toArray(Parameter[]::new)));
    }

    /** Applies every given parameter to a copy; warns (spec §9) when the copy equals the original. */
    private static List<Item> set(Arguments a, ExecutionContext ctx, Set<RecipientTypeDetails> kinds, String noun) {
        Recipient before = Lookup.in(ctx).one(a.text("Identity"), kinds);
        Recipient.Builder b = before.toBuilder();
        a.edit("GrantSendOnBehalfTo").ifPresent(edit -> b.grantSendOnBehalfTo(sendOnBehalf(a, edit, before, ctx)));
        a.bool("HiddenFromAddressListsEnabled").ifPresent(b::hiddenFromAddressLists);
        a.bool("MessageCopyForSentAsEnabled").ifPresent(b::messageCopyForSentAs);
        a.bool("MessageCopyForSendOnBehalfEnabled").ifPresent(b::messageCopyForSendOnBehalf);
        a.optionalText("DisplayName").ifPresent(d -> {
            if (d.isBlank()) {
                throw new CmdletException(a.at("DisplayName"), "DisplayName can't be empty.");
            }
            b.displayName(d.strip());
        });
        Attributes attributes = before.attributes();
        for (String name : Attributes.NAMES) {
            if (a.has(name)) {
                attributes = attributes.with(name, a.optionalText(name).orElse(""));
            }
        }
        b.attributes(attributes);
        if (before.type() == RecipientTypeDetails.DynamicDistributionGroup) {
            Filters.apply(a, before.filter()).ifPresent(b::filter);
        }
        Recipient after = Creation.build(b);
        if (after.equals(before)) {
            ctx.warn("The command completed successfully but no settings of '" + a.text("Identity") + "' have been modified.");
            return List.of();
        }
        if (ctx.shouldProcess(a, false, "Setting " + noun + " \"" + a.text("Identity") + "\".")) {
            ctx.put(after);
        }
        return List.of();
    }

    /**
     * The new {@code GrantSendOnBehalfTo}: a list replaces it, {@code @{Add; Remove}} edits it. Each
     * delegate added must fit the Shell column of the seed table (spec §3). Unlike the permission
     * cmdlets, Exchange's {@code Set-*} says nothing about a delegate already there or not there: the
     * command as a whole warns when it changes nothing.
     */
    private static List<RecipientId> sendOnBehalf(Arguments a, Edit edit, Recipient target, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Grant grant = Grant.allow(Right.SendOnBehalf);
        Recipient next;
        List<String> added;
        if (edit instanceof Edit.Modify m) {
            next = target;
            added = m.add();
            for (String r : m.remove()) {
                GrantEditor.Named delegate = new GrantEditor.Named(lookup.one(r, Lookup.ANY), r);
                next = Grants.orFail(GrantEditor.remove(Surface.Shell, new GrantEditor.Named(next, a.text("Identity")), grant, delegate)).after();
            }
        } else {
            next = Creation.build(target.toBuilder().grantSendOnBehalfTo(List.of()));
            added = ((Edit.Replace) edit).values();
        }
        for (String identity : added) {
            GrantEditor.Named delegate = new GrantEditor.Named(lookup.one(identity, Lookup.ANY), identity);
            next = Grants.orFail(GrantEditor.add(Surface.Shell, new GrantEditor.Named(next, a.text("Identity")), grant, delegate)).after();
        }
        return next.grantSendOnBehalfTo();
    }
}
