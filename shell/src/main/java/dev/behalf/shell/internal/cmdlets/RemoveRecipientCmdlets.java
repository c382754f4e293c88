package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;

import java.util.List;
import java.util.Set;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * {@code Remove-Mailbox}, {@code Remove-MailUser}, {@code Remove-DistributionGroup} and
 * {@code Remove-DynamicDistributionGroup}. Grants and memberships that name the removed object go
 * with it (the directory drops them).
 */
final class RemoveRecipientCmdlets {
    private RemoveRecipientCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                CmdletDefinition.changing("Remove-Mailbox", IDENTITY, (a, in, ctx) -> remove(a, ctx, Lookup.MAILBOXES,
                        "Removing the mailbox \"%s\" will remove the Active Directory user object and mark the mailbox and the"
                                + " archive (if present) in the database for removal."),
                        Parameter.identity(), Parameter.of("Permanent", Type.BOOLEAN)),
                CmdletDefinition.changing("Remove-MailUser", IDENTITY, (a, in, ctx) -> remove(a, ctx, Lookup.MAIL_USERS,
                        "Removing the mail-enabled user \"%s\" will remove the Active Directory user object."),
                        Parameter.identity()),
                CmdletDefinition.changing("Remove-DistributionGroup", IDENTITY, (a, in, ctx) -> remove(a, ctx, Lookup.MAIL_GROUPS,
                        "Removing distribution group \"%s\"."),
                        Parameter.identity(), Parameter.of("BypassSecurityGroupManagerCheck", Type.SWITCH)),
                CmdletDefinition.changing("Remove-DynamicDistributionGroup", IDENTITY, (a, in, ctx) -> remove(a, ctx, Lookup.DYNAMIC_GROUPS,
                        "Removing dynamic distribution group \"%s\"."),
                        Parameter.identity()));
    }

    private static List<Item> remove(Arguments a, ExecutionContext ctx, Set<RecipientTypeDetails> kinds, String prompt) {
        Recipient r = Lookup.in(ctx).one(a.text("Identity"), kinds);
        if (ctx.shouldProcess(a, true, String.format(prompt, a.text("Identity")))) {
            ctx.remove(r.id());
        }
        return List.of();
    }
}
