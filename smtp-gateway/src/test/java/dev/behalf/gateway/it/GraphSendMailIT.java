package dev.behalf.gateway.it;

import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.http.Json;
import dev.behalf.policy.oauth.IdentityPlatform;
import dev.behalf.policy.signin.SignInThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph's {@code sendMail} driven by real {@code curl} against a real Behalf: tokens from its token endpoint
 * (the password grant for delegated tokens, client credentials for the demo app Contoso Mailer), then Send As
 * (From unchanged, no Sender), Send on Behalf (Sender stamped), a refusal (Graph's 403 ErrorSendAsDenied,
 * nothing delivered, a decision record with surface Graph), Mail.Send without Mail.Send.Shared, Sent Items
 * with and without {@code saveToSentItems}, and Graph's answers to a missing token, an unknown user, bad JSON
 * and {@code /me} with an app token. Messages are read back through {@code /api}.
 */
class GraphSendMailIT {
    private static final String MAILER = Cast.MAILER_APP_ID;
    private static final String SECRET = Cast.MAILER_SECRET;
    private static final String SHARED = "https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.Send.Shared";

    private static RunningBehalf behalf;

    @BeforeAll
    static void start() {
        behalf = Behalf.builder().directory(DemoDirectory.load()).allPortsEphemeral()
                .signInThrottle(SignInThrottle.Limits.off()).start();
        Http.Reply r = Http.shell(behalf.ports().http(), "Set-Mailbox -Identity 'Terry Adams' -GrantSendOnBehalfTo 'Ayla Kol'");
        assertEquals(200, r.status(), r.body());
    }

    @AfterAll
    static void stop() {
        if (behalf != null) {
            behalf.close();
        }
    }

