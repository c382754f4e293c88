package dev.behalf.gateway.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.junit.BehalfExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client can't tie its message to another submission's decision record: whatever
 * {@code X-MS-Exchange-Organization-*} fields it sends are removed, as Exchange's header firewall removes them, and
 * the one network message id a stored copy carries, which the API lists and IMAP shows, is the decision record's.
 */
class NetworkMessageIdIT {
    private static final String FORGED = "11111111-2222-3333-4444-555555555555";

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    @ParameterizedTest
    @ValueSource(strings = {
            "X-MS-Exchange-Organization-Network-Message-Id: " + FORGED + "\r\n",
            "x-ms-exchange-organization-network-message-id: " + FORGED + "\r\n",
            "X-MS-Exchange-Organization-Network-Message-Id:\r\n " + FORGED + "\r\n",
            "X-MS-Exchange-Organization-Network-Message-Id: " + FORGED + "\r\nX-MS-Exchange-Organization-Network-Message-Id: bbbb\r\n",
            "X-MS-Exchange-Organization-AuthAs: Internal\r\nX-MS-Exchange-Organization-Network-Message-Id: " + FORGED + "\r\n"})
    void theOnlyNetworkMessageIdOfAStoredCopyIsTheDecisionRecords(String forged) throws Exception {
        String reply;
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertEquals("235 Authentication successful.", s.login("terrya", "P@ssw0rd"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jimh@contoso.com>"));
            assertTrue(s.send("DATA").startsWith("354 "));
            s.write(("From: terrya@contoso.com\r\nTo: jimh@contoso.com\r\n" + forged + "Subject: forged id\r\n\r\nhello\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.write(".\r\n");
            reply = s.lastLine();
        }
        assertTrue(reply.startsWith("250 2.6.0 "), reply);
        DecisionRecord record = behalf.lastDecision().orElseThrow();
        behalf.awaitMessage("jimh", "forged id");

        JsonNode list = get("/api/mailboxes/jimh@contoso.com/messages");
        assertEquals(1, list.size());
        assertEquals(record.id(), list.get(0).get("submissionId").asText(), "the API's submission id is the decision record's");
        JsonNode id = list.get(0).get("id");
        String raw = text("/api/messages/" + URLEncoder.encode((id.isObject() ? id.get("value") : id).asText(), StandardCharsets.UTF_8) + "/raw");
        List<String> organization = new ArrayList<>();
        for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n(?![ \t])")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("x-ms-exchange-organization-")) {
                organization.add(line);
            }
        }
        assertEquals(List.of("X-MS-Exchange-Organization-Network-Message-Id: " + record.id()), organization, raw);
    }

    private static JsonNode get(String path) throws Exception {
        return Json.mapper().readTree(text(path));
    }

    private static String text(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + behalf.httpPort() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }
}
