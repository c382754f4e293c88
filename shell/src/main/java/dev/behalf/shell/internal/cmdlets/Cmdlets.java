package dev.behalf.shell.internal.cmdlets;

import dev.behalf.shell.internal.language.CmdletCatalog;
import dev.behalf.shell.internal.language.CmdletDefinition;

import java.util.ArrayList;
import java.util.List;

/** The cmdlets of the Exchange Management Shell subset, as one catalog for the parser. */
public final class Cmdlets {
    /** Every cmdlet the shell runs. */
    public static final CmdletCatalog STANDARD = new CmdletCatalog(standard());

    private Cmdlets() {
    }

    private static List<CmdletDefinition> standard() {
        List<CmdletDefinition> all = new ArrayList<>();
        all.addAll(MailboxPermissionCmdlets.definitions());
        all.addAll(SendAsCmdlets.definitions());
        all.addAll(SetCmdlets.definitions());
        all.addAll(QueryCmdlets.definitions());
        all.addAll(NewRecipientCmdlets.definitions());
        all.addAll(MembershipCmdlets.definitions());
        all.addAll(RemoveRecipientCmdlets.definitions());
        all.addAll(UnifiedGroupCmdlets.definitions());
        all.addAll(PipelineCmdlets.definitions());
        all.addAll(ServicePrincipalCmdlets.definitions());
        all.addAll(SmtpClientAuthCmdlets.definitions());
        return all;
    }
}
