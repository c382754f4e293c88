package dev.behalf.policy.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lookup tables of one {@link Directory} snapshot. Only the forms that can't be derived are
 * indexed (name, alias, SamAccountName, UPN, address, display name); DN, canonical name,
 * {@code DOMAIN\sam} and LegacyExchangeDN are reduced to one of those and then verified, which keeps
 * a 100,000-recipient directory small.
 *
 * <p>A change doesn't rebuild them: {@link #update} copies only the tables whose keys the changed
 * recipients touch, edits those entries, and shares the rest with the previous snapshot, so a
 * cmdlet's change costs a map copy or two rather than re-keying every recipient. When an edit can't be
 * sure to give what {@link #build} gives (a key clash to report, or a display name that becomes
 * shared, whose list is in declaration order) it builds the tables afresh, so problems and list
 * orders are always exactly those of a fresh build.
 */
final class Indexes {
    final Map<String, RecipientId> byName;
    final Map<String, RecipientId> byAlias;
    final Map<String, RecipientId> bySam;
    final Map<String, RecipientId> byUpn;
    final Map<String, RecipientId> byLinkedMaster;
    final Map<SmtpAddress, RecipientId> byAddress;
    final Map<String, List<RecipientId>> byDisplayName;
    /** member → the groups that list it directly, in the groups' declaration order. */
    final Map<RecipientId, List<RecipientId>> parents;

    private Indexes(Map<String, RecipientId> byName, Map<String, RecipientId> byAlias, Map<String, RecipientId> bySam,
                    Map<String, RecipientId> byUpn, Map<String, RecipientId> byLinkedMaster,
                    Map<SmtpAddress, RecipientId> byAddress, Map<String, List<RecipientId>> byDisplayName,
                    Map<RecipientId, List<RecipientId>> parents) {
        this.byName = byName;
        this.byAlias = byAlias;
        this.bySam = bySam;
        this.byUpn = byUpn;
        this.byLinkedMaster = byLinkedMaster;
        this.byAddress = byAddress;
        this.byDisplayName = byDisplayName;
        this.parents = parents;
    }

    /** Sized up front: rehashing 100,000-entry maps is a large part of building a snapshot. */
    private static <K, V> Map<K, V> sized(int size) {
        return new HashMap<>((int) (size / 0.75f) + 1);
    }

    static Indexes build(Organization org, Collection<Recipient> recipients, List<DirectoryProblem> problems) {
        int n = recipients.size();
        Indexes ix = new Indexes(sized(n), sized(n), sized(n), sized(n), new HashMap<>(), sized(n), sized(n), parents(recipients));
        for (Recipient r : recipients) {
            unique(ix.byName, key(r.name()), r, "name", "Name", r.name(), problems);
            unique(ix.byAlias, key(r.alias()), r, "alias", "Alias", r.alias(), problems);
            // No lambda on the start's path: each one is linked, and a class spun, at its first run (docs/benchmarks.md).
            if (r.account().isPresent()) {
                Account a = r.account().get();
                unique(ix.bySam, key(a.samAccountName()), r, "samAccountName", "SamAccountName", a.samAccountName(), problems);
                unique(ix.byUpn, key(a.userPrincipalName()), r, "userPrincipalName", "UserPrincipalName", a.userPrincipalName(), problems);
                if (a.linkedMasterAccount().isPresent()) {
                    String m = a.linkedMasterAccount().get();
                    unique(ix.byLinkedMaster, key(m), r, "linkedMasterAccount", "LinkedMasterAccount", m, problems);
                }
            }
            for (SmtpAddress address : r.addresses()) {
                RecipientId before = ix.byAddress.putIfAbsent(address, r.id());
                if (before != null && !before.equals(r.id())) {
                    problems.add(new DirectoryProblem(Optional.of(r.id()), "emailAddresses",
                            "address " + address + " of '" + r.name() + "' is already used by another recipient"));
                }
            }
            String displayName = key(r.displayName());
            List<RecipientId> named = ix.byDisplayName.get(displayName);
            if (named == null) {
                named = new ArrayList<>(1);
                ix.byDisplayName.put(displayName, named);
            }
            named.add(r.id());
        }
        return ix;
    }

    private static Map<RecipientId, List<RecipientId>> parents(Collection<Recipient> recipients) {
        Map<RecipientId, List<RecipientId>> parents = sized(recipients.size());
        for (Recipient r : recipients) {
            for (RecipientId member : r.members()) {
                List<RecipientId> of = parents.get(member);
                if (of == null) {
                    of = new ArrayList<>(2);
                    parents.put(member, of);
                }
                of.add(r.id());
            }
        }
        return parents;
    }

