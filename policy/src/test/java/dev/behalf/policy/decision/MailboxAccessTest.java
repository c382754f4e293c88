package dev.behalf.policy.decision;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Full Access and auto-mapping (spec §8) over the demo directory. */
class MailboxAccessTest {

    @Test
    void directGrantOpensAndAutoMapsFromTheArticle() {
        Directory d = DemoDirectory.load();
        MailboxAccess.Grant grant = MailboxAccess.canOpen(d, id(d, "Jim Hance"), id(d, "Ayla Kol")).orElseThrow();
        assertEquals("direct grant", grant.reason());
        assertTrue(grant.autoMapped());
        assertEquals(List.of("Ayla Kol"), names(MailboxAccess.autoMapped(d, id(d, "Jim Hance"))));
    }

    @Test
    void grantWithAutoMappingFalseOpensButDoesNotAutoMap() {
        Directory d = DemoDirectory.with("""
                grants:
                  fullAccess:
                    - { identity: Terry Adams, user: raymonds, autoMapping: $false }
                """);
        assertTrue(MailboxAccess.canOpen(d, id(d, "Raymond Sam"), id(d, "Terry Adams")).isPresent());
        assertEquals(List.of("Terry Adams"), names(MailboxAccess.openable(d, id(d, "Raymond Sam"))));
        assertEquals(List.of(), names(MailboxAccess.autoMapped(d, id(d, "Raymond Sam"))));
    }

    @Test
    void groupGrantOpensForNestedMembersButNeverAutoMaps() {
        Directory d = DemoDirectory.with("""
                grants:
                  fullAccess:
                    - { identity: Helpdesk Tickets, user: Escalation }
                """);
        MailboxAccess.Grant grant = MailboxAccess.canOpen(d, id(d, "Jim Hance"), id(d, "Helpdesk Tickets")).orElseThrow();
        assertEquals("via group Helpdesk > Escalation", grant.reason());
        assertEquals(Optional.of("Escalation"), grant.trustee());
        assertEquals(List.of("Ayla Kol"), names(MailboxAccess.autoMapped(d, id(d, "Jim Hance"))));
        assertTrue(MailboxAccess.canOpen(d, id(d, "Terry Adams"), id(d, "Helpdesk Tickets")).isEmpty());
    }

    @Test
    void denyBeatsAllowForFullAccess() {
        Directory d = DemoDirectory.with("""
                grants:
                  fullAccess:
                    - { identity: Helpdesk Tickets, user: Helpdesk }
                    - { identity: Helpdesk Tickets, user: jimh, deny: true }
                """);
        assertTrue(MailboxAccess.canOpen(d, id(d, "Jim Hance"), id(d, "Helpdesk Tickets")).isEmpty());
        assertTrue(MailboxAccess.canOpen(d, id(d, "Ayla Kol"), id(d, "Helpdesk Tickets")).isPresent());
    }

    @Test
    void removingTheGrantEndsAccessAtTheNextCheck() {
        Directory d = DemoDirectory.load();
        Recipient ayla = DemoDirectory.find(d, "Ayla Kol");
        Directory without = d.apply(List.of(new DirectoryChange.Put(ayla.toBuilder().fullAccess(List.of()).build())));
        assertTrue(MailboxAccess.canOpen(without, id(d, "Jim Hance"), ayla.id()).isEmpty());
    }

    @Test
    void aGroupIsNotAMailboxToOpen() {
        Directory d = DemoDirectory.load();
        assertTrue(MailboxAccess.canOpen(d, id(d, "Ayla Kol"), id(d, "Helpdesk")).isEmpty());
    }

    private static dev.behalf.policy.directory.RecipientId id(Directory d, String identity) {
        return DemoDirectory.find(d, identity).id();
    }

    private static List<String> names(List<MailboxAccess.Grant> grants) {
        return grants.stream().map(g -> g.mailbox().name()).toList();
    }
}
