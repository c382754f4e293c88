package dev.behalf.policy.decision;

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

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The rules of spec §4, one row of {@code seed/decisions.yaml} per case. */
class DecisionRulesTest {
    private static final String FILE = "decisions.yaml";

    static List<Row> cases() {
        return SeedFile.rows(FILE, "cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decisionFollowsSpecSection4(Row row) {
        Directory d = DemoDirectory.with(row.optionalText("add").orElse(""));
        for (Row grant : row.rows("sendOnBehalf")) {
            d = DemoDirectory.grantSendOnBehalf(d, grant.text("identity"), List.of(grant.text("trustee")));
        }
        Recipient account = d.account(row.text("account"))
                .orElseThrow(() -> new AssertionError(row.id() + ": no account signs in as '" + row.text("account") + "'"));
        if (row.flag("removeAccount").orElse(false)) {
            d = d.apply(List.of(new DirectoryChange.Remove(account.id())));
        }
        SendAttempt attempt = new SendAttempt(account.id(), row.texts("from").stream().map(SmtpAddress::parse).toList(),
                row.optionalText("sender").map(SmtpAddress::parse));
        Decision decision = DelegationPolicy.decide(d, attempt);
        Row expect = row.row("expect");
        String context = describe(row, account, decision);

        assertEquals(expect.text("outcome"), decision.outcome().name(), context);
        expect.optionalText("reason").ifPresent(r -> assertEquals(r, decision.because().reason().name(), context));
        expect.optionalText("target").ifPresent(t -> assertEquals(Optional.of(t), decision.because().target(), context));
        expect.optionalText("trustee").ifPresent(t -> assertEquals(Optional.of(t), decision.because().trustee(), context));
        if (expect.has("via")) {
            assertEquals(expect.texts("via"), decision.because().viaGroups(), context);
        }
        if (expect.has("reasons")) {
            assertEquals(expect.texts("reasons"),
                    decision.authorizations().stream().map(a -> a.because().reason().name()).toList(), context);
        }
        expect.optionalText("text").ifPresent(t -> assertEquals(t, decision.because().text(), context));
        // One verdict per From address, in header order.
        assertEquals(attempt.from(), decision.authorizations().stream().map(Authorization::from).toList(), context);

        SenderRule.Verdict verdict = SenderRule.judge(d, attempt);
        expect.optionalText("sender").ifPresent(s -> assertEquals(s, verdict instanceof SenderRule.Refused r
                ? "refused: " + r.refusal().name() : ((SenderRule.Accepted) verdict).sender().name(), context));
        if (decision instanceof Decision.Self self) {
            assertEquals(account.id(), self.account().id(), context);
        } else if (decision instanceof Decision.Denied denied) {
            SenderRule.Refused refused = assertInstanceOf(SenderRule.Refused.class, verdict, context);
            if (attempt.from().size() == 1 || attempt.sender().isPresent()) {
                assertEquals(Optional.of(denied), refused.denied(), context);
            }
            expect.optionalText("refused").ifPresent(r -> assertEquals(SmtpAddress.parse(r), denied.refused().from(), context));
            assertEquals(Outcome.Denied, denied.refused().outcome(), context);
            Map<String, Object> replies = SeedFile.section(FILE, "deniedReply");
            assertEquals(replies.get("exchange-online"), denied.reply(Dialect.EXCHANGE_ONLINE).toString(), context);
            assertEquals(replies.get("exchange-server"), denied.reply(Dialect.EXCHANGE_SERVER).toString(), context);
        }
    }

    /** Directory additions, attempt, expected and actual decision: what a failing row prints. */
    private static String describe(Row row, Recipient account, Decision decision) {
        StringBuilder sb = new StringBuilder(row.id()).append('\n');
        row.optionalText("add").ifPresent(a -> sb.append(" directory: demo plus\n").append(a.indent(4)));
        row.rows("sendOnBehalf").forEach(g -> sb.append(" GrantSendOnBehalfTo of ").append(g.text("identity"))
                .append(" += ").append(g.text("trustee")).append('\n'));
        sb.append(" attempt: ").append(account.name()).append(" (").append(row.text("account")).append(") sends From ")
                .append(row.texts("from"));
        row.optionalText("sender").ifPresent(s -> sb.append(" Sender ").append(s));
        sb.append("\n expected: ").append(row.row("expect").values());
        sb.append("\n actual:   ").append(decision.outcome());
        for (Authorization a : decision.authorizations()) {
            sb.append("\n   ").append(a.from()).append(" -> ").append(a.outcome()).append(" ").append(a.because().reason())
                    .append(" trustee=").append(a.because().trustee().orElse("-")).append(" via=").append(a.because().viaGroups())
                    .append(": ").append(a.because().text());
        }
        return sb.toString();
    }

    @Test
    void everyReasonOfSpecSection4IsCoveredByARow() {
        List<String> covered = cases().stream().flatMap(r -> {
            Row e = r.row("expect");
            return e.has("reasons") ? e.texts("reasons").stream() : e.optionalText("reason").stream();
        }).distinct().toList();
        for (Because.Reason reason : Because.Reason.values()) {
            assertTrue(covered.contains(reason.name()), "no row of seed/decisions.yaml decides by " + reason);
        }
        for (Outcome outcome : Outcome.values()) {
            assertTrue(cases().stream().anyMatch(r -> r.row("expect").text("outcome").equals(outcome.name())),
                    "no row of seed/decisions.yaml ends in " + outcome);
        }
    }

    @Test
    void anAttemptWithoutFromIsTheCallersToRefuse() {
        Directory d = DemoDirectory.load();
        Recipient terry = DemoDirectory.find(d, "Terry Adams");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DelegationPolicy.decide(d, new SendAttempt(terry.id(), List.of(), Optional.empty())));
        assertEquals("a send attempt needs at least one From address", e.getMessage());
    }

    @Test
    void theSameDirectoryAndAttemptAlwaysGiveTheSameDecision() {
        Directory d = DemoDirectory.load();
        Recipient ayla = DemoDirectory.find(d, "Ayla Kol");
        SendAttempt attempt = SendAttempt.of(ayla.id(), SmtpAddress.parse("helpdeskteam@contoso.com"));
        Decision first = DelegationPolicy.decide(d, attempt);
        Decision second = DelegationPolicy.decide(d, attempt);
        assertEquals(first, second);
        Decision.SendAs sendAs = assertInstanceOf(Decision.SendAs.class, first);
        assertEquals("Ayla Kol holds Send As on Help Desk", sendAs.because().text());
    }

    @Test
    void aGrantRemovedByApplyNoLongerDecides() {
        Directory d = DemoDirectory.load();
        Recipient yan = DemoDirectory.find(d, "Yan Li");
        Recipient karen = DemoDirectory.find(d, "Karen Toh");
        SendAttempt attempt = SendAttempt.of(karen.id(), SmtpAddress.parse("yanli@contoso.com"));
        assertEquals(Outcome.SendAs, DelegationPolicy.decide(d, attempt).outcome());
        Directory without = d.apply(List.of(new DirectoryChange.Put(yan.toBuilder().sendAs(List.of()).build())));
        Decision after = DelegationPolicy.decide(without, attempt);
        if (!(after instanceof Decision.Denied denied)) {
            fail("Remove-RecipientPermission must end Send As at the next decision: " + after);
            return;
        }
        assertEquals(Because.Reason.NO_RIGHT, denied.because().reason());
    }
}
