package dev.behalf.policy.directory;

import dev.behalf.policy.identity.Resolution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of the delegation directory with its lookup indexes.
 *
 * <p>Indexes (address, each identity form, member → direct groups) are built once per snapshot so
 * that a decision is a few hash lookups. The transitive group closure of a principal is computed on
 * first use and memoised for the life of the snapshot. Thread-safe; change it with
 * {@link #apply(List)}, which returns a new snapshot sharing what the change leaves alone.
 */
public final class Directory {
    private final Organization organization;
    private final LinkedHashMap<RecipientId, Recipient> byId;
    private final Indexes indexes;
    private final long version;
    /** App registrations by app id (lower case), in registration order. */
    private final LinkedHashMap<String, AppRegistration> apps;
    private final SmtpClientAuth smtpClientAuth;
    private final ConcurrentHashMap<RecipientId, Membership> memberships = new ConcurrentHashMap<>();

    private Directory(Organization organization, LinkedHashMap<RecipientId, Recipient> byId, Indexes indexes, long version,
                      LinkedHashMap<String, AppRegistration> apps, SmtpClientAuth smtpClientAuth) {
        this.organization = organization;
        this.smtpClientAuth = smtpClientAuth;
        this.apps = apps;
        this.byId = byId;
        this.indexes = indexes;
        this.version = version;
    }

    /** Builds and validates a snapshot; throws {@link InvalidDirectoryException} listing every problem. */
    public static Directory of(Organization organization, Collection<Recipient> recipients) {
        return of(organization, recipients, List.of());
    }

    /** A snapshot with app registrations too; an app id or object id used twice is a problem like a duplicate Guid. */
    public static Directory of(Organization organization, Collection<Recipient> recipients, Collection<AppRegistration> apps) {
        LinkedHashMap<RecipientId, Recipient> byId = new LinkedHashMap<>();
        List<DirectoryProblem> problems = new ArrayList<>();
        for (Recipient r : recipients) {
            if (byId.putIfAbsent(r.id(), r) != null) {
                problems.add(new DirectoryProblem(Optional.of(r.id()), "guid",
                        "Guid " + r.id() + " of '" + r.name() + "' is already used by '" + byId.get(r.id()).name() + "'"));
            }
        }
        Indexes indexes = Indexes.build(organization, byId.values(), problems);
        DirectoryValidation.checkReferences(byId, problems);
        LinkedHashMap<String, AppRegistration> appMap = new LinkedHashMap<>();
        for (AppRegistration a : apps) {
            if (appMap.containsKey(a.appId())) {
                problems.add(new DirectoryProblem(Optional.empty(), "appId", "AppId " + a.appId() + " of app '"
                        + a.displayName() + "' is already used by app '" + appMap.get(a.appId()).displayName() + "'"));
            }
            appProblem(appMap, a).ifPresent(problems::add);
            appMap.put(a.appId(), a);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        return new Directory(organization, byId, indexes, 0, appMap, SmtpClientAuth.DEFAULT);
    }

    /**
     * A new snapshot with the changes applied in order; this one is unchanged. The cost follows the
     * change, not the directory: the indexes are edited for the recipients it touches and shared
     * otherwise, and only those recipients are validated (every one when a recipient changes type,
     * which can break grants on others). Only the id table is copied whole.
     */
    public Directory apply(List<DirectoryChange> changes) {
        LinkedHashMap<RecipientId, Recipient> next = new LinkedHashMap<>(byId);
        LinkedHashMap<String, AppRegistration> nextApps = apps;
        SmtpClientAuth nextAuth = smtpClientAuth;
        List<DirectoryProblem> appProblems = new ArrayList<>();
        Set<RecipientId> touched = new LinkedHashSet<>();
        Set<RecipientId> appended = new LinkedHashSet<>();
        for (DirectoryChange change : changes) {
            if (change instanceof DirectoryChange.Put put) {
                Recipient r = put.recipient();
                if (!next.containsKey(r.id())) {
                    // LinkedHashMap puts a new (or removed and put back) key last.
                    appended.remove(r.id());
                    appended.add(r.id());
                }
                next.put(r.id(), r);
                touched.add(r.id());
            } else if (change instanceof DirectoryChange.Remove remove && next.remove(remove.id()) != null) {
                touched.add(remove.id());
                appended.remove(remove.id());
                dropReferences(next, remove.id(), touched);
                nextApps = dropAppReferences(nextApps, remove.id());
                nextAuth = nextAuth.without(remove.id());
            } else if (change instanceof DirectoryChange.PutApp put) {
                nextApps = new LinkedHashMap<>(nextApps);
                appProblem(nextApps, put.app()).ifPresent(appProblems::add);
                // A LinkedHashMap keeps a replaced key's place: a re-registered app keeps its order.
                nextApps.put(put.app().appId(), put.app());
            } else if (change instanceof DirectoryChange.SetSmtpClientAuth set) {
                if (set.mailbox().isPresent() && !next.containsKey(set.mailbox().get())) {
                    appProblems.add(new DirectoryProblem(set.mailbox(), "SmtpClientAuthenticationDisabled", "no such mailbox " + set.mailbox().get()));
                } else {
                    nextAuth = nextAuth.with(set.mailbox(), set.disabled());
                }
            } else if (change instanceof DirectoryChange.RemoveApp remove) {
                nextApps = new LinkedHashMap<>(nextApps);
                nextApps.remove(remove.appId().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (AppRegistration a : nextApps.values()) {
            for (RecipientId m : a.fullAccess()) {
                if (!next.containsKey(m) || !next.get(m).type().hasMailbox()) {
                    appProblems.add(new DirectoryProblem(Optional.empty(), "fullAccess", "app '" + a.displayName()
                            + "' is given Full Access to " + m + ", which is not a mailbox"));
                }
            }
        }
        List<DirectoryProblem> problems = new ArrayList<>(appProblems);
        Indexes nextIndexes = indexes.update(organization, byId, next, touched, appended, problems);
        if (problems.isEmpty()) {
            boolean retyped = touched.stream().anyMatch(id -> byId.containsKey(id) && next.containsKey(id)
                    && byId.get(id).type() != next.get(id).type());
            if (retyped || !DirectoryValidation.checkRecipients(next, touched)) {
                // Report exactly what a whole check reports, in declaration order.
                DirectoryValidation.checkReferences(next, problems);
            }
        } else {
            DirectoryValidation.checkReferences(next, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        return new Directory(organization, next, nextIndexes, version + 1, nextApps, nextAuth);
    }

    /**
     * Applies several change lists in order as one step, validated once at the end: replaying a
     * journal of {@code k} change sets costs one pass, not {@code k}. The version advances by one per
     * list, as if each had been applied on its own.
     */
    public Directory applyAll(List<List<DirectoryChange>> lists) {
        List<DirectoryChange> all = new ArrayList<>();
        for (List<DirectoryChange> list : lists) {
            all.addAll(list);
        }
        Directory d = all.isEmpty() ? this : apply(all);
        return new Directory(organization, d.byId, d.indexes, version + lists.size(), d.apps, d.smtpClientAuth);
    }

    private static void dropReferences(Map<RecipientId, Recipient> recipients, RecipientId gone, Set<RecipientId> touched) {
        for (Map.Entry<RecipientId, Recipient> e : recipients.entrySet()) {
            Recipient r = e.getValue();
            if (r.members().contains(gone) || r.owners().contains(gone) || r.grantSendOnBehalfTo().contains(gone)
                    || r.fullAccess().stream().anyMatch(a -> a.trustee().equals(gone))
                    || r.sendAs().stream().anyMatch(a -> a.trustee().equals(gone))) {
                e.setValue(r.toBuilder()
                        .members(r.members().stream().filter(m -> !m.equals(gone)).toList())
                        .owners(r.owners().stream().filter(m -> !m.equals(gone)).toList())
                        .grantSendOnBehalfTo(r.grantSendOnBehalfTo().stream().filter(m -> !m.equals(gone)).toList())
                        .fullAccess(r.fullAccess().stream().filter(a -> !a.trustee().equals(gone)).toList())
                        .sendAs(r.sendAs().stream().filter(a -> !a.trustee().equals(gone)).toList())
                        .build());
                touched.add(e.getKey());
            }
        }
    }

    private static Optional<DirectoryProblem> appProblem(Map<String, AppRegistration> apps, AppRegistration a) {
        for (AppRegistration other : apps.values()) {
            if (!other.appId().equals(a.appId()) && other.objectId().equals(a.objectId())) {
                return Optional.of(new DirectoryProblem(Optional.empty(), "objectId", "ObjectId " + a.objectId() + " of app '"
                        + a.displayName() + "' is already used by app '" + other.displayName() + "'"));
            }
        }
        return Optional.empty();
    }

    private static LinkedHashMap<String, AppRegistration> dropAppReferences(LinkedHashMap<String, AppRegistration> apps, RecipientId gone) {
        if (apps.values().stream().noneMatch(a -> a.fullAccess().contains(gone) || a.sendAs().contains(gone))) {
            return apps;
        }
        LinkedHashMap<String, AppRegistration> out = new LinkedHashMap<>();
        for (AppRegistration a : apps.values()) {
            out.put(a.appId(), a.withFullAccess(a.fullAccess().stream().filter(m -> !m.equals(gone)).toList())
                    .withSendAs(a.sendAs().stream().filter(m -> !m.equals(gone)).toList()));
        }
        return out;
    }

    /** The Basic-auth switches for SMTP client submission (organization and per mailbox). */
    public SmtpClientAuth smtpClientAuth() {
        return smtpClientAuth;
    }

    /** App registrations (service principals), in registration order. */
    public Collection<AppRegistration> apps() {
        return Collections.unmodifiableCollection(apps.values());
    }

    /** The app registered with this client id. */
    public Optional<AppRegistration> app(String appId) {
        return Optional.ofNullable(apps.get(appId.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The app whose service principal has this object id (a token's {@code oid}). */
    public Optional<AppRegistration> appByObjectId(String objectId) {
        return apps.values().stream().filter(a -> a.objectId().equalsIgnoreCase(objectId.strip())).findFirst();
    }

    /** The app a cmdlet's identity names: display name, app id or object id; empty when none or several. */
    public Optional<AppRegistration> findApp(String identity) {
        List<AppRegistration> found = apps.values().stream().filter(a -> a.isNamedBy(identity)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** 0 for a loaded directory, one more for each {@link #apply}: tells which grants a decision saw. */
    public long version() {
        return version;
    }

    public Organization organization() {
        return organization;
    }

    /** Every object, in the order they were declared. */
    public Collection<Recipient> recipients() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public int size() {
        return byId.size();
    }

    public Optional<Recipient> get(RecipientId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The object with this id; throws when there is none (a bug: ids come from this snapshot). */
    public Recipient require(RecipientId id) {
        Recipient r = byId.get(id);
        if (r == null) {
            throw new IllegalStateException("no recipient with Guid " + id + " in this directory snapshot");
        }
        return r;
    }

    /** The object that owns this SMTP address (primary or proxy), if any. */
    public Optional<Recipient> byAddress(SmtpAddress address) {
        RecipientId id = indexes.byAddress.get(address);
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    /** The object whose Name is {@code name}, ignoring case (Names are unique). */
    public Optional<Recipient> byName(String name) {
        RecipientId id = indexes.byName.get(Indexes.key(name));
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    /** Resolves an identity string by any of the forms of spec §2. */
    public Resolution resolve(String identity) {
        List<RecipientId> ids = indexes.resolve(organization, identity, byId);
        return switch (ids.size()) {
            case 0 -> new Resolution.NotFound(identity);
            case 1 -> new Resolution.Found(identity, byId.get(ids.get(0)));
            default -> new Resolution.Ambiguous(identity, ids.stream().map(byId::get).toList());
        };
    }

    /** The account a client signs in as: UPN, primary or proxy address, alias, {@code DOMAIN\sam} or a linked master account. */
    public Optional<Recipient> account(String login) {
        List<RecipientId> ids = indexes.login(organization, login, byId);
        return ids.size() == 1 ? Optional.of(byId.get(ids.get(0))) : Optional.empty();
    }

    /** The groups that list {@code id} as a direct member. */
    public List<RecipientId> directGroupsOf(RecipientId id) {
        return indexes.parents.getOrDefault(id, List.of());
    }

    /** Every group {@code principal} belongs to, transitively, with paths; cycles terminate. */
    public Membership membership(RecipientId principal) {
        return memberships.computeIfAbsent(principal, this::closure);
    }

    private Membership closure(RecipientId principal) {
        Map<RecipientId, List<RecipientId>> paths = new HashMap<>();
        ArrayDeque<RecipientId> queue = new ArrayDeque<>();
        for (RecipientId g : directGroupsOf(principal)) {
            if (paths.putIfAbsent(g, List.of(g)) == null) {
                queue.add(g);
            }
        }
        while (!queue.isEmpty()) {
            RecipientId g = queue.poll();
            List<RecipientId> path = paths.get(g);
            for (RecipientId parent : directGroupsOf(g)) {
                if (!parent.equals(principal) && !paths.containsKey(parent)) {
                    List<RecipientId> longer = new ArrayList<>(path.size() + 1);
                    longer.addAll(path);
                    longer.add(parent);
                    paths.put(parent, List.copyOf(longer));
                    queue.add(parent);
                }
            }
        }
        return new Membership(principal, paths);
    }

    @Override
    public String toString() {
        return "Directory[" + organization.domain() + ", " + byId.size() + " recipients]";
    }
}
