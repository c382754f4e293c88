package dev.behalf.gateway.faults;

import dev.behalf.gateway.faults.FaultRule.Reply;
import dev.behalf.gateway.faults.FaultRule.Stage;
import dev.behalf.policy.reply.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading rules files and bodies, and which commands a rule answers. */
class FaultRulesTest {

    private static FaultRules.Subject mail(String login, String from) {
        return new FaultRules.Subject(Stage.MAIL, login::equalsIgnoreCase, from, List.of());
    }

    @Test
    void aRulesFileReadsWithItsDefaults() {
        List<FaultRule> rules = FaultRules.parse("faults:\n  - reply: server-busy\n    account: terrya\n    next: 2\n"
                + "  - {name: quota, reply: 554, stage: data, percent: 50, seed: 9}\n", "faults.yaml");
        assertEquals(List.of(new FaultRule("rule 1", Stage.MAIL, Reply.SERVER_BUSY, java.util.Optional.of("terrya"), java.util.Optional.empty(),
                OptionalInt.of(2), 100, 1), new FaultRule("quota", Stage.DATA, Reply.SUBMISSION_QUOTA_EXCEEDED, java.util.Optional.empty(),
                java.util.Optional.empty(), OptionalInt.empty(), 50, 9)), rules);
    }

    @Test
    void jsonBodiesReadToo() {
        assertEquals(1, FaultRules.parse("{\"reply\":\"sender-thread-limit\",\"stage\":\"RCPT\"}", "body").size());
        assertEquals(2, FaultRules.parse("[{\"reply\":\"421\"},{\"reply\":\"too-many-recipients\"}]", "body").size());
    }

    @Test
    void badRulesAreNamedWithTheFieldAndTheChoices() {
        assertEquals("f.yaml faults[0]: reply 'teapot' is not one of server-busy, service-unavailable, too-many-recipients,"
                + " sender-thread-limit, submission-quota", message("- reply: teapot"));
        assertEquals("f.yaml faults[0]: 'reply' is required: one of server-busy, service-unavailable, too-many-recipients,"
                + " sender-thread-limit, submission-quota", message("- stage: MAIL"));
        assertEquals("f.yaml faults[0]: stage 'HELO' is not one of MAIL, RCPT, DATA", message("- {reply: server-busy, stage: HELO}"));
        assertEquals("f.yaml faults[0]: unknown field 'acount'; a rule has account, from, name, next, percent, reply, seed, stage",
                message("- {reply: server-busy, acount: terrya}"));
        assertEquals("f.yaml faults[0]: fault rule 'rule 1': percent is 1..100: 0", message("- {reply: server-busy, percent: 0}"));
        assertEquals("f.yaml faults[0]: 'next' must be a whole number, got 'two'", message("- {reply: server-busy, next: two}"));
        assertTrue(message("faults: [").startsWith("f.yaml: not YAML or JSON"));
    }

    private static String message(String text) {
        return assertThrows(FaultRules.BadRules.class, () -> FaultRules.parse(text, "f.yaml")).getMessage();
    }

    @Test
    void aRuleAnswersOnlyItsAccountStageAndFromAndOnlyNTimes() {
        FaultRules rules = new FaultRules(List.of(FaultRule.of("busy", Stage.MAIL, Reply.SERVER_BUSY).account("terrya")
                .from("terrya@contoso.com").next(2)));
        assertTrue(rules.fire(mail("raymonds", "terrya@contoso.com")).isEmpty(), "another account");
        assertTrue(rules.fire(mail("terrya", "ayla@contoso.com")).isEmpty(), "another MAIL FROM");
        assertTrue(rules.fire(new FaultRules.Subject(Stage.RCPT, "terrya"::equalsIgnoreCase, "terrya@contoso.com", List.of())).isEmpty(),
                "another stage");
        FaultRules.Fired fired = rules.fire(mail("TerryA", "TerryA@contoso.com")).orElseThrow();
        assertEquals(Refusal.SERVER_BUSY, fired.refusal());
        assertEquals("fault rule 'busy' (MAIL, account terrya, from terrya@contoso.com, next 2) 1 of 2", fired.detail());
        assertTrue(rules.fire(mail("terrya", "terrya@contoso.com")).isPresent());
        assertTrue(rules.fire(mail("terrya", "terrya@contoso.com")).isEmpty(), "used up");
        assertEquals(OptionalInt.of(0), rules.list().get(0).remaining());
        rules.reset();
        assertTrue(rules.fire(mail("terrya", "terrya@contoso.com")).isPresent(), "reset rearms the declared rules");
    }
}
