package dev.behalf.gateway.ui;

import dev.behalf.fixtures.Browser;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.gateway.app.RunningBehalf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With {@code --admin-token}, the UI asks for the token on the API's 401 and keeps it for the tab. */
class AdminTokenIT {
    @RegisterExtension
    static final BehalfExtension server = BehalfExtension.withDemoDirectory().configure(b -> b.adminToken("s3cret-token"));
    @RegisterExtension
    static final Browser browser = Browser.chromium();

    private static RunningBehalf behalf;

    @BeforeAll
    static void start() {
        behalf = server.server();
    }

    @Test
    void theUiAsksForTheTokenAndThenWorks() throws Exception {
        String base = "http://127.0.0.1:" + behalf.ports().http() + "/";
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "api/ui/mailboxes")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());

        browser.open(base + "#/mail/jimh%40contoso.com");
        var input = browser.await(By.cssSelector("#token-dialog[open] input[name=token]"));
        input.sendKeys("wrong");
        input.sendKeys(Keys.ENTER);
        browser.awaitText(By.cssSelector("#token-dialog[open] .hint"), "That token was refused.");
        input = browser.await(By.cssSelector("#token-dialog[open] input[name=token]"));
        input.sendKeys("s3cret-token");
        input.sendKeys(Keys.ENTER);

        browser.awaitText(By.cssSelector(".boxes .box.active"), "Jim Hance");
        browser.await(By.cssSelector("#live[data-state=live]"));
        assertEquals("s3cret-token", ((JavascriptExecutor) browser.driver())
                .executeScript("return sessionStorage.getItem('behalf.adminToken')"));
    }
}