    private static void unique(Map<String, RecipientId> index, String key, Recipient r, String field, String attribute,
                               String value, List<DirectoryProblem> problems) {
        RecipientId before = index.putIfAbsent(key, r.id());
        if (before != null && !before.equals(r.id())) {
            problems.add(new DirectoryProblem(Optional.of(r.id()), field,
                    attribute + " '" + value + "' is already used by another recipient"));
        }
    }

    /**
     * The tables of {@code next}, made from these by editing the entries of the {@code touched}
     * recipients, as they are in {@code before} (this snapshot) and in {@code next}; absent from one
     * means added or removed. {@code appended} are those that are now last in declaration order
     * (added, or removed and put back), in the order they stand there.
     */
    Indexes update(Organization org, Map<RecipientId, Recipient> before, Map<RecipientId, Recipient> next,
                   Collection<RecipientId> touched, Set<RecipientId> appended, List<DirectoryProblem> problems) {
        Edit edit = new Edit(this);
        boolean membersChanged = false;
        for (RecipientId id : touched) {
            Recipient old = before.get(id);
            Recipient now = next.get(id);
            boolean moved = appended.contains(id);
            membersChanged |= !members(old).equals(members(now)) || (moved && !members(now).isEmpty());
            // One put back last is taken out whole and put in as new: its place in shared lists moves too.
            edit.takeOut(id, old, moved ? null : now);
        }
        // Those put back last go in last, in the order they now stand, so shared display names keep declaration order.
        for (RecipientId id : touched) {
            if (!appended.contains(id) && !edit.putIn(id, before.get(id), next.get(id), false)) {
                return build(org, next.values(), problems);
            }
        }
        for (RecipientId id : appended) {
            if (!edit.putIn(id, null, next.get(id), true)) {
                return build(org, next.values(), problems);
            }
        }
        return edit.result(membersChanged ? parents(before, next, touched, appended) : parents);
    }

    /**
     * The member → groups table edited for the groups touched. A group that leaves a list leaves the
     * others in order; one that joins goes last when it is last in declaration order (added, put back,
     * or alone in the list), and otherwise where its declaration order puts it, found with one walk
     * over the ids: far less than building the table again, which hashes every membership.
     */
    private Map<RecipientId, List<RecipientId>> parents(Map<RecipientId, Recipient> before, Map<RecipientId, Recipient> next,
                                                        Collection<RecipientId> touched, Set<RecipientId> appended) {
        Map<RecipientId, List<RecipientId>> out = new HashMap<>(parents);
        for (RecipientId group : touched) {
            Recipient now = next.get(group);
            Set<RecipientId> stays = now == null || appended.contains(group) ? Set.of() : new HashSet<>(now.members());
            for (RecipientId m : members(before.get(group))) {
                if (!stays.contains(m)) {
                    List<RecipientId> left = new ArrayList<>(out.get(m));
                    left.remove(group);
                    if (left.isEmpty()) {
                        out.remove(m);
                    } else {
                        out.put(m, left);
                    }
                }
            }
        }
        List<RecipientId[]> placed = new ArrayList<>();
        for (RecipientId group : touched) {
            if (appended.contains(group) || !next.containsKey(group)) {
                continue;
            }
            Set<RecipientId> had = new HashSet<>(members(before.get(group)));
            for (RecipientId m : next.get(group).members()) {
                if (!had.contains(m)) {
                    if (out.containsKey(m)) {
                        placed.add(new RecipientId[] {m, group});
                    } else {
                        out.put(m, new ArrayList<>(List.of(group)));
                    }
                }
            }
        }
        if (!placed.isEmpty()) {
            Map<RecipientId, Integer> order = declarationOrder(next, placed, out);
            for (RecipientId[] p : placed) {
                List<RecipientId> list = new ArrayList<>(out.get(p[0]));
                int at = 0;
                while (at < list.size() && order.get(list.get(at)) < order.get(p[1])) {
                    at++;
                }
                list.add(at, p[1]);
                out.put(p[0], list);
            }
        }
        for (RecipientId group : appended) {
            for (RecipientId m : next.get(group).members()) {
                List<RecipientId> more = new ArrayList<>(out.getOrDefault(m, List.of()));
                more.add(group);
                out.put(m, more);
            }
        }
        return out;
    }

