package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;

import java.util.ArrayList;
import java.util.List;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.Parameter.Type;

/** {@code Add-} and {@code Remove-DistributionGroupMember}: members of distribution and mail-enabled security groups. */
final class MembershipCmdlets {
    private MembershipCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                CmdletDefinition.changing("Add-DistributionGroupMember", IDENTITY, MembershipCmdlets::add,
                        Parameter.identity(), Parameter.of("Member", Type.IDENTITY).required(),
                        Parameter.of("BypassSecurityGroupManagerCheck", Type.SWITCH)),
                CmdletDefinition.changing("Remove-DistributionGroupMember", IDENTITY, MembershipCmdlets::remove,
                        Parameter.identity(), Parameter.of("Member", Type.IDENTITY).required(),
                        Parameter.of("BypassSecurityGroupManagerCheck", Type.SWITCH)));
    }

    private static List<Item> add(Arguments a, List<Item> in, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Recipient group = lookup.one(a.text("Identity"), Lookup.MAIL_GROUPS);
        Recipient member = lookup.one(a.text("Member"), Lookup.MAIL_ENABLED);
        if (group.members().contains(member.id())) {
            throw new CmdletException("The recipient \"" + a.text("Member") + "\" is already a member of the group \""
                    + a.text("Identity") + "\".");
        }
        if (member.id().equals(group.id())) {
            throw new CmdletException("The group \"" + a.text("Identity") + "\" can't be a member of itself.");
        }
        if (ctx.shouldProcess(a, false, "Adding distribution group member \"" + a.text("Member") + "\" on distribution group \""
                + a.text("Identity") + "\".")) {
            List<RecipientId> members = new ArrayList<>(group.members());
            members.add(member.id());
            ctx.put(group.toBuilder().members(members).build());
        }
        return List.of();
    }

    private static List<Item> remove(Arguments a, List<Item> in, ExecutionContext ctx) {
        Lookup lookup = Lookup.in(ctx);
        Recipient group = lookup.one(a.text("Identity"), Lookup.MAIL_GROUPS);
        Recipient member = lookup.one(a.text("Member"), Lookup.MAIL_ENABLED);
        if (!group.members().contains(member.id())) {
            throw new CmdletException("The recipient \"" + a.text("Member") + "\" isn't a member of the group \""
                    + a.text("Identity") + "\".");
        }
        if (ctx.shouldProcess(a, true, "Removing distribution group member \"" + a.text("Member") + "\" on distribution group \""
                + a.text("Identity") + "\".")) {
            ctx.put(group.toBuilder().members(group.members().stream().filter(m -> !m.equals(member.id())).toList()).build());
        }
        return List.of();
    }
}
