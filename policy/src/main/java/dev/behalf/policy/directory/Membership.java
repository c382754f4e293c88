package dev.behalf.policy.directory;

import java.util.List;
import java.util.Map;

/**
 * The groups a principal belongs to, transitively, each with the path that leads there
 * (direct group first). Used to explain decisions: "via group Helpdesk".
 */
public record Membership(RecipientId principal, Map<RecipientId, List<RecipientId>> paths) {

    public Membership {
        paths = Map.copyOf(paths);
    }

    public boolean isMemberOf(RecipientId group) {
        return paths.containsKey(group);
    }

    /** The chain of groups from the principal's direct group to {@code group}; empty when not a member. */
    public List<RecipientId> path(RecipientId group) {
        return paths.getOrDefault(group, List.of());
    }

    /** Whether {@code trustee} is the principal itself or one of its groups. */
    public boolean covers(RecipientId trustee) {
        return principal.equals(trustee) || paths.containsKey(trustee);
    }
}