    /** The declaration positions of the groups involved in {@code placed}: those placed and those already in their lists. */
    private static Map<RecipientId, Integer> declarationOrder(Map<RecipientId, Recipient> next, List<RecipientId[]> placed,
                                                             Map<RecipientId, List<RecipientId>> lists) {
        Set<RecipientId> wanted = new HashSet<>();
        for (RecipientId[] p : placed) {
            wanted.add(p[1]);
            wanted.addAll(lists.get(p[0]));
        }
        Map<RecipientId, Integer> order = new HashMap<>();
        int i = 0;
        for (RecipientId id : next.keySet()) {
            if (wanted.contains(id)) {
                order.put(id, i);
                if (order.size() == wanted.size()) {
                    break;
                }
            }
            i++;
        }
        return order;
    }

    private static List<RecipientId> members(Recipient r) {
        return r == null ? List.of() : r.members();
    }

    /** One update in progress: a table is copied the first time the update writes to it. */
    private static final class Edit {
        private final Indexes from;
        private final Map<Field, Map<String, RecipientId>> tables = new EnumMap<>(Field.class);
        private Map<SmtpAddress, RecipientId> byAddress;
        private Map<String, List<RecipientId>> byDisplayName;

        Edit(Indexes from) {
            this.from = from;
        }

        /** Takes out the keys of {@code old} that {@code now} doesn't keep. */
        void takeOut(RecipientId id, Recipient old, Recipient now) {
            if (old == null) {
                return;
            }
            for (Field f : Field.values()) {
                String was = f.key(old);
                if (was != null && !was.equals(now == null ? null : f.key(now)) && id.equals(f.table(from).get(was))) {
                    table(f).remove(was);
                }
            }
            List<SmtpAddress> kept = now == null ? List.of() : now.addresses();
            for (SmtpAddress a : old.addresses()) {
                if (!kept.contains(a) && id.equals(from.byAddress.get(a))) {
                    addresses().remove(a);
                }
            }
            String name = key(old.displayName());
            if (now == null || !name.equals(key(now.displayName()))) {
                List<RecipientId> left = new ArrayList<>(displayNames().getOrDefault(name, List.of()));
                left.remove(id);
                if (left.isEmpty()) {
                    displayNames().remove(name);
                } else {
                    displayNames().put(name, left);
                }
            }
        }

        /** Puts in the keys {@code now} adds; false when the result can't be sure to be what {@link #build} gives. */
        boolean putIn(RecipientId id, Recipient old, Recipient now, boolean appended) {
            if (now == null) {
                return true;
            }
            for (Field f : Field.values()) {
                String key = f.key(now);
                if (key != null && (old == null || !key.equals(f.key(old)))) {
                    RecipientId holder = table(f).putIfAbsent(key, id);
                    if (holder != null && !holder.equals(id)) {
                        return false;
                    }
                }
            }
            List<SmtpAddress> had = old == null ? List.of() : old.addresses();
            for (SmtpAddress a : now.addresses()) {
                if (!had.contains(a)) {
                    RecipientId holder = addresses().putIfAbsent(a, id);
                    if (holder != null && !holder.equals(id)) {
                        return false;
                    }
                }
            }
            String name = key(now.displayName());
            if (old == null || !name.equals(key(old.displayName()))) {
                List<RecipientId> sharing = displayNames().getOrDefault(name, List.of());
                if (!sharing.isEmpty() && !appended) {
                    return false;
                }
                List<RecipientId> more = new ArrayList<>(sharing.size() + 1);
                more.addAll(sharing);
                more.add(id);
                displayNames().put(name, more);
            }
            return true;
        }

        Indexes result(Map<RecipientId, List<RecipientId>> parents) {
            return new Indexes(edited(Field.NAME), edited(Field.ALIAS), edited(Field.SAM), edited(Field.UPN),
                    edited(Field.LINKED_MASTER), byAddress != null ? byAddress : from.byAddress,
                    byDisplayName != null ? byDisplayName : from.byDisplayName, parents);
        }

        private Map<String, RecipientId> edited(Field f) {
            return tables.getOrDefault(f, f.table(from));
        }

        private Map<String, RecipientId> table(Field f) {
            return tables.computeIfAbsent(f, k -> new HashMap<>(k.table(from)));
        }

        private Map<SmtpAddress, RecipientId> addresses() {
            return byAddress != null ? byAddress : (byAddress = new HashMap<>(from.byAddress));
        }

        private Map<String, List<RecipientId>> displayNames() {
            return byDisplayName != null ? byDisplayName : (byDisplayName = new HashMap<>(from.byDisplayName));
        }
    }

    /** The unique single-valued keys of a recipient, as the tables hold them (null: it has none). */
    private enum Field {
        NAME, ALIAS, SAM, UPN, LINKED_MASTER;

