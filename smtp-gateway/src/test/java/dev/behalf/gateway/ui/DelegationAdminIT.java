package dev.behalf.gateway.ui;

import dev.behalf.fixtures.Browser;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.SendAsEntry;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin pages in a real headless Chromium: grants made there decide the next SMTP submission. */
class DelegationAdminIT {
    private static final String DENIED = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";

    @RegisterExtension
    static final BehalfExtension server = BehalfExtension.withDemoDirectory();
    @RegisterExtension
    static final Browser browser = Browser.chromium();

    private static final Ui ui = new Ui(server);

    private WebElement row(String displayName) {
        return browser.awaitText(By.cssSelector(".recipients tbody tr"), displayName);
    }

    /** In the open picker: search, select the one candidate named {@code name}, Add, OK. */
    private void pick(String search, String name) {
        WebElement dialog = browser.await(By.cssSelector("dialog.picker"));
        WebElement q = dialog.findElement(By.name("q"));
        q.sendKeys(search);
        q.sendKeys(Keys.ENTER);
        browser.click(By.cssSelector("dialog.picker li.pick:not(.disabled)"), name, By.cssSelector(".name"));
        dialog.findElement(By.cssSelector("button.add-selected")).click();
        browser.awaitText(By.cssSelector("dialog.picker .chip"), name);
        dialog.findElement(By.cssSelector("button.ok")).click();
    }

    @Test
    void sendAsAddedOnTheDelegationPageLetsTheNextSubmissionPass() throws Exception {
        ui.mail().assertRefused(DENIED, "raymonds@contoso.com", "Terry Adams <terrya@contoso.com>", "jimh@contoso.com", "Before the grant");

        browser.open(ui.url("#/admin/recipients/mailboxes"));
        WebElement q = browser.await(By.name("q"));
        q.sendKeys("Terry");
        q.sendKeys(Keys.ENTER);
        browser.until(d -> d.findElements(By.cssSelector(".recipients tbody tr")).size() == 1 ? true : null);
        row("Terry Adams").click();
        browser.awaitText(By.cssSelector(".details a.button"), "Mailbox delegation").click();

        browser.awaitText(By.cssSelector(".delegation-page h1"), "Terry Adams");
        browser.await(By.cssSelector("section.right[data-right=SendAs] button.add")).click();
        pick("Raymond", "Raymond Sam");
        browser.awaitText(By.cssSelector("section.right[data-right=SendAs] li.pending-add"), "Raymond Sam");
        long version = server.server().directory().current().version();
        browser.await(By.cssSelector("button.save")).click();
        browser.awaitText(By.cssSelector(".banner-ok"), "Send As on Terry Adams granted to Raymond Sam");
        browser.awaitText(By.cssSelector("section.right[data-right=SendAs] li:not(.pending-add)"), "Raymond Sam");
        browser.screenshot("mailbox-delegation");

        assertEquals(version + 1, server.server().directory().current().version(), "one Save, one change set");
        assertEquals(List.of(SendAsEntry.allow(server.recipient("raymonds").id())), server.recipient("terrya").sendAs());
        ui.mail().send("raymonds@contoso.com", "Terry Adams <terrya@contoso.com>", "jimh@contoso.com", "After the grant");
        assertEquals("SendAs", server.server().decisions().last().orElseThrow().outcome());
    }

    @Test
    void bulkEditOfTwoUserMailboxesAddsTheDelegateToBoth() {
        browser.open(ui.url("#/admin/recipients/mailboxes"));
        row("Esther Valle").click();
        // Shift+click selects the range Esther Valle .. Holly Holt, Ctrl+click takes Felipe Apodaca out again.
        new Actions(browser.driver()).keyDown(Keys.SHIFT).click(row("Holly Holt")).keyUp(Keys.SHIFT).perform();
        browser.until(d -> d.findElements(By.cssSelector(".recipients tr.selected")).size() == 3 ? true : null);
        new Actions(browser.driver()).keyDown(Keys.CONTROL).click(row("Felipe Apodaca")).keyUp(Keys.CONTROL).perform();
        browser.until(d -> d.findElements(By.cssSelector(".recipients tr.selected")).size() == 2 ? true : null);

        assertEquals("Bulk Edit", browser.await(By.cssSelector(".details .bulk-title")).getText());
        assertTrue(browser.driver().findElements(By.cssSelector(".bulk-warning")).isEmpty());
        browser.await(By.cssSelector("button.bulk-add")).click();
        browser.await(By.cssSelector("dialog.bulk-dialog section.right[data-right=FullAccess] button.add")).click();
        pick("Jim", "Jim Hance");
        long version = server.server().directory().current().version();
        browser.await(By.cssSelector("dialog.bulk-dialog button.save")).click();
        browser.awaitText(By.cssSelector("dialog.bulk-dialog .banner-ok"), "Full Access on Holly Holt granted to Jim Hance");
        browser.await(By.cssSelector("dialog.bulk-dialog button.close")).click();

        assertEquals(version + 1, server.server().directory().current().version(), "one Save, one change set");
        FullAccessEntry jim = FullAccessEntry.allow(server.recipient("jimh").id());
        assertEquals(List.of(jim), server.recipient("estherv").fullAccess());
        assertEquals(List.of(jim), server.recipient("hollyh").fullAccess());
        assertEquals(List.of(), server.recipient("felipea").fullAccess());
    }

