package dev.behalf.gateway.ui;

import dev.behalf.policy.seed.Cast;
import dev.behalf.fixtures.Browser;
import dev.behalf.gateway.junit.BehalfExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web UI's decision card shows where a message was submitted: Graph's sendMail here, SMTP elsewhere. */
class GraphSurfaceBrowserIT {
    @RegisterExtension
    static final BehalfExtension server = BehalfExtension.withDemoDirectory();
    @RegisterExtension
    static final Browser browser = Browser.chromium();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Ui ui = new Ui(server);

    private static HttpResponse<String> post(String path, String type, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ui.url(path.substring(1)))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=" + Cast.MAILER_APP_ID + "&client_secret="
                + URLEncoder.encode(Cast.MAILER_SECRET, StandardCharsets.UTF_8) + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode("P@ssw0rd", StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode("https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.Send.Shared", StandardCharsets.UTF_8);
        HttpResponse<String> r = post("/contoso.com/oauth2/v2.0/token", "application/x-www-form-urlencoded", form, null);
        assertEquals(200, r.statusCode(), r.body());
        return dev.behalf.gateway.http.Json.mapper().readTree(r.body()).get("access_token").asText();
    }

    @Test
    void aGraphSubmissionsDecisionCardSaysGraph() throws Exception {
        HttpResponse<String> r = post("/v1.0/me/sendMail", "application/json", """
                {"message":{"subject":"Graph in the viewer","from":{"emailAddress":{"address":"jamesa@contoso.com"}},
                 "toRecipients":[{"emailAddress":{"address":"jimh@contoso.com"}}]}}""", token("pilarp@contoso.com"));
        assertEquals(202, r.statusCode(), r.body());
        browser.open(ui.url("#/mail/jimh%40contoso.com"));
        By rows = By.cssSelector(".rows li.row");
        browser.awaitText(rows, "Graph in the viewer");
        browser.click(rows, "Graph in the viewer", By.tagName("a"));
        WebElement decision = browser.awaitText(By.cssSelector(".message .decision"), "Microsoft Graph sendMail");
        assertTrue(decision.getText().contains("at sendMail"), decision.getText());
        assertEquals("Microsoft Graph sendMail", decision.findElement(By.cssSelector(".surface-graph")).getText());
        browser.screenshot("graph-decision");
    }
}
