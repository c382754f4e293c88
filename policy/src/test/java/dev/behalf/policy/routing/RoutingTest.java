package dev.behalf.policy.routing;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.policy.seed.Row;
import dev.behalf.policy.seed.SeedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Routing of envelope recipients (spec §6), one row of {@code seed/routing.yaml} per case. */
class RoutingTest {
    private static final String FILE = "routing.yaml";

    static List<Row> cases() {
        return SeedFile.rows(FILE, "cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recipientsRouteAsSpecSection6Says(Row row) {
        Directory d = DemoDirectory.with(row.optionalText("add").orElse(""));
        List<SmtpAddress> to = row.texts("to").stream().map(SmtpAddress::parse).toList();
        RoutingPlan plan = Router.plan(d, to);
        Row expect = row.row("expect");
        String context = row.id() + "\n directory: demo plus\n" + row.optionalText("add").orElse("(nothing)\n").indent(4)
                + " to: " + to + "\n routes: " + plan.routes().stream().map(RoutingTest::describe).toList()
                + "\n mailboxes: " + names(plan.mailboxes()) + "\n external: " + plan.external();

        assertEquals(expect.texts("routes"), plan.routes().stream().map(RoutingTest::describe).toList(), context);
        assertEquals(to, plan.routes().stream().map(Route::address).toList(), context);
        if (expect.has("mailboxes")) {
            assertEquals(expect.texts("mailboxes"), names(plan.mailboxes()), context);
        }
        if (expect.has("external")) {
            assertEquals(expect.texts("external"), plan.external().stream().map(SmtpAddress::toString).toList(), context);
        }
        assertEquals(expect.texts("unknown"), plan.unknown().stream().map(u -> u.address().toString()).toList(), context);
        for (Route r : plan.routes()) {
            if (r instanceof Route.ToGroup g) {
                // Each mailbox once, even when reached through two paths.
                assertEquals(g.mailboxes().size(), new HashSet<>(g.mailboxes()).size(), context);
                assertEquals(g.external().size(), new HashSet<>(g.external()).size(), context);
            } else if (r instanceof Route.Unknown u) {
                assertEquals(unknownReply(), u.refusal().reply(Dialect.EXCHANGE_ONLINE).toString(), context);
                assertEquals(unknownReply(), u.refusal().reply(Dialect.EXCHANGE_SERVER).toString(), context);
            }
        }
        // Routing one address at a time gives the same routes (RCPT TO checks them one by one).
        assertEquals(plan.routes(), to.stream().map(a -> Router.route(d, a)).toList(), context);
    }

    @Test
    void dynamicGroupMembersAreComputedAtDeliveryTime() {
        Directory d = DemoDirectory.with("""
                recipients:
                  - { name: Legal, alias: legal, type: DynamicDistributionGroup, includedRecipients: [MailboxUsers],
                      conditions: { Department: [Legal] } }
                """);
        SmtpAddress legal = SmtpAddress.parse("legal@contoso.com");
        assertEquals(List.of("Esther Valle"), names(group(Router.route(d, legal)).mailboxes()));
        Recipient terry = DemoDirectory.find(d, "Terry Adams");
        Directory moved = d.apply(List.of(new DirectoryChange.Put(
                terry.toBuilder().attributes(terry.attributes().with("Department", "Legal")).build())));
        assertEquals(List.of("Terry Adams", "Esther Valle"), names(group(Router.route(moved, legal)).mailboxes()));
        assertEquals(List.of("Esther Valle"), names(group(Router.route(d, legal)).mailboxes()), "the old snapshot is unchanged");
    }

    @Test
    void removedMemberIsNoLongerReached() {
        Directory d = DemoDirectory.load();
        Directory without = d.apply(List.of(new DirectoryChange.Remove(DemoDirectory.find(d, "Jim Hance").id())));
        assertEquals(List.of("Ayla Kol"), names(group(Router.route(without, SmtpAddress.parse("helpdesk@contoso.com"))).mailboxes()));
        assertInstanceOf(Route.Unknown.class, Router.route(without, SmtpAddress.parse("jimh@contoso.com")));
    }

    private static String unknownReply() {
        return String.valueOf(((Map<?, ?>) SeedFile.load(FILE)).get("unknownReply"));
    }

    private static Route.ToGroup group(Route r) {
        return assertInstanceOf(Route.ToGroup.class, r);
    }

    private static List<String> names(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::name).toList();
    }

    private static String describe(Route r) {
        if (r instanceof Route.ToMailbox m) {
            return "Mailbox " + m.mailbox().name();
        } else if (r instanceof Route.ToGroup g) {
            return "Group " + g.group().name();
        } else if (r instanceof Route.ToExternal e) {
            return "External " + e.capturedAs();
        } else if (r instanceof Route.Unknown u) {
            return "Unknown " + u.address();
        }
        throw new IllegalStateException("unknown route " + r);
    }
}