        String key(Recipient r) {
            return switch (this) {
                case NAME -> Indexes.key(r.name());
                case ALIAS -> Indexes.key(r.alias());
                case SAM -> r.account().map(a -> Indexes.key(a.samAccountName())).orElse(null);
                case UPN -> r.account().map(a -> Indexes.key(a.userPrincipalName())).orElse(null);
                case LINKED_MASTER -> r.account().flatMap(Account::linkedMasterAccount).map(Indexes::key).orElse(null);
            };
        }

        Map<String, RecipientId> table(Indexes ix) {
            return switch (this) {
                case NAME -> ix.byName;
                case ALIAS -> ix.byAlias;
                case SAM -> ix.bySam;
                case UPN -> ix.byUpn;
                case LINKED_MASTER -> ix.byLinkedMaster;
            };
        }
    }

    static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** Candidates for an identity string over all forms of spec §2, distinct, verified. */
    List<RecipientId> resolve(Organization org, String identity, Map<RecipientId, Recipient> byId) {
        List<RecipientId> found = new ArrayList<>(2);
        if (identity == null || identity.isBlank()) {
            return found;
        }
        String text = identity.strip();
        String k = key(text);
        add(found, byName.get(k));
        add(found, byAlias.get(k));
        add(found, bySam.get(k));
        add(found, byUpn.get(k));
        SmtpAddress.tryParse(text).ifPresent(a -> add(found, byAddress.get(a)));
        guid(text).ifPresent(g -> {
            if (byId.containsKey(g)) {
                add(found, g);
            }
        });
        if (k.startsWith("cn=") || k.startsWith("ou=")) {
            RecipientId byDn = byName.get(key(DistinguishedNames.firstValue(text)));
            if (byDn != null && byId.get(byDn).distinguishedName().equalsIgnoreCase(text)) {
                add(found, byDn);
            }
        }
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            // A Name may itself contain '/', so any slash may be the one before the Name; the full
            // canonical name is verified, so a wrong split finds nothing.
            for (int at = text.indexOf('/'); at >= 0; at = text.indexOf('/', at + 1)) {
                RecipientId byCanonical = byName.get(key(text.substring(at + 1)));
                if (byCanonical != null && org.canonicalName(byId.get(byCanonical).distinguishedName()).equalsIgnoreCase(text)) {
                    add(found, byCanonical);
                }
            }
            int cn = k.lastIndexOf("/cn=");
            if (k.startsWith("/o=") && cn >= 0) {
                RecipientId byLegacy = byAlias.get(k.substring(cn + 4));
                if (byLegacy != null && byId.get(byLegacy).legacyExchangeDn().equalsIgnoreCase(text)) {
                    add(found, byLegacy);
                }
            }
        }
        add(found, domainAccount(org, text));
        add(found, byLinkedMaster.get(k));
        if (found.isEmpty()) {
            found.addAll(byDisplayName.getOrDefault(k, List.of()));
        }
        return found;
    }

    /** Candidates for a sign-in name: UPN, any address, alias, {@code DOMAIN\sam}, linked master account. */
    List<RecipientId> login(Organization org, String login, Map<RecipientId, Recipient> byId) {
        List<RecipientId> found = new ArrayList<>(1);
        if (login == null || login.isBlank()) {
            return found;
        }
        String text = login.strip();
        String k = key(text);
        add(found, byUpn.get(k));
        SmtpAddress.tryParse(text).ifPresent(a -> add(found, byAddress.get(a)));
        add(found, byAlias.get(k));
        add(found, domainAccount(org, text));
        add(found, byLinkedMaster.get(k));
        found.removeIf(id -> byId.get(id).account().isEmpty());
        return found;
    }

    private RecipientId domainAccount(Organization org, String text) {
        int backslash = text.indexOf('\\');
        if (backslash <= 0) {
            return null;
        }
        String domain = text.substring(0, backslash);
        if (!domain.equalsIgnoreCase(org.netbiosName()) && !domain.equalsIgnoreCase(org.domain())) {
            return null;
        }
        return bySam.get(key(text.substring(backslash + 1)));
    }

    private static Optional<RecipientId> guid(String text) {
        if (text.length() != 36 && text.length() != 38) {
            return Optional.empty();
        }
        String t = text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1) : text;
        try {
            return Optional.of(new RecipientId(UUID.fromString(t)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void add(List<RecipientId> found, RecipientId id) {
        if (id != null && !found.contains(id)) {
            found.add(Objects.requireNonNull(id));
        }
    }
}
