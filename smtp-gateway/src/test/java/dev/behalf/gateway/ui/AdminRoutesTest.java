package dev.behalf.gateway.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.admin.AdminRoutes;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminRoutesTest {
    private final List<ChangeSet> journal = new ArrayList<>();
    private final LiveDirectory live = new LiveDirectory(DemoDirectory.load(), journal::add);
    private final AdminRoutes routes = new AdminRoutes(live, Dialect.EXCHANGE_ONLINE, "mail.contoso.com");

    private String id(String identity) {
        return DemoDirectory.id(live.current(), identity).toString();
    }

    private static JsonNode json(Response r) throws Exception {
        return Json.mapper().readTree(Requests.body(r));
    }

    @Test
    void theSharedTabListsSharedMailboxesOnly() throws Exception {
        JsonNode rows = json(routes.recipients(Requests.get("tab", "shared")));
        assertEquals(5, rows.size());
        rows.forEach(r -> assertEquals("SharedMailbox", r.get("type").asText()));
        JsonNode found = json(routes.recipients(Requests.get("tab", "mailboxes", "q", "holly")));
        assertEquals("Holly Holt", found.get(0).get("displayName").asText());
        assertEquals("hollyh@contoso.com", found.get(0).get("address").asText());
        assertEquals("mailboxes", found.get(0).get("tab").asText());
    }

    @Test
    void aSharedMailboxPageDoesNotOfferSendOnBehalf() throws Exception {
        JsonNode page = json(routes.delegation(Requests.get(Map.of("id", id("helpdesktickets")))));
        assertEquals("Mailbox delegation", page.get("page").asText());
        List<String> offered = new ArrayList<>();
        page.get("sections").forEach(s -> { if (s.get("offered").asBoolean()) offered.add(s.get("right").asText()); });
        assertEquals(List.of("SendAs", "FullAccess"), offered);
    }

    @Test
    void aGroupPageIsGroupDelegationWithSendAsAndSendOnBehalf() throws Exception {
        JsonNode page = json(routes.delegation(Requests.get(Map.of("id", id("printersupport")))));
        assertEquals("Group delegation", page.get("page").asText());
        assertEquals(2, page.get("sections").size());
    }

    @Test
    void thePickerMarksWhatTheEacRefuses() throws Exception {
        JsonNode candidates = json(routes.trustees(Requests.get(Map.of("id", id("seanc")), "right", "SendOnBehalf")));
        JsonNode sales = null;
        for (JsonNode c : candidates) {
            if (c.get("recipient").get("alias").asText().equals("sales")) {
                sales = c;
            }
        }
        assertFalse(sales.get("allowed").asBoolean());
        assertTrue(sales.get("refusal").asText().contains("can't be granted to a MailUniversalDistributionGroup in the EAC"));
        assertTrue(candidates.get(0).get("allowed").asBoolean(), "allowed candidates come first");
    }

    @Test
    void saveAppliesOneChangeSetThroughTheLiveDirectory() throws Exception {
        Response r = routes.save(Requests.post("{\"targets\":[\"" + id("terrya") + "\"],\"add\":{\"SendAs\":[\"" + id("raymonds")
                + "\"]}}"));
        assertEquals(200, Requests.full(r).status().code());
        JsonNode body = json(r);
        assertTrue(body.get("applied").asBoolean());
        assertEquals(1, body.get("directoryVersion").asLong());
        assertEquals(1, journal.size());
        assertEquals("web admin: Mailbox delegation of Terry Adams: add Send As Raymond Sam", journal.get(0).origin());
        assertEquals(1, DemoDirectory.find(live.current(), "terrya").sendAs().size());
    }

    @Test
    void aRefusedSaveChangesNothingAndSaysWhy() throws Exception {
        Directory before = live.current();
        Response r = routes.save(Requests.post("{\"targets\":[\"" + id("terrya") + "\",\"" + id("helpdesktickets")
                + "\"],\"add\":{\"SendAs\":[\"" + id("raymonds") + "\"]}}"));
        assertEquals(422, Requests.full(r).status().code());
        assertTrue(json(r).get("error").asText().startsWith("Bulk edit won't work"));
        assertTrue(journal.isEmpty());
        assertEquals(before, live.current());
    }

    @Test
    void malformedSavesAreBadRequestsNamingTheField() {
        var e = assertThrows(Request.BadRequest.class, () -> routes.save(Requests.post("{\"targets\":[\"nope\"]}")));
        assertEquals("targets[0]: 'nope' is not a Guid", e.getMessage());
        e = assertThrows(Request.BadRequest.class, () -> routes.save(Requests.post("{\"targets\":[\"" + id("terrya")
                + "\"],\"add\":{\"SendAsh\":[]}}")));
        assertEquals("add.SendAsh: not a right; use SendAs, SendOnBehalf or FullAccess", e.getMessage());
        assertThrows(Request.BadRequest.class, () -> routes.save(Requests.post("not json")));
    }

    @Test
    void explainGivesTheDecisionTheReasonAndTheReplyPerDialect() throws Exception {
        JsonNode x = json(routes.explain(Requests.get("account", "jimh@contoso.com", "from", "ayla@contoso.com")));
        assertEquals("Denied", x.get("outcome").asText());
        assertEquals("FULL_ACCESS_ONLY", x.get("verdicts").get(0).get("reason").asText());
        assertEquals("Jim Hance holds Full Access on Ayla Kol, which does not allow sending; Send As or Send on Behalf is needed",
                x.get("verdicts").get(0).get("text").asText());
        assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender",
                x.get("replies").get(0).get("reply").asText());
        assertEquals("550 5.7.1 Client does not have permissions to send as this sender",
                x.get("replies").get(1).get("reply").asText());
        assertTrue(journal.isEmpty(), "explaining changes nothing");
    }

    @Test
    void explainShowsTheGroupThatGrantedAndTheClientView() throws Exception {
        routes.save(Requests.post("{\"targets\":[\"" + id("executives") + "\"],\"add\":{\"SendAs\":[\"" + id("tempassistants")
                + "\"]}}"));
        JsonNode x = json(routes.explain(Requests.get("account", "Holly Holt", "from", "executives@contoso.com")));
        assertEquals("SendAs", x.get("outcome").asText());
        assertEquals("tempassistants", x.get("verdicts").get(0).get("viaGroups").get(0).asText());
        assertEquals("Contoso Executives", x.get("fromDisplay").asText());
        assertTrue(x.get("replies").get(0).get("reply").asText().startsWith("250 2.6.0 <message-id>"));
    }

    @Test
    void explainRefusesAnAccountThatCannotSignIn() {
        var e = assertThrows(Request.BadRequest.class,
                () -> routes.explain(Requests.get("account", "helpdesktickets", "from", "seanc@contoso.com")));
        assertEquals("account: Helpdesk Tickets is a SharedMailbox and can't sign in, so it can't send", e.getMessage());
    }

    @Test
    void theMatrixShowsWhoHoldsWhatAndHow() throws Exception {
        JsonNode m = json(routes.matrix(Requests.get(Map.of("id", id("helpdeskteam")))));
        JsonNode ayla = null;
        for (JsonNode row : m.get("rows")) {
            if (row.get("account").get("alias").asText().equals("ayla")) {
                ayla = row;
            }
        }
        assertEquals("direct", ayla.get("sendAs").asText());
        assertEquals("SendAs", ayla.get("decision").asText());
        assertEquals("SendAs", m.get("entries").get(0).get("right").asText());
    }
}
