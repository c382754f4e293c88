package dev.behalf.shell.internal.language;

import dev.behalf.policy.text.Spelling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The cmdlets the shell knows, by name or alias, ignoring case. Immutable. */
public final class CmdletCatalog {
    private final List<CmdletDefinition> definitions;
    private final Map<String, CmdletDefinition> byName = new LinkedHashMap<>();

    public CmdletCatalog(List<CmdletDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        for (CmdletDefinition d : definitions) {
            byName.put(d.name().toLowerCase(Locale.ROOT), d);
            d.aliases().forEach(a -> byName.put(a.toLowerCase(Locale.ROOT), d));
        }
    }

    public Optional<CmdletDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Canonical names, sorted. */
    public List<String> names() {
        return definitions.stream().map(CmdletDefinition::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    Optional<String> suggest(String unknown) {
        return Spelling.closestOrPrefix(unknown, names());
    }
}
