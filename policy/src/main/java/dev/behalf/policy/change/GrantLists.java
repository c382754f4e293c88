package dev.behalf.policy.change;

import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SendAsEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The delegation entries of one recipient, or a difference of them: Send As entries, GrantSendOnBehalfTo
 * delegates and Full Access entries. What the propagation delay holds back is a difference of these.
 */
public record GrantLists(List<SendAsEntry> sendAs, List<RecipientId> sendOnBehalf, List<FullAccessEntry> fullAccess) {

    public GrantLists {
        sendAs = List.copyOf(sendAs);
        sendOnBehalf = List.copyOf(sendOnBehalf);
        fullAccess = List.copyOf(fullAccess);
    }

    static GrantLists of(Recipient r) {
        return new GrantLists(r.sendAs(), r.grantSendOnBehalfTo(), r.fullAccess());
    }

    /** The entries of this that {@code other} lacks. */
    GrantLists minus(GrantLists other) {
        return new GrantLists(without(sendAs, other.sendAs), without(sendOnBehalf, other.sendOnBehalf),
                without(fullAccess, other.fullAccess));
    }

    public boolean isEmpty() {
        return sendAs.isEmpty() && sendOnBehalf.isEmpty() && fullAccess.isEmpty();
    }

    /** {@code r} with {@code added} taken out and {@code removed} put back: how it was before a change. */
    static Recipient revert(Recipient r, GrantLists added, GrantLists removed) {
        return r.toBuilder()
                .sendAs(with(without(r.sendAs(), added.sendAs), removed.sendAs))
                .grantSendOnBehalfTo(with(without(r.grantSendOnBehalfTo(), added.sendOnBehalf), removed.sendOnBehalf))
                .fullAccess(with(without(r.fullAccess(), added.fullAccess), removed.fullAccess))
                .build();
    }

    private static <T> List<T> without(List<T> list, List<T> drop) {
        return list.stream().filter(e -> !drop.contains(e)).toList();
    }

    private static <T> List<T> with(List<T> list, List<T> add) {
        List<T> out = new ArrayList<>(list);
        for (T e : add) {
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
