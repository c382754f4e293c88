package dev.behalf.policy.directory;

import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link Directory#apply} edits the indexes and checks only what a change touches; a snapshot built
 * from scratch over the same recipients ({@link Directory#of}) is the oracle. Random batches of puts
 * and removes (renames, shared display names, proxy addresses, members, grants, recipients added,
 * removed and put back), from a fixed seed, walk the demo directory; after each, every lookup must
 * answer as the fresh snapshot does, and a batch refused must be refused with the fresh build's words.
 */
class IncrementalApplyTest {
    private static final int STEPS = 400;
    private static final List<String> DISPLAY_NAMES = List.of("Shared Name", "Other Name", "Terry Adams", "Jim Hance", "Desk");
    private static final List<String> ALIASES = List.of("desk", "terrya", "spare1", "spare2", "jimh");

    private final Random random = new Random(20261129);
    private final Organization org = DemoDirectory.load().organization();
    private int created;

    @Test
    void everyLookupAfterAChangeAnswersAsAFreshSnapshotDoes() {
        Directory d = DemoDirectory.load();
        int accepted = 0;
        int refused = 0;
        for (int step = 0; step < STEPS; step++) {
            boolean putsOnly = random.nextInt(3) == 0;
            List<DirectoryChange> changes = batch(d, putsOnly);
            Directory next;
            try {
                next = d.apply(changes);
            } catch (InvalidDirectoryException e) {
                refused++;
                if (putsOnly) {
                    assertEquals(e.getMessage(), freshBuildRefusal(d, changes), "step " + step + ": " + changes);
                }
                continue;
            }
            accepted++;
            Directory fresh = Directory.of(org, next.recipients());
            assertSameAnswers(d, next, fresh, "step " + step + ": " + changes);
            d = next;
        }
        // The walk must exercise both paths, or it proves little.
        if (accepted < STEPS / 4 || refused < STEPS / 20) {
            fail("accepted " + accepted + ", refused " + refused + " of " + STEPS);
        }
    }

    @Test
    void aBatchAppliedAtOnceEndsWhereTheListsAppliedOneByOneEnd() {
        Directory d = DemoDirectory.load();
        List<List<DirectoryChange>> lists = new ArrayList<>();
        Directory oneByOne = d;
        while (lists.size() < 40) {
            List<DirectoryChange> changes = batch(oneByOne, false);
            try {
                oneByOne = oneByOne.apply(changes);
                lists.add(changes);
            } catch (RuntimeException e) {
                // refused: not part of the journal
            }
        }
        Directory atOnce = d.applyAll(lists);
        assertEquals(List.copyOf(oneByOne.recipients()), List.copyOf(atOnce.recipients()));
        assertEquals(oneByOne.version(), atOnce.version());
        assertSameAnswers(d, atOnce, Directory.of(org, atOnce.recipients()), "applyAll");
    }

    @Test
    void aClashIsReportedAsAFreshBuildReportsIt() {
        Directory d = DemoDirectory.load();
        Recipient terry = DemoDirectory.find(d, "terrya");
        InvalidDirectoryException e = assertThrows(InvalidDirectoryException.class,
                () -> d.apply(List.of(new DirectoryChange.Put(terry.toBuilder().alias("jimh").build()))));
        assertEquals("alias: Alias 'jimh' is already used by another recipient", e.getMessage());
    }

    @Test
    void aGroupJoiningAMembersListTakesItsPlaceInDeclarationOrder() {
        Directory d = DemoDirectory.load();
        Recipient sara = DemoDirectory.find(d, "sarad");
        Recipient helpdesk = DemoDirectory.find(d, "Helpdesk");
        List<RecipientId> members = new ArrayList<>(helpdesk.members());
        members.add(sara.id());

        Directory next = d.apply(List.of(new DirectoryChange.Put(helpdesk.toBuilder().members(members).build())));

        // Helpdesk is declared before Printer Support and Escalation, the groups Sara was already in.
        assertEquals(List.of(helpdesk.id(), DemoDirectory.find(d, "Printer Support").id(), DemoDirectory.find(d, "Escalation").id()),
                next.directGroupsOf(sara.id()));
        assertEquals(Directory.of(org, next.recipients()).directGroupsOf(sara.id()), next.directGroupsOf(sara.id()));
    }

    private List<DirectoryChange> batch(Directory d, boolean putsOnly) {
        List<DirectoryChange> changes = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        List<Recipient> all = List.copyOf(d.recipients());
        for (int i = 0; i < n; i++) {
            Recipient r = all.get(random.nextInt(all.size()));
            // Removes only while the walk keeps most of the directory, so the other kinds stay meaningful.
            int kind = random.nextInt(putsOnly || all.size() < 30 ? 6 : 8);
            try {
                change(kind, r, all, changes);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // a record the generator made invalid on its own (Recipient's invariants): not a change
            }
        }
        return changes;
    }

    private void change(int kind, Recipient r, List<Recipient> all, List<DirectoryChange> changes) {
        switch (kind) {
            case 0 -> changes.add(put(r.toBuilder().displayName(pick(DISPLAY_NAMES))));
            case 1 -> changes.add(put(r.toBuilder().alias(pick(ALIASES) + (random.nextBoolean() ? "" : "x" + random.nextInt(5)))));
            case 2 -> {
                List<SmtpAddress> proxies = new ArrayList<>(r.emailAddresses());
                if (!proxies.isEmpty() && random.nextBoolean()) {
                    proxies.remove(0);
                } else if (r.type().isMailEnabled()) {
                    proxies.add(new SmtpAddress("proxy" + random.nextInt(8), "contoso.com"));
                }
                changes.add(put(r.toBuilder().emailAddresses(proxies)));
            }
            case 3 -> {
                List<Recipient> groups = all.stream().filter(g -> g.type().hasMembers()
                        && g.type() != RecipientTypeDetails.DynamicDistributionGroup).toList();
                if (!groups.isEmpty()) {
                    Recipient group = groups.get(random.nextInt(groups.size()));
                    List<RecipientId> members = new ArrayList<>(group.members());
                    if (!members.isEmpty() && random.nextBoolean()) {
                        members.remove(random.nextInt(members.size()));
                    } else {
                        members.add(all.get(random.nextInt(all.size())).id());
                    }
                    changes.add(put(group.toBuilder().members(members)));
                }
            }
            case 4 -> {
                List<SendAsEntry> sendAs = new ArrayList<>(r.sendAs());
                sendAs.add(SendAsEntry.allow(all.get(random.nextInt(all.size())).id()));
                changes.add(put(r.toBuilder().sendAs(sendAs)));
            }
            case 5 -> changes.add(new DirectoryChange.Put(Recipient.builder(RecipientTypeDetails.UserMailbox, "New " + (created++ % 7))
                    .alias(pick(ALIASES) + "n" + created).displayName(pick(DISPLAY_NAMES)).build(org)));
            case 6 -> changes.add(new DirectoryChange.Remove(r.id()));
            default -> {
                // removed and put back: it moves last
                changes.add(new DirectoryChange.Remove(r.id()));
                changes.add(new DirectoryChange.Put(r.toBuilder().members(List.of()).grantSendOnBehalfTo(List.of())
                        .fullAccess(List.of()).sendAs(List.of()).build()));
            }
        }
    }

    private static DirectoryChange put(Recipient.Builder b) {
        return new DirectoryChange.Put(b.build());
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** What building the changed recipients from scratch refuses with (puts only: no references to drop). */
    private String freshBuildRefusal(Directory d, List<DirectoryChange> puts) {
        Map<RecipientId, Recipient> next = new LinkedHashMap<>();
        d.recipients().forEach(r -> next.put(r.id(), r));
        puts.forEach(c -> next.put(((DirectoryChange.Put) c).recipient().id(), ((DirectoryChange.Put) c).recipient()));
        try {
            Directory.of(org, next.values());
            return "(a fresh build accepts it)";
        } catch (InvalidDirectoryException e) {
            return e.getMessage();
        }
    }

    /** Every identity form of every recipient, before and after, resolves alike; memberships alike. */
    private static void assertSameAnswers(Directory before, Directory changed, Directory fresh, String where) {
        assertEquals(List.copyOf(fresh.recipients()), List.copyOf(changed.recipients()), where);
        List<String> identities = new ArrayList<>();
        for (Directory d : List.of(before, fresh)) {
            for (Recipient r : d.recipients()) {
                identities.add(r.name());
                identities.add(r.alias());
                identities.add(r.displayName());
                identities.add(r.distinguishedName());
                identities.add(r.legacyExchangeDn());
                identities.add(r.id().toString());
                identities.add(d.organization().canonicalName(r.distinguishedName()));
                r.addresses().forEach(a -> identities.add(a.toString()));
                r.account().ifPresent(a -> {
                    identities.add(a.userPrincipalName());
                    identities.add(a.samAccountName());
                    identities.add(d.organization().netbiosName() + "\\" + a.samAccountName());
                });
            }
        }
        for (String identity : identities) {
            assertEquals(fresh.resolve(identity), changed.resolve(identity), where + ": resolve " + identity);
            assertEquals(fresh.account(identity), changed.account(identity), where + ": account " + identity);
            SmtpAddress.tryParse(identity).ifPresent(a -> assertEquals(fresh.byAddress(a), changed.byAddress(a), where + ": " + a));
        }
        for (Recipient r : fresh.recipients()) {
            assertEquals(fresh.directGroupsOf(r.id()), changed.directGroupsOf(r.id()), where + ": groups of " + r.name());
            assertEquals(fresh.membership(r.id()).paths(), changed.membership(r.id()).paths(), where + ": membership of " + r.name());
        }
    }
}
