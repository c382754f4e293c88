package dev.behalf.policy.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The lookup tables of one {@link Directory} snapshot. Only the forms that can't be derived are
 * indexed (name, alias, SamAccountName, UPN, address, display name); DN, canonical name,
 * {@code DOMAIN\sam} and LegacyExchangeDN are reduced to one of those and then verified, which keeps
 * a 100,000-recipient directory small.
 */
final class Indexes {
    final Map<String, RecipientId> byName;
    final Map<String, RecipientId> byAlias;
    final Map<String, RecipientId> bySam;
    final Map<String, RecipientId> byUpn;
    final Map<String, RecipientId> byLinkedMaster = new HashMap<>();
    final Map<SmtpAddress, RecipientId> byAddress;
    final Map<String, List<RecipientId>> byDisplayName;
    final Map<RecipientId, List<RecipientId>> parents;

    private Indexes(int size) {
        // Sized up front: rehashing 100,000-entry maps is a large part of building a snapshot.
        int capacity = (int) (size / 0.75f) + 1;
        byName = new HashMap<>(capacity);
        byAlias = new HashMap<>(capacity);
        bySam = new HashMap<>(capacity);
        byUpn = new HashMap<>(capacity);
        byAddress = new HashMap<>(capacity);
        byDisplayName = new HashMap<>(capacity);
        parents = new HashMap<>(capacity);
    }

    static Indexes build(Organization org, Collection<Recipient> recipients, List<DirectoryProblem> problems) {
        Indexes ix = new Indexes(recipients.size());
        for (Recipient r : recipients) {
            ix.unique(ix.byName, key(r.name()), r, "name", "Name", r.name(), problems);
            ix.unique(ix.byAlias, key(r.alias()), r, "alias", "Alias", r.alias(), problems);
            r.account().ifPresent(a -> {
                ix.unique(ix.bySam, key(a.samAccountName()), r, "samAccountName", "SamAccountName", a.samAccountName(), problems);
                ix.unique(ix.byUpn, key(a.userPrincipalName()), r, "userPrincipalName", "UserPrincipalName", a.userPrincipalName(), problems);
                a.linkedMasterAccount().ifPresent(m -> ix.unique(ix.byLinkedMaster, key(m), r, "linkedMasterAccount",
                        "LinkedMasterAccount", m, problems));
            });
            for (SmtpAddress address : r.addresses()) {
                RecipientId before = ix.byAddress.putIfAbsent(address, r.id());
                if (before != null && !before.equals(r.id())) {
                    problems.add(new DirectoryProblem(Optional.of(r.id()), "emailAddresses",
                            "address " + address + " of '" + r.name() + "' is already used by another recipient"));
                }
            }
            ix.byDisplayName.computeIfAbsent(key(r.displayName()), k -> new ArrayList<>(1)).add(r.id());
            for (RecipientId member : r.members()) {
                ix.parents.computeIfAbsent(member, k -> new ArrayList<>(2)).add(r.id());
            }
        }
        return ix;
    }

    private void unique(Map<String, RecipientId> index, String key, Recipient r, String field, String attribute,
                        String value, List<DirectoryProblem> problems) {
        RecipientId before = index.putIfAbsent(key, r.id());
        if (before != null && !before.equals(r.id())) {
            problems.add(new DirectoryProblem(Optional.of(r.id()), field,
                    attribute + " '" + value + "' is already used by another recipient"));
        }
    }

    /** Whether two versions of a recipient index identically (so the indexes can be reused). */
    static boolean sameKeys(Recipient a, Recipient b) {
        return a.type() == b.type()
                && a.name().equals(b.name())
                && a.alias().equals(b.alias())
                && a.displayName().equals(b.displayName())
                && a.account().map(Account::userPrincipalName).equals(b.account().map(Account::userPrincipalName))
                && a.account().map(Account::samAccountName).equals(b.account().map(Account::samAccountName))
                && a.account().flatMap(Account::linkedMasterAccount).equals(b.account().flatMap(Account::linkedMasterAccount))
                && a.addresses().equals(b.addresses())
                && a.members().equals(b.members());
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
