package dev.behalf.policy.routing;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes of every envelope recipient of a message, and the deduplicated deliveries they add up
 * to: each mailbox once, each external address once.
 */
public record RoutingPlan(List<Route> routes) {

    public RoutingPlan {
        routes = List.copyOf(routes);
    }

    /** Every mailbox the message reaches, each once, in first-seen order. */
    public List<Recipient> mailboxes() {
        Map<RecipientId, Recipient> out = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r instanceof Route.ToMailbox m) {
                out.putIfAbsent(m.mailbox().id(), m.mailbox());
            } else if (r instanceof Route.ToGroup g) {
                g.mailboxes().forEach(x -> out.putIfAbsent(x.id(), x));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Every external address the message is captured for, each once. */
    public List<SmtpAddress> external() {
        Set<SmtpAddress> out = new LinkedHashSet<>();
        for (Route r : routes) {
            if (r instanceof Route.ToExternal e) {
                out.add(e.capturedAs());
            } else if (r instanceof Route.ToGroup g) {
                out.addAll(g.external());
            }
        }
        return new ArrayList<>(out);
    }

    public List<Route.Unknown> unknown() {
        return routes.stream().filter(Route.Unknown.class::isInstance).map(Route.Unknown.class::cast).toList();
    }
}
