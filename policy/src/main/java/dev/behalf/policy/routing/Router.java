package dev.behalf.policy.routing;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves envelope recipients to mailboxes, expanded groups, the external capture, or unknown
 * (spec §6). Pure, like the decision: the same directory and addresses give the same plan.
 */
public final class Router {
    private Router() {
    }

    public static RoutingPlan plan(Directory directory, List<SmtpAddress> recipients) {
        List<Route> routes = new ArrayList<>(recipients.size());
        for (SmtpAddress a : recipients) {
            routes.add(route(directory, a));
        }
        return new RoutingPlan(routes);
    }

    /** The route of one address: what RCPT TO checks. */
    public static Route route(Directory directory, SmtpAddress address) {
        Optional<Recipient> owner = directory.byAddress(address);
        if (owner.isEmpty()) {
            return directory.organization().isAccepted(address)
                    ? new Route.Unknown(address)
                    : new Route.ToExternal(address, address);
        }
        Recipient r = owner.get();
        return switch (r.type().family()) {
            case MAILBOX -> new Route.ToMailbox(address, r);
            case MAIL_USER -> new Route.ToExternal(address, r.externalEmailAddress().orElseThrow());
            case STATIC_GROUP, DYNAMIC_GROUP -> expand(directory, address, r);
            // A User has no addresses, so the address index never yields one.
            case USER -> throw new IllegalStateException("address " + address + " indexed to a User, " + r.name());
        };
    }

    private static Route.ToGroup expand(Directory directory, SmtpAddress address, Recipient group) {
        Map<RecipientId, Recipient> mailboxes = new LinkedHashMap<>();
        Set<SmtpAddress> external = new LinkedHashSet<>();
        Set<RecipientId> seen = new HashSet<>();
        ArrayDeque<Recipient> queue = new ArrayDeque<>();
        queue.add(group);
        while (!queue.isEmpty()) {
            Recipient g = queue.poll();
            if (!seen.add(g.id())) {
                continue;
            }
            for (Recipient m : members(directory, g)) {
                switch (m.type().family()) {
                    case MAILBOX -> mailboxes.putIfAbsent(m.id(), m);
                    case MAIL_USER -> external.add(m.externalEmailAddress().orElseThrow());
                    case STATIC_GROUP, DYNAMIC_GROUP -> queue.add(m);
                    case USER -> { } // not mail-enabled: nothing to deliver
                }
            }
        }
        return new Route.ToGroup(address, group, new ArrayList<>(mailboxes.values()), new ArrayList<>(external));
    }

    /** Direct members; a dynamic group's are computed from its filter at delivery time. */
    private static List<Recipient> members(Directory directory, Recipient group) {
        if (group.type() == RecipientTypeDetails.DynamicDistributionGroup) {
            List<Recipient> out = new ArrayList<>();
            var filter = group.filter().orElseThrow();
            for (Recipient r : directory.recipients()) {
                if (filter.matches(r)) {
                    out.add(r);
                }
            }
            return out;
        }
        List<Recipient> out = new ArrayList<>(group.members().size());
        for (RecipientId id : group.members()) {
            out.add(directory.require(id));
        }
        return out;
    }
}
