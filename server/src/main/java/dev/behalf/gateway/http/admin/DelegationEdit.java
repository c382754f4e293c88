package dev.behalf.gateway.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.http.Request;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.Grant;
import dev.behalf.policy.change.GrantEdit;
import dev.behalf.policy.change.GrantEditor;
import dev.behalf.policy.change.GrantEditor.Named;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Save of the admin's delegation pages: delegates to add and remove, per right, on one mailbox
 * or group, or on several of one type (bulk edit). {@link #plan} makes each edit through
 * {@link GrantEditor} on the EAC's rules (its column of the seed table, spec §3), as the Shell's cmdlets
 * do on theirs, and turns them into one {@link ChangeSet}, or refuses the whole Save.
 *
 * <pre>{@code
 * DelegationEdit edit = DelegationEdit.parse(json);
 * if (edit.plan(live.current()) instanceof DelegationEdit.Accepted a) live.apply(a.changes());
 * }</pre>
 */
public record DelegationEdit(List<RecipientId> targets, Map<Right, List<RecipientId>> add,
                             Map<Right, List<RecipientId>> remove) {

    /** What a plan comes to. */
    public sealed interface Plan {
    }

    /** Allowed: the change set to apply (empty when nothing changes), what it does, and warnings. */
    public record Accepted(ChangeSet changes, List<String> done, List<String> warnings) implements Plan {
        public Accepted {
            done = List.copyOf(done);
            warnings = List.copyOf(warnings);
        }
    }

    /** Refused as a whole, with every reason; nothing is to change. */
    public record Refused(List<String> reasons) implements Plan {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    public DelegationEdit {
        targets = List.copyOf(new LinkedHashSet<>(targets));
        add = copy(add);
        remove = copy(remove);
        if (targets.isEmpty()) {
            throw new Request.BadRequest("targets: select at least one mailbox or group");
        }
        for (Right right : Right.values()) {
            for (RecipientId id : add.get(right)) {
                if (remove.get(right).contains(id)) {
                    throw new Request.BadRequest(right + ": " + id + " is both added and removed");
                }
            }
        }
    }

    /**
     * Reads {@code {"targets": [guid], "add": {"SendAs": [guid]}, "remove": {"FullAccess": [guid]}}};
     * rights are {@code SendAs}, {@code SendOnBehalf}, {@code FullAccess}.
     */
    public static DelegationEdit parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Request.BadRequest("the body must be a JSON object {targets, add, remove}");
        }
        return new DelegationEdit(ids(body.get("targets"), "targets"), rights(body.get("add"), "add"),
                rights(body.get("remove"), "remove"));
    }

    /** Checks the edit against {@code directory}: any refusal refuses the whole edit. */
    public Plan plan(Directory directory) {
        List<Recipient> objects = targets.stream().map(id -> find(directory, id, "targets")).toList();
        Set<String> types = new TreeSet<>(objects.stream().map(o -> o.type().name()).toList());
        if (types.size() > 1) {
            return new Refused(List.of(bulkWarning(types)));
        }
        Set<String> refusals = new LinkedHashSet<>();
        List<String> done = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<DirectoryChange> changes = new ArrayList<>();
        for (Recipient target : objects) {
            if (Tab.of(target.type()).isEmpty()) {
                refusals.add(target.displayName() + " is a " + target.type() + ", which the EAC doesn't list; use the Shell");
                continue;
            }
            Recipient current = target;
            for (Right right : Right.values()) {
                for (RecipientId id : add.get(right)) {
                    Recipient trustee = find(directory, id, "add." + right);
                    GrantEdit edit = GrantEditor.add(Surface.EAC, Named.byDisplayName(current), Grant.allow(right), Named.byDisplayName(trustee));
                    current = take(edit, current, right.label() + " on " + target.displayName() + " granted to " + trustee.displayName(),
                            refusals, done, warnings);
                }
                for (RecipientId id : remove.get(right)) {
                    Recipient trustee = find(directory, id, "remove." + right);
                    GrantEdit edit = GrantEditor.remove(Surface.EAC, Named.byDisplayName(current), Grant.allow(right), Named.byDisplayName(trustee));
                    current = take(edit, current, right.label() + " on " + target.displayName() + " removed from " + trustee.displayName(),
                            refusals, done, warnings);
                }
            }
            if (!current.equals(target)) {
                changes.add(new DirectoryChange.Put(current));
            }
        }
        if (!refusals.isEmpty()) {
            return new Refused(new ArrayList<>(refusals));
        }
        return new Accepted(new ChangeSet(changes, origin(objects, directory)), done, warnings);
    }

    /** The target after {@code edit}, noting what it did, what it warned of, or why it was refused. */
    private static Recipient take(GrantEdit edit, Recipient current, String did, Set<String> refusals, List<String> done,
                                  List<String> warnings) {
        if (edit instanceof GrantEdit.Refused refused) {
            refusals.add(refused.refusal().text());
            return current;
        }
        GrantEdit.Accepted accepted = (GrantEdit.Accepted) edit;
        accepted.warnings().forEach(w -> warnings.add(w.text()));
        if (accepted.changed()) {
            done.add(did);
        }
        return accepted.after();
    }

    /** The EAC's warning when the selection mixes types (seed: "you'll get a warning ... that says bulk edit won't work"). */
    public static String bulkWarning(Set<String> types) {
        return "Bulk edit won't work: the selected mailboxes must all be of the same type, and these are "
                + String.join(" and ", types) + ". Select mailboxes of one type.";
    }

    /** "web admin: Mailbox delegation of Terry Adams: add Send As Raymond Sam" for the journal. */
    private String origin(List<Recipient> objects, Directory directory) {
        String page = objects.get(0).type().isGroup() ? "Group delegation" : "Mailbox delegation";
        StringBuilder sb = new StringBuilder("web admin: ").append(objects.size() > 1 ? "bulk " : "").append(page).append(" of ")
                .append(String.join(", ", objects.stream().map(Recipient::displayName).toList())).append(':');
        for (Right right : Right.values()) {
            add.get(right).forEach(id -> sb.append(" add ").append(right.label()).append(' ').append(name(directory, id)).append(';'));
            remove.get(right).forEach(id -> sb.append(" remove ").append(right.label()).append(' ').append(name(directory, id)).append(';'));
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static Recipient find(Directory directory, RecipientId id, String field) {
        return directory.get(id).orElseThrow(() -> new Request.BadRequest(field + ": no recipient with Guid " + id
                + " (reload the page: it may have been removed)"));
    }

    private static String name(Directory directory, RecipientId id) {
        return directory.get(id).map(Recipient::displayName).orElse(id.toString());
    }

    private static Map<Right, List<RecipientId>> copy(Map<Right, List<RecipientId>> in) {
        Map<Right, List<RecipientId>> out = new EnumMap<>(Right.class);
        for (Right r : Right.values()) {
            out.put(r, List.copyOf(new LinkedHashSet<>(in == null ? List.of() : in.getOrDefault(r, List.of()))));
        }
        return Map.copyOf(out);
    }

    private static Map<Right, List<RecipientId>> rights(JsonNode node, String field) {
        Map<Right, List<RecipientId>> out = new EnumMap<>(Right.class);
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new Request.BadRequest(field + ": expected an object keyed by SendAs, SendOnBehalf, FullAccess");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Right right;
            try {
                right = Right.valueOf(e.getKey());
            } catch (IllegalArgumentException x) {
                throw new Request.BadRequest(field + "." + e.getKey() + ": not a right; use SendAs, SendOnBehalf or FullAccess");
            }
            out.put(right, ids(e.getValue(), field + "." + e.getKey()));
        }
        return out;
    }

    private static List<RecipientId> ids(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new Request.BadRequest(field + ": expected an array of recipient Guids");
        }
        List<RecipientId> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            try {
                out.add(RecipientId.parse(node.get(i).asText()));
            } catch (IllegalArgumentException e) {
                throw new Request.BadRequest(field + "[" + i + "]: '" + node.get(i).asText() + "' is not a Guid");
            }
        }
        return out;
    }
}
