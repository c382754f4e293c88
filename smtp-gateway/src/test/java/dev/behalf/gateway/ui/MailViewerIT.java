package dev.behalf.gateway.ui;

import dev.behalf.fixtures.Browser;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mail viewer in a real headless Chromium against a real Behalf, with mail sent over SMTP. */
class MailViewerIT {
    @RegisterExtension
    static final BehalfExtension server = BehalfExtension.withDemoDirectory();
    @RegisterExtension
    static final Browser browser = Browser.chromium();

    private static final Ui ui = new Ui(server);

    /** Opens a view and waits until the live stream is connected, so later mail arrives without reload. */
    private void open(String hash) {
        browser.open(ui.url(hash));
        browser.await(By.cssSelector("#live[data-state=live]"));
    }

    @Test
    void sendOnBehalfShowsDelegateOnBehalfOfMailboxAndItsDecisionRecord() throws Exception {
        // Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh
        Recipient sean = server.recipient("seanc");
        server.server().directory().apply(new ChangeSet(List.of(new DirectoryChange.Put(sean.toBuilder()
                .grantSendOnBehalfTo(List.of(server.recipient("hollyh").id())).build())), "test: Set-Mailbox seanc -GrantSendOnBehalfTo hollyh"));
        open("#/mail/jimh%40contoso.com");
        browser.awaitText(By.cssSelector(".rows .empty"), "No messages.");

        ui.mail().send("hollyh@contoso.com", "Sean Chai <seanc@contoso.com>", "jimh@contoso.com", "Board meeting moved to Thursday");

        By rows = By.cssSelector(".rows li.row");
        By from = By.cssSelector(".from");
        By badge = By.cssSelector(".badge");
        assertEquals("Holly Holt on behalf of Sean Chai", browser.text(rows, "Board meeting moved to Thursday", from));
        assertEquals("On behalf", browser.text(rows, "Board meeting moved to Thursday", badge));
        browser.await(By.cssSelector(".rows li.row.unread"));
        browser.awaitText(By.cssSelector(".box.active .unread-count"), "1");

        // Send As leaves no trace of the delegate (Pilar Pinilla holds Send As on James Alvord); Self is plain.
        ui.mail().send("pilarp@contoso.com", "James Alvord <jamesa@contoso.com>", "jimh@contoso.com", "Operations weekly report");
        ui.mail().send("terrya@contoso.com", "Terry Adams <terrya@contoso.com>", "jimh@contoso.com", "Lunch on Friday?");
        assertEquals("James Alvord", browser.text(rows, "Operations weekly report", from));
        assertEquals("Send As", browser.text(rows, "Operations weekly report", badge));
        assertEquals("Terry Adams", browser.text(rows, "Lunch on Friday?", from));
        assertEquals("Self", browser.text(rows, "Lunch on Friday?", badge));
        browser.awaitText(By.cssSelector(".box.active .unread-count"), "3");
        browser.screenshot("viewer-list");

        browser.click(rows, "Board meeting moved to Thursday", By.tagName("a"));
        WebElement decision = browser.awaitText(By.cssSelector(".message .decision"), "Holly Holt is in GrantSendOnBehalfTo of Sean Chai");
        assertTrue(decision.getText().contains("signed in as hollyh@contoso.com"), decision.getText());
        assertTrue(decision.getText().contains("250 2.6.0"), decision.getText());
        assertEquals("Holly Holt on behalf of Sean Chai", browser.await(By.cssSelector(".from-display")).getText());
        browser.screenshot("message-view");

        browser.await(By.cssSelector("button[data-tab=headers]")).click();
        List<String> highlighted = browser.until(d -> {
            List<String> names = d.findElements(By.cssSelector("table.headers tr.hl th")).stream().map(WebElement::getText).toList();
            return names.isEmpty() ? null : names;
        });
        assertTrue(highlighted.containsAll(List.of("From", "Sender", "Return-Path")), highlighted.toString());
    }

    @Test
    void theRefusedViewShowsADeniedSubmissionWithItsReason() {
        open("#/mail/refused");
        // Jim Hance holds Full Access on Ayla Kol's mailbox, which never permits sending (spec §4 step 5).
        ui.mail().assertRefused("550 5.7.60 SMTP; Client does not have permissions to send as this sender",
                "jimh@contoso.com", "Ayla Kol <ayla@contoso.com>", "seanc@contoso.com", "Expense approvals");

        By refused = By.cssSelector(".rows li.row.refused");
        assertEquals("Refused", browser.text(refused, "Expense approvals", By.cssSelector(".badge")));
        assertEquals("Jim Hance holds Full Access on Ayla Kol, which does not allow sending; Send As or Send on Behalf is needed",
                browser.text(refused, "Expense approvals", By.cssSelector(".row-reason")));
        browser.click(By.cssSelector(".rows li.row"), "Expense approvals", By.tagName("a"));
        WebElement record = browser.await(By.cssSelector("article.refused-record"));
        assertTrue(record.getText().contains("Refused: 550 5.7.60 SMTP; Client does not have permissions to send as this sender"),
                record.getText());
        browser.screenshot("refused");

        // From the record to Explain: the same question, asked of today's directory, without sending.
        browser.await(By.cssSelector("article.refused-record a.explain-link")).click();
        WebElement explained = browser.await(By.cssSelector(".explanation[data-outcome=Denied]"));
        assertTrue(explained.getText().contains("Jim Hance holds Full Access on Ayla Kol"), explained.getText());
    }

    @Test
    void messageHtmlCannotRunScript() throws Exception {
        String html = "<p id=\"hello\" style=\"color:#0f6cbd\">Hello from HTML</p>"
                + "<script>document.body.setAttribute('data-script-ran','yes');"
                + "parent.document.body.setAttribute('data-pwned','script')</script>"
                + "<img src=\"x\" onerror=\"document.body.setAttribute('data-onerror-ran','yes');"
                + "parent.document.body.setAttribute('data-pwned','onerror')\">"
                + "<img src=\"https://tracker.example/pixel.png\">";
        ui.mail().send("terrya@contoso.com", "Terry Adams <terrya@contoso.com>", "raymonds@contoso.com", "Scripted newsletter",
                Optional.of(html));
        open("#/mail/raymonds%40contoso.com");
        browser.click(By.cssSelector(".rows li.row"), "Scripted newsletter", By.tagName("a"));

        WebElement frame = browser.await(By.cssSelector("iframe.html-body"));
        browser.driver().switchTo().frame(frame);
        browser.await(By.id("hello"));
        // Both images are parsed, so the script before them would have run; the blocked image's error
        // event fires as the document completes.
        browser.until(d -> d.findElements(By.tagName("img")).size() == 2 ? true : null);
        browser.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")) ? true : null);
        assertEquals(0, browser.driver().findElements(By.cssSelector("body[data-script-ran], body[data-onerror-ran]")).size());
        browser.driver().switchTo().defaultContent();
        assertEquals(0, browser.driver().findElements(By.cssSelector("body[data-pwned]")).size());
        assertEquals("Behalf", browser.driver().getTitle());
        assertEquals("", frame.getAttribute("sandbox"), "sandboxed, with no allow-scripts or any other token");
        HttpResponse<String> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(frame.getAttribute("src"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
                served.headers().firstValue("Content-Security-Policy").orElseThrow());
    }
}