    private record Curl(int status, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Runs curl, printing the body and then the status on a line of its own. */
    private static Curl curl(List<String> args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "-w", "\n%{http_code}"));
        command.addAll(args);
        Processes.Result result = Processes.run(command, null);
        assertEquals(0, result.exitCode(), "curl failed: " + result.output());
        String out = result.output();
        int nl = out.lastIndexOf('\n');
        return new Curl(Integer.parseInt(out.substring(nl + 1).strip()), out.substring(0, nl));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + behalf.ports().http() + path;
    }

    private static String token(String... form) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < form.length; i += 2) {
            args.add("--data-urlencode");
            args.add(form[i] + "=" + form[i + 1]);
        }
        args.add(url("/contoso.com/oauth2/v2.0/token"));
        Curl c = curl(args);
        assertEquals(200, c.status(), c.body());
        return c.json().get("access_token").asText();
    }

    private static String userToken(String user, String scope) {
        return token("grant_type", "password", "client_id", MAILER, "client_secret", SECRET, "username", user,
                "password", Cast.PASSWORD, "scope", scope);
    }

    private static String appToken() {
        return token("grant_type", "client_credentials", "client_id", MAILER, "client_secret", SECRET,
                "scope", "https://graph.microsoft.com/.default");
    }

    private static Curl sendMail(String path, Optional<String> token, String json) {
        List<String> args = new ArrayList<>(List.of("-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json));
        token.ifPresent(t -> args.addAll(List.of("-H", "Authorization: Bearer " + t)));
        args.add(url(path));
        return curl(args);
    }

    private static String message(String subject, String from, String to, String extra) {
        String f = from == null ? "" : "\"from\":{\"emailAddress\":{\"address\":\"" + from + "\"}},";
        return "{\"message\":{" + f + "\"subject\":\"" + subject + "\",\"body\":{\"contentType\":\"Text\",\"content\":\"Hello from Graph\"},"
                + "\"toRecipients\":[{\"emailAddress\":{\"address\":\"" + to + "\",\"name\":\"Recipient\"}}]}" + extra + "}";
    }

    /** The messages with this subject in a mailbox folder, through {@code GET /api/mailboxes/{address}/messages}. */
    private static List<JsonNode> stored(String address, String folder, String subject) {
        Curl c = curl(List.of(url("/api/mailboxes/" + address + "/messages?folder=" + URLEncoder.encode(folder, StandardCharsets.UTF_8))));
        assertEquals(200, c.status(), c.body());
        List<JsonNode> out = new ArrayList<>();
        c.json().forEach(m -> {
            if (m.get("subject").asText().equals(subject)) {
                out.add(m);
            }
        });
        return out;
    }

    /** The decision record of the submission with this subject, through {@code GET /api/decisions}. */
    private static JsonNode decision(String subject) {
        Curl c = curl(List.of(url("/api/decisions")));
        assertEquals(200, c.status(), c.body());
        for (JsonNode d : c.json()) {
            if (d.has("subject") && d.get("subject").asText().equals(subject)) {
                return d;
            }
        }
        throw new AssertionError("no decision record for '" + subject + "' in " + c.body());
    }

    private static String subject(String what) {
        return what + " " + UUID.randomUUID();
    }

    @Test
    void sendAsKeepsFromAndAddsNoSender() {
        // Pilar Pinilla has Send As on James Alvord (demo directory).
        String s = subject("graph send as");
        Curl c = sendMail("/v1.0/me/sendMail", Optional.of(userToken("pilarp@contoso.com", SHARED)),
                message(s, "jamesa@contoso.com", "terrya@contoso.com", ""));
        assertEquals(202, c.status(), c.body());
        assertEquals("", c.body());
        List<JsonNode> inbox = stored("terrya@contoso.com", "Inbox", s);
        assertEquals(1, inbox.size());
        assertEquals("James Alvord <jamesa@contoso.com>", inbox.get(0).get("from").asText(), "the directory's name where the request gives none");
        assertFalse(inbox.get(0).has("sender"), "Send As adds no Sender: " + inbox.get(0));
        JsonNode d = decision(s);
        assertEquals("SendAs", d.get("outcome").asText());
        assertEquals("Graph", d.get("surface").asText());
        assertEquals("sendMail", d.get("stage").asText());
        // saveToSentItems defaults to true: the signed-in user's Sent Items keeps the copy (/me is Pilar's).
        assertEquals(1, stored("pilarp@contoso.com", "Sent Items", s).size());
    }

    @Test
    void anAttachmentOfThreeMegabytesFitsGraphsFourMegabyteRequest() throws IOException {
        // Over Behalf's 1 MiB for its own API, under Graph's 4 MB: what a Graph client sends inline.
        byte[] file = new byte[3 * 1000 * 1000 * 3 / 4];
        new Random(13).nextBytes(file);
        String s = subject("graph attachment");
        String attachment = ",\"attachments\":[{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"data.bin\","
                + "\"contentType\":\"application/octet-stream\",\"contentBytes\":\"" + Base64.getEncoder().encodeToString(file) + "\"}]";
        String json = message(s, null, "terrya@contoso.com", "").replace("]}}", "]" + attachment + "}}");
        Path body = Files.createTempFile("graph-", ".json");
        try {
            Files.writeString(body, json);
            Curl c = curl(List.of("-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "@" + body,
                    "-H", "Authorization: Bearer " + userToken("jimh@contoso.com", SHARED), url("/v1.0/me/sendMail")));
            assertEquals(202, c.status(), c.body());
        } finally {
            Files.delete(body);
        }
        List<JsonNode> inbox = stored("terrya@contoso.com", "Inbox", s);
        assertEquals(1, inbox.size());
        Path got = Files.createTempFile("graph-", ".bin");
        try {
            Processes.Result r = Processes.run("curl", "-sS", "--max-time", "30", "-o", got.toString(),
                    url("/api/messages/" + inbox.get(0).at("/id/value").asText() + "/attachments/0"));
            assertEquals(0, r.exitCode(), r.output());
            assertArrayEquals(file, Files.readAllBytes(got), "the attachment's bytes, decoded, as sent");
        } finally {
            Files.delete(got);
        }
    }

    @Test
    void sendOnBehalfStampsSender() {
        String s = subject("graph on behalf");
        Curl c = sendMail("/v1.0/me/sendMail", Optional.of(userToken("ayla@contoso.com", SHARED)),
                message(s, "terrya@contoso.com", "raymonds@contoso.com", ""));
        assertEquals(202, c.status(), c.body());
        List<JsonNode> inbox = stored("raymonds@contoso.com", "Inbox", s);
        assertEquals(1, inbox.size());
        assertTrue(inbox.get(0).get("from").asText().contains("terrya@contoso.com"), inbox.get(0).toString());
        assertTrue(inbox.get(0).get("sender").asText().contains("ayla@contoso.com"), inbox.get(0).toString());
        JsonNode d = decision(s);
        assertEquals("SendOnBehalf", d.get("outcome").asText());
        assertEquals("Graph", d.get("surface").asText());
    }

    @Test
    void noRightIsGraphsErrorSendAsDeniedAndNothingIsDelivered() {
        // Raymond Sam has no right on Holly Holt.
        String s = subject("graph refused");
        Curl c = sendMail("/v1.0/me/sendMail", Optional.of(userToken("raymonds@contoso.com", SHARED)),
                message(s, "hollyh@contoso.com", "terrya@contoso.com", ""));
        assertEquals(403, c.status(), c.body());
        assertEquals("ErrorSendAsDenied", c.json().at("/error/code").asText());
        assertEquals("The user account which was used to submit this request does not have the right to send mail on behalf of "
                + "the specified sending account., Cannot submit message.", c.json().at("/error/message").asText());
        assertEquals(0, stored("terrya@contoso.com", "Inbox", s).size());
        assertEquals(0, stored("raymonds@contoso.com", "Sent Items", s).size());
        JsonNode d = decision(s);
        assertEquals("Denied", d.get("outcome").asText());
        assertEquals("Graph", d.get("surface").asText());
        assertTrue(d.get("reached").isEmpty(), d.toString());
    }

    @Test
    void mailSendAloneSendsOnlyAsTheUser() {
        String token = userToken("pilarp@contoso.com", "https://graph.microsoft.com/Mail.Send");
        String s = subject("graph no shared scope");
        Curl refused = sendMail("/v1.0/me/sendMail", Optional.of(token), message(s, "jamesa@contoso.com", "terrya@contoso.com", ""));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("ErrorSendAsDenied", refused.json().at("/error/code").asText());
        assertEquals(0, stored("terrya@contoso.com", "Inbox", s).size());
        JsonNode denied = decision(s);
        assertEquals("Denied", denied.get("outcome").asText());
        assertEquals("Graph", denied.get("surface").asText());
        assertTrue(denied.get("because").get(0).asText().contains("needs Mail.Send.Shared"), denied.toString());
        assertTrue(denied.get("reached").isEmpty(), denied.toString());
        String own = subject("graph own");
        Curl accepted = sendMail("/v1.0/me/sendMail", Optional.of(token), message(own, null, "terrya@contoso.com", ""));
        assertEquals(202, accepted.status(), accepted.body());
        List<JsonNode> inbox = stored("terrya@contoso.com", "Inbox", own);
        assertEquals(1, inbox.size());
        assertTrue(inbox.get(0).get("from").asText().contains("pilarp@contoso.com"), "from absent is the user: " + inbox.get(0));
        assertEquals("Self", decision(own).get("outcome").asText());
    }

    @Test
    void saveToSentItemsFalseKeepsNoCopy() {
        String token = userToken("ayla@contoso.com", SHARED);
        String kept = subject("graph saved");
        assertEquals(202, sendMail("/v1.0/users/ayla@contoso.com/sendMail", Optional.of(token),
                message(kept, null, "jimh@contoso.com", ",\"saveToSentItems\":true")).status());
        String notKept = subject("graph not saved");
        assertEquals(202, sendMail("/v1.0/users/ayla@contoso.com/sendMail", Optional.of(token),
                message(notKept, null, "jimh@contoso.com", ",\"saveToSentItems\":false")).status());
        assertEquals(1, stored("ayla@contoso.com", "Sent Items", kept).size());
        assertEquals(0, stored("ayla@contoso.com", "Sent Items", notKept).size());
        assertEquals(1, stored("jimh@contoso.com", "Inbox", notKept).size());
    }

    @Test
    void appTokenSendsAsAGrantedMailboxOnly() {
        String token = appToken();
        String s = subject("graph app");
        Curl c = sendMail("/v1.0/users/helpdesktickets@contoso.com/sendMail", Optional.of(token), message(s, null, "terrya@contoso.com", ""));
        assertEquals(202, c.status(), c.body());
        List<JsonNode> inbox = stored("terrya@contoso.com", "Inbox", s);
        assertEquals(1, inbox.size());
        assertTrue(inbox.get(0).get("from").asText().contains("helpdesktickets@contoso.com"), inbox.get(0).toString());
        assertEquals(1, stored("helpdesktickets@contoso.com", "Sent Items", s).size());
        assertEquals("Graph", decision(s).get("surface").asText());

        Curl notGranted = sendMail("/v1.0/users/terrya@contoso.com/sendMail", Optional.of(token), message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(403, notGranted.status(), notGranted.body());
        assertEquals("ErrorAccessDenied", notGranted.json().at("/error/code").asText());
        Curl me = sendMail("/v1.0/me/sendMail", Optional.of(token), message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(400, me.status(), me.body());
        assertEquals("/me request is only valid with delegated authentication flow.", me.json().at("/error/message").asText());
    }

    @Test
    void usersSharedSendsFromTheSharedMailboxAndSavesInItsSentItems() {
        // Ayla Kol has Send As on Help Desk (demo directory).
        String s = subject("graph shared");
        Curl c = sendMail("/v1.0/users/helpdeskteam@contoso.com/sendMail", Optional.of(userToken("ayla@contoso.com", SHARED)),
                message(s, null, "terrya@contoso.com", ""));
        assertEquals(202, c.status(), c.body());
        List<JsonNode> inbox = stored("terrya@contoso.com", "Inbox", s);
        assertEquals(1, inbox.size());
        assertTrue(inbox.get(0).get("from").asText().contains("helpdeskteam@contoso.com"), "from absent is the mailbox of the path: " + inbox.get(0));
        assertFalse(inbox.get(0).has("sender"), inbox.get(0).toString());
        assertEquals("SendAs", decision(s).get("outcome").asText());
        assertEquals(1, stored("helpdeskteam@contoso.com", "Sent Items", s).size());
        assertEquals(0, stored("ayla@contoso.com", "Sent Items", s).size());

        String without = subject("graph shared without scope");
        Curl refused = sendMail("/v1.0/users/helpdeskteam@contoso.com/sendMail",
                Optional.of(userToken("ayla@contoso.com", "https://graph.microsoft.com/Mail.Send")), message(without, null, "terrya@contoso.com", ""));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("ErrorSendAsDenied", refused.json().at("/error/code").asText());
        assertEquals(0, stored("terrya@contoso.com", "Inbox", without).size());
    }

    @Test
    void expiredAndOtherAudienceTokensAre401() {
        IdentityPlatform idp = behalf.identity();
        String ayId = behalf.directory().current().account("ayla").orElseThrow().id().toString();
        Instant now = Instant.now();
        String expired = idp.sign(new IdentityPlatform.Claims("https://graph.microsoft.com", idp.tenantId(), MAILER, ayId,
                Optional.of("ayla@contoso.com"), Optional.empty(), Set.of("Mail.Send"), Set.of(), now.minusSeconds(7200), now.minusSeconds(3600)));
        Curl old = sendMail("/v1.0/me/sendMail", Optional.of(expired), message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(401, old.status(), old.body());
        assertEquals("Lifetime validation failed, the token is expired.", old.json().at("/error/message").asText());
        Curl exchange = sendMail("/v1.0/me/sendMail", Optional.of(userToken("ayla@contoso.com", "https://outlook.office365.com/.default")),
                message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(401, exchange.status(), exchange.body());
        assertEquals("Access token validation failure. Invalid audience.", exchange.json().at("/error/message").asText());
    }

    @Test
    void aFaultRuleIsThrottlingToAGraphClientAndRecordedAsGraph() {
        behalf.faults().add(List.of(FaultRule.of("busy", FaultRule.Stage.DATA, FaultRule.Reply.SERVER_BUSY).account("Sean Chai").next(1)));
        String token = userToken("seanc@contoso.com", SHARED);
        String s = subject("graph busy");
        Curl busy = sendMail("/v1.0/me/sendMail", Optional.of(token), message(s, null, "jimh@contoso.com", ""));
        assertEquals(429, busy.status(), busy.body());
        assertEquals("ApplicationThrottled", busy.json().at("/error/code").asText());
        assertEquals(0, stored("jimh@contoso.com", "Inbox", s).size());
        List<dev.behalf.gateway.audit.DecisionRecord> faults = behalf.decisions().query(Optional.empty(), Optional.of("Fault"), 10);
        assertEquals(1, faults.size(), faults.toString());
        assertEquals("Graph", faults.get(0).surface());
        assertEquals("sendMail", faults.get(0).stage());
        // next(1): the retry goes through.
        assertEquals(202, sendMail("/v1.0/me/sendMail", Optional.of(token), message(s, null, "jimh@contoso.com", "")).status());
        assertEquals(1, stored("jimh@contoso.com", "Inbox", s).size());
    }

    @Test
    void graphsAnswersToBadRequests() {
        Curl none = sendMail("/v1.0/me/sendMail", Optional.empty(), message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(401, none.status(), none.body());
        assertEquals("InvalidAuthenticationToken", none.json().at("/error/code").asText());
        Curl forged = sendMail("/v1.0/me/sendMail", Optional.of("not.a.token"), message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(401, forged.status(), forged.body());
        assertEquals("InvalidAuthenticationToken", forged.json().at("/error/code").asText());

        String token = userToken("ayla@contoso.com", SHARED);
        Curl unknown = sendMail("/v1.0/users/nobody@contoso.com/sendMail", Optional.of(token), message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("ErrorInvalidUser", unknown.json().at("/error/code").asText());
        Curl badJson = sendMail("/v1.0/me/sendMail", Optional.of(token), "{\"message\": {");
        assertEquals(400, badJson.status(), badJson.body());
        assertEquals("RequestBodyRead", badJson.json().at("/error/code").asText());
        Curl noMailSend = sendMail("/v1.0/me/sendMail", Optional.of(userToken("ayla@contoso.com", "https://graph.microsoft.com/Mail.Send.Shared")),
                message(subject("x"), null, "jimh@contoso.com", ""));
        assertEquals(403, noMailSend.status(), noMailSend.body());
        assertEquals("ErrorAccessDenied", noMailSend.json().at("/error/code").asText());
        Curl noMessage = sendMail("/v1.0/me/sendMail", Optional.of(token), "{}");
        assertEquals(400, noMessage.status(), noMessage.body());
        assertEquals("ErrorInvalidRequest", noMessage.json().at("/error/code").asText());
    }
}