    @Test
    void bulkEditOfAUserAndASharedMailboxWarnsAndIsDisabled() {
        browser.open(ui.url("#/admin/recipients/all"));
        row("Terry Adams").click();
        new Actions(browser.driver()).keyDown(Keys.CONTROL).click(row("Helpdesk Tickets")).keyUp(Keys.CONTROL).perform();

        WebElement warning = browser.await(By.cssSelector(".details .bulk-warning"));
        assertEquals("Bulk edit won't work: the selected mailboxes must all be of the same type, and these are "
                + "SharedMailbox and UserMailbox. Select mailboxes of one type.", warning.getText());
        assertFalse(browser.await(By.cssSelector("button.bulk-add")).isEnabled());
        assertFalse(browser.await(By.cssSelector("button.bulk-remove")).isEnabled());
        browser.screenshot("bulk-edit-warning");
    }

    @Test
    void aSharedMailboxOffersNoSendOnBehalf() {
        browser.open(ui.url("#/admin/delegation/" + server.recipient("helpdesktickets").id()));
        WebElement onBehalf = browser.await(By.cssSelector("section.right[data-right=SendOnBehalf]"));
        assertTrue(onBehalf.getAttribute("class").contains("not-offered"));
        assertTrue(onBehalf.getText().contains("Send on Behalf isn't available in the EAC for a SharedMailbox"), onBehalf.getText());
        assertTrue(onBehalf.findElements(By.cssSelector("button.add")).isEmpty());

        // The picker shows what the EAC refuses only on request, greyed, with the refusal text.
        browser.await(By.cssSelector("section.right[data-right=FullAccess] button.add")).click();
        browser.await(By.cssSelector("dialog.picker input[name=all]")).click();
        WebElement dl = browser.awaitText(By.cssSelector("dialog.picker li.pick.disabled"), "Sales Team");
        assertTrue(dl.getText().contains("Full Access on a SharedMailbox can't be granted to a MailUniversalDistributionGroup in the EAC"),
                dl.getText());
    }

    @Test
    void explainGivesTheDecisionWithoutSending() {
        long attempts = server.server().decisions().total();
        browser.open(ui.url("#/admin/explain"));
        browser.await(By.name("account")).sendKeys("jimh@contoso.com");
        browser.await(By.name("from")).sendKeys("ayla@contoso.com");
        browser.await(By.cssSelector(".explain-form button[type=submit]")).click();
        WebElement result = browser.await(By.cssSelector(".explanation[data-outcome=Denied]"));
        assertTrue(result.getText().contains("Jim Hance holds Full Access on Ayla Kol, which does not allow sending"), result.getText());
        assertTrue(result.getText().contains(DENIED), result.getText());
        assertTrue(result.getText().contains("550 5.7.1 Client does not have permissions to send as this sender"), result.getText());
        browser.screenshot("explain");
        assertEquals(attempts, server.server().decisions().total(), "explaining sends nothing");
        assertNull(server.server().decisions().last().orElse(null));
    }

    @Test
    void theMatrixShowsWhoCanDoWhatOnAMailbox() {
        browser.open(ui.url("#/admin/matrix/" + server.recipient("helpdeskteam").id()));
        By rows = By.cssSelector("table.matrix tbody tr");
        assertEquals("direct", browser.text(rows, "Ayla Kol", By.cssSelector("td:nth-child(2)")));
        assertEquals("Send As", browser.text(rows, "Ayla Kol", By.cssSelector(".badge")));
        browser.screenshot("matrix");
    }
}
