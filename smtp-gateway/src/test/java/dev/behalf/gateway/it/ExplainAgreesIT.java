package dev.behalf.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explain says what the gateway does (issue 16.1): every rule of spec §4, the two cases where they used to
 * disagree, and the Resent-From rule, each asked of {@code GET /api/admin/explain} and then sent for real
 * over SMTP. Both must give the expected outcome, the same delivered Sender (and Resent-Sender), and the
 * same reply; the stored copy carries that Sender.
 */
class ExplainAgreesIT {
    private static final String HIDDEN = "DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}@contoso.com";

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    /**
     * One submission: the cmdlets that set it up, who signs in, the header values, and what must come of it.
     *
     * @param sender       the delivered Sender, empty for none
     * @param resentSender the delivered Resent-Sender, empty for none
     */
    record Case(String name, String setup, String login, String from, String senderHeader, String resentFrom, String resentSenderHeader,
                String outcome, Optional<String> sender, Optional<String> resentSender, String reply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String ACCEPTED = "250 2.6.0 ";
    static final String DENIED = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";

    static Case accepted(String name, String setup, String login, String from, String sender, String outcome, String delivered) {
        return new Case(name, setup, login, from, sender, "", "", outcome, Optional.ofNullable(delivered), Optional.empty(), ACCEPTED);
    }

    static Case refused(String name, String setup, String login, String from, String sender, String outcome, String reply) {
        return new Case(name, setup, login, from, sender, "", "", outcome, Optional.empty(), Optional.empty(), reply);
    }

    static Case resent(String name, String setup, String login, String resentFrom, String resentSender, String outcome,
                       String deliveredResentSender, String reply) {
        return new Case(name, setup, login, login + "@contoso.com", "", resentFrom, resentSender, outcome, Optional.empty(),
                Optional.ofNullable(deliveredResentSender), reply);
    }

    static Stream<Case> cases() {
        String onBehalf = "Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh";
        return Stream.of(
                accepted("step 1: own address is Self", "", "terrya", "terrya@contoso.com", "", "Self", null),
                accepted("step 1: a foreign client Sender is removed", "", "terrya", "terrya@contoso.com", "raymonds@contoso.com", "Self", null),
                accepted("step 1: an own client Sender is kept", "", "terrya", "terrya@contoso.com", "TerryA@contoso.com", "Self",
                        "TerryA@contoso.com"),
                refused("step 2: an address nobody owns", "", "terrya", "nobody@contoso.com", "", "Denied", DENIED),
                refused("step 2: a mailbox hidden from address lists", "", "terrya", HIDDEN, "", "Denied", DENIED),
                accepted("step 3: Send As, no Sender", "", "pilarp", "jamesa@contoso.com", "", "SendAs", null),
                accepted("step 3: Send As removes the client Sender", "", "pilarp", "jamesa@contoso.com", "pilarp@contoso.com", "SendAs", null),
                accepted("step 3: Send As wins over Send on Behalf", "Set-Mailbox -Identity jamesa -GrantSendOnBehalfTo pilarp",
                        "pilarp", "jamesa@contoso.com", "", "SendAs", null),
                accepted("step 4: Send on Behalf stamps the delegate", onBehalf, "hollyh", "seanc@contoso.com", "", "SendOnBehalf",
                        "Holly Holt <hollyh@contoso.com>"),
                accepted("step 4: Send on Behalf replaces the client Sender", onBehalf, "hollyh", "seanc@contoso.com",
                        "Sean Chai <seanc@contoso.com>", "SendOnBehalf", "Holly Holt <hollyh@contoso.com>"),
                accepted("step 4: Send on Behalf through a group", "Set-Mailbox -Identity seanc -GrantSendOnBehalfTo tempassistants",
                        "kevink", "seanc@contoso.com", "", "SendOnBehalf", "Kevin Kelly <kevink@contoso.com>"),
                refused("step 5: Full Access alone never sends", "", "jimh", "ayla@contoso.com", "", "Denied", DENIED),
                refused("step 5: no right at all", "", "kevink", "ayla@contoso.com", "", "Denied", DENIED),
                refused("every From must pass", "", "karent", "karent@contoso.com, terrya@contoso.com", "karent@contoso.com", "Denied", DENIED),
                // Issue 16.1, the two cases where Explain and the gateway disagreed.
                refused("several own From and no Sender is refused", "", "terrya", "terrya@contoso.com, TerryA@contoso.com", "", "Rejected",
                        "550 5.6.0 Several From addresses need a Sender header (RFC 5322 3.6.2)"),
                accepted("several own From and a foreign Sender stamps the account", "", "terrya", "terrya@contoso.com, TerryA@contoso.com",
                        "raymonds@contoso.com", "Self", "Terry Adams <terrya@contoso.com>"),
                accepted("own and Send As From with a Sender stamps the account", "", "karent", "karent@contoso.com, yanli@contoso.com",
                        "yanli@contoso.com", "SendAs", "Karen Toh <karent@contoso.com>"),
                // Resent-From: the account resends, and must be allowed to appear as every Resent-From.
                resent("Resent-From the account itself", "", "jimh", "jimh@contoso.com", "", "Self", null, ACCEPTED),
                resent("Resent-From someone the account may not be", "", "jimh", "Ayla Kol <ayla@contoso.com>", "", "Denied", null, DENIED),
                resent("Resent-From a foreign Resent-Sender is removed", "", "jimh", "jimh@contoso.com", "ayla@contoso.com", "Self", null,
                        ACCEPTED),
                resent("Resent-From on behalf stamps the Resent-Sender", onBehalf, "hollyh", "seanc@contoso.com", "ayla@contoso.com",
                        "Self", "Holly Holt <hollyh@contoso.com>", ACCEPTED),
                resent("several Resent-From and no Resent-Sender", "", "jimh", "jimh@contoso.com, JimH@contoso.com", "", "Rejected", null,
                        "550 5.6.0 Several Resent-From addresses need a Resent-Sender header (RFC 5322 3.6.6)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void explainAndTheGatewayAgree(Case c) throws Exception {
        if (!c.setup().isEmpty()) {
            behalf.shell(c.setup());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("account", c.login());
        query.put("from", c.from());
        query.put("sender", c.senderHeader());
        query.put("resentFrom", c.resentFrom());
        query.put("resentSender", c.resentSenderHeader());
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Http.Reply r = Http.get(behalf.httpPort(), "/api/admin/explain" + q);
        assertEquals(200, r.status(), r.body());
        JsonNode x = r.json();
        String explained = x.get("replies").get(0).get("reply").asText();

        String subject = c.name();
        StringBuilder head = new StringBuilder();
        if (!c.resentFrom().isEmpty()) {
            head.append("Resent-From: ").append(c.resentFrom()).append("\r\n");
        }
        if (!c.resentSenderHeader().isEmpty()) {
            head.append("Resent-Sender: ").append(c.resentSenderHeader()).append("\r\n");
        }
        head.append("From: ").append(c.from()).append("\r\n");
        if (!c.senderHeader().isEmpty()) {
            head.append("Sender: ").append(c.senderHeader()).append("\r\n");
        }
        head.append("To: raymonds@contoso.com\r\nSubject: ").append(subject).append("\r\n\r\nhello\r\n");
        String sent;
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertEquals("235 Authentication successful.", s.login(c.login(), "P@ssw0rd"));
            sent = s.transaction(c.login() + "@contoso.com", "raymonds@contoso.com", head.toString());
        }
        DecisionRecord record = behalf.lastDecision().orElseThrow();

        assertEquals(c.outcome(), x.get("outcome").asText(), "Explain's outcome");
        assertEquals(c.outcome(), record.outcome(), "the gateway's outcome");
        assertEquals(c.sender(), text(x, "deliveredSender"), "Explain's delivered Sender");
        assertEquals(c.sender(), record.deliveredSender(), "the gateway's delivered Sender");
        assertEquals(c.resentSender(), text(x, "deliveredResentSender"), "Explain's delivered Resent-Sender");
        assertEquals(c.resentSender(), record.deliveredResentSender(), "the gateway's delivered Resent-Sender");
        if (!c.outcome().equals("Rejected")) {
            assertEquals(record.resentOutcome(), text(x, "resentOutcome"), "the decision on Resent-From");
        }
        if (c.reply().equals(ACCEPTED)) {
            assertTrue(explained.startsWith(ACCEPTED) && explained.endsWith("Queued mail for delivery"), explained);
            assertTrue(sent.startsWith(ACCEPTED) && sent.endsWith("Queued mail for delivery"), "Error upon step DATA: " + sent);
            MessageSummary stored = behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("raymonds").id()), Folders.INBOX)
                    .stream().filter(m -> m.subject().equals(subject)).findFirst().orElseThrow();
            assertEquals(c.sender().map(ExplainAgreesIT::address), stored.sender().map(ExplainAgreesIT::address), "the stored Sender");
        } else {
            assertEquals(c.reply(), explained, "Explain's reply");
            assertEquals(c.reply(), sent, "Error upon step DATA");
        }
    }

    private static Optional<String> text(JsonNode x, String field) {
        JsonNode v = x.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static String address(String mailbox) {
        return dev.behalf.message.MailboxList.read(mailbox).get(0).address().toLowerCase(java.util.Locale.ROOT);
    }
}
