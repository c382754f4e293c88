package dev.behalf.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.gateway.junit.DirectorySpec;
import dev.behalf.gateway.metrics.PrometheusMetrics;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} of a real Behalf, read over HTTP after real SMTP submissions and sign-ins. */
class MetricsIT {

    @RegisterExtension
    static BehalfExtension behalf = BehalfExtension.withDemoDirectory().configure(b -> b.plugin(new PrometheusMetrics()));

    private static Scrape scrape(int port) {
        Http.Reply r = Http.get(port, "/metrics");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                r.raw().headers().toString());
        return new Scrape(r.body());
    }

    private static void send(Session session, String from, String to, String subject) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText("counted");
        Transport.send(m);
    }

    @Test
    void submissionsRefusalsDeliveriesSignInsAndStoreSizeAreCounted() throws Exception {
        Scrape before = scrape(behalf.httpPort());

        send(behalf.session("jimh"), "jimh@contoso.com", "terrya@contoso.com", "Mine");
        behalf.assertRefused(() -> send(behalf.session("jimh"), "ayla@contoso.com", "terrya@contoso.com", "Ayla's"));
        behalf.shell("Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh");
        send(behalf.session("hollyh"), "seanc@contoso.com", "jimh@contoso.com, felipea@contoso.com", "For Sean");
        Session wrongPassword = Session.getInstance(behalf.session("jimh").getProperties());
        assertThrows(AuthenticationFailedException.class, () -> {
            try (Transport t = wrongPassword.getTransport("smtp")) {
                t.connect(behalf.host(), behalf.smtpPort(), "jimh@contoso.com", "not the password");
            }
        });
        // IMAP sign-ins are counted by the same decision: Jim opens Ayla's mailbox (Full Access), then a wrong password
        // (through the session without an Authenticator, which Jakarta Mail would ask for the right one after a refusal).
        try (Store imap = behalf.session("jimh").getStore("imap")) {
            imap.connect(behalf.host(), behalf.imapPort(), "jimh\\ayla", "P@ssw0rd");
        }
        assertThrows(AuthenticationFailedException.class, () -> {
            try (Store imap = wrongPassword.getStore("imap")) {
                imap.connect(behalf.host(), behalf.imapPort(), "jimh", "not the password");
            }
        });

        Scrape after = scrape(behalf.httpPort());
        assertEquals(1, delta(before, after, "behalf_submissions_total{outcome=\"Self\",surface=\"smtp\"}"));
        assertEquals(1, delta(before, after, "behalf_submissions_total{outcome=\"Denied\",surface=\"smtp\"}"));
        assertEquals(1, delta(before, after, "behalf_submissions_total{outcome=\"SendOnBehalf\",surface=\"smtp\"}"));
        assertEquals(1, delta(before, after, "behalf_refusals_total{code=\"5.7.60\"}"));
        assertEquals(3, delta(before, after, "behalf_sign_ins_total{result=\"success\",surface=\"smtp\"}"));
        assertEquals(1, delta(before, after, "behalf_sign_ins_total{result=\"failure\",surface=\"smtp\"}"));
        assertEquals(1, delta(before, after, "behalf_sign_ins_total{result=\"success\",surface=\"imap\"}"));
        assertEquals(1, delta(before, after, "behalf_sign_ins_total{result=\"failure\",surface=\"imap\"}"));
        // Self: terrya's Inbox and jimh's Sent Items; on behalf: two Inboxes and hollyh's Sent Items.
        assertEquals(5, delta(before, after, "behalf_deliveries_total{box=\"mailbox\"}"));

        long messages = 0;
        for (JsonNode box : Http.get(behalf.httpPort(), "/api/mailboxes").json()) {
            for (JsonNode folder : box.get("folders")) {
                messages += folder.get("messages").asLong();
            }
        }
        assertEquals(5, messages);
        assertEquals(messages, after.value("behalf_store_messages"));
        assertTrue(after.value("behalf_store_bytes") > 5 * 200, after.text);
        assertTrue(after.text.contains("# TYPE behalf_submissions_total counter"), after.text);
    }

    @Test
    void aGraphSendMailIsCountedUnderItsOwnSurface() {
        Scrape before = scrape(behalf.httpPort());
        String form = "grant_type=password&client_id=" + Cast.MAILER_APP_ID + "&client_secret=" + URLEncoder.encode(Cast.MAILER_SECRET, StandardCharsets.UTF_8)
                + "&username=jimh%40contoso.com&password=" + URLEncoder.encode(Cast.PASSWORD, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("https://graph.microsoft.com/Mail.Send", StandardCharsets.UTF_8);
        Http.Reply token = Http.send(HttpRequest.newBuilder(Http.uri(behalf.httpPort(), "/contoso.com/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, token.status(), token.body());
        Http.Reply sent = Http.send(HttpRequest.newBuilder(Http.uri(behalf.httpPort(), "/v1.0/me/sendMail"))
                .header("Authorization", "Bearer " + token.json().get("access_token").asText()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":{\"subject\":\"counted\",\"toRecipients\":"
                        + "[{\"emailAddress\":{\"address\":\"terrya@contoso.com\"}}]}}")));
        assertEquals(202, sent.status(), sent.body());

        Scrape after = scrape(behalf.httpPort());
        assertEquals(1, delta(before, after, "behalf_submissions_total{outcome=\"Self\",surface=\"graph\"}"));
        assertEquals(1, delta(before, after, "behalf_sign_ins_total{result=\"success\",surface=\"graph\"}"));
    }

    @Test
    void withAnAdminTokenMetricsNeedItAndHealthDoesNot() {
        try (RunningBehalf b = Behalf.builder().allPortsEphemeral().directory(DirectorySpec.demo().build())
                .adminToken("scrape-me").plugin(new PrometheusMetrics()).start()) {
            int http = b.ports().http();
            assertEquals(401, Http.get(http, "/metrics").status());
            assertEquals(200, Http.get(http, "/api/health").status());
            Http.Reply withToken = Http.send(HttpRequest.newBuilder(Http.uri(http, "/metrics"))
                    .header("Authorization", "Bearer scrape-me").GET());
            assertEquals(200, withToken.status());
            assertTrue(withToken.body().contains("behalf_store_messages 0.0"), withToken.body());
        }
    }

    private static double delta(Scrape before, Scrape after, String series) {
        assertTrue(after.has(series), series + " missing from:\n" + after.text);
        return after.value(series) - before.value(series);
    }
}
