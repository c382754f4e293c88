package dev.behalf.policy.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The cmdlets the shell knows, by name or alias, ignoring case. Immutable. */
final class CmdletCatalog {
    /** Every cmdlet of the Exchange Management Shell subset. */
    static final CmdletCatalog STANDARD = new CmdletCatalog(standard());

    private final List<CmdletDefinition> definitions;
    private final Map<String, CmdletDefinition> byName = new LinkedHashMap<>();

    CmdletCatalog(List<CmdletDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        for (CmdletDefinition d : definitions) {
            byName.put(d.name().toLowerCase(Locale.ROOT), d);
            d.aliases().forEach(a -> byName.put(a.toLowerCase(Locale.ROOT), d));
        }
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
        all.addAll(PipelineCmdlets.definitions());
        return all;
    }

    Optional<CmdletDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Canonical names, sorted. */
    List<String> names() {
        return definitions.stream().map(CmdletDefinition::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    Optional<String> suggest(String unknown) {
        return Spelling.closest(unknown, names());
    }
}
