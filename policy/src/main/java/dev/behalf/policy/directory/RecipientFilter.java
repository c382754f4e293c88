package dev.behalf.policy.directory;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dynamic distribution group's precanned filter: {@code -IncludedRecipients} plus the
 * {@code -Conditional*} parameters. Values within one condition are OR'ed, conditions are AND'ed,
 * as Exchange evaluates them.
 *
 * @param included   which kinds of recipient are members ({@code AllRecipients} means all)
 * @param conditions attribute name (canonical, see {@link Attributes}) to the values it may take
 */
public record RecipientFilter(Set<Included> included, Map<String, List<String>> conditions) {

    /** Exchange's {@code -IncludedRecipients} values. */
    public enum Included {
        AllRecipients, MailboxUsers, MailContacts, MailGroups, MailUsers, Resources;

        public static Optional<Included> byName(String name) {
            String wanted = name.strip();
            for (Included v : values()) {
                if (v.name().equalsIgnoreCase(wanted)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    public RecipientFilter {
        if (included.isEmpty()) {
            throw new IllegalArgumentException("a dynamic distribution group needs IncludedRecipients");
        }
        included = Set.copyOf(EnumSet.copyOf(included));
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> c : conditions.entrySet()) {
            Optional<String> name = Attributes.canonical(c.getKey());
            if (name.isEmpty()) {
                throw new IllegalArgumentException("unknown condition attribute '" + c.getKey() + "'; known: "
                        + String.join(", ", Attributes.NAMES));
            }
            if (!c.getValue().isEmpty()) {
                copy.put(name.get(), List.copyOf(c.getValue()));
            }
        }
        // Insertion order is kept, so RecipientFilter prints its conditions the way they were given.
        conditions = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether {@code r} is a member of a group with this filter (evaluated at delivery time, spec §6). */
    public boolean matches(Recipient r) {
        if (!r.type().isMailEnabled() || r.type().hiddenByDefault() || r.type().family() == RecipientTypeDetails.Family.DYNAMIC_GROUP) {
            return false;
        }
        if (!includes(r.type())) {
            return false;
        }
        for (Map.Entry<String, List<String>> c : conditions.entrySet()) {
            Optional<String> value = r.attributes().get(c.getKey());
            if (value.isEmpty() || c.getValue().stream().noneMatch(v -> v.equalsIgnoreCase(value.get()))) {
                return false;
            }
        }
        return true;
    }

    private boolean includes(RecipientTypeDetails type) {
        if (included.contains(Included.AllRecipients)) {
            return true;
        }
        // Exchange: shared mailboxes have RecipientType UserMailbox, so MailboxUsers covers them.
        return switch (type) {
            case UserMailbox, LinkedMailbox, SharedMailbox -> included.contains(Included.MailboxUsers);
            case RoomMailbox, EquipmentMailbox -> included.contains(Included.Resources);
            case MailUser -> included.contains(Included.MailUsers);
            case MailUniversalDistributionGroup, MailUniversalSecurityGroup -> included.contains(Included.MailGroups);
            default -> false;
        };
    }

    /** The filter in OPATH form, as Exchange prints {@code RecipientFilter}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("(");
        sb.append(included.stream().map(i -> "(IncludedRecipients -eq '" + i + "')").sorted()
                .reduce((a, b) -> "(" + a + " -or " + b + ")").orElse(""));
        conditions.forEach((k, v) -> sb.append(" -and ")
                .append(v.stream().map(x -> "(" + k + " -eq '" + x + "')").reduce((a, b) -> "(" + a + " -or " + b + ")").orElse("")));
        return sb.append(')').toString();
    }
}
