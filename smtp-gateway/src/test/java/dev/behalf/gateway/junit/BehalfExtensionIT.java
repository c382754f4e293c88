package dev.behalf.gateway.junit;

import dev.behalf.gateway.audit.DecisionRecord;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every accessor and assertion of {@link BehalfExtension}, passing when it should and failing
 * with a message that says what happened instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BehalfExtensionIT {

    @RegisterExtension
    static BehalfExtension behalf = BehalfExtension.withDirectory(DirectorySpec.organization("fabrikam.com")
                    .userMailbox("alex", "Alex Wilber")
                    .userMailbox("megan", "Megan Bowen")
                    .userMailbox("lynne", "Lynne Robbins")
                    .sharedMailbox("sales", "Sales Desk")
                    .securityGroup("assistants", "Assistants", "lynne")
                    .grantSendAs("sales", "alex")
                    .grantSendOnBehalf("megan", "assistants")
                    .grantFullAccess("sales", "megan", true))
            .awaitTimeout(Duration.ofSeconds(5));

    private static void send(String account, String from, String to, String subject) throws Exception {
        MimeMessage m = new MimeMessage(behalf.session(account));
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText("x");
        Transport.send(m);
    }

    @Test
    @Order(1)
    void theFluentDirectoryIsLiveOnFreeLoopbackPorts() {
        assertEquals("127.0.0.1", behalf.host());
        assertTrue(behalf.smtpPort() > 0 && behalf.imapPort() > 0 && behalf.pop3Port() > 0 && behalf.httpPort() > 0);
        assertEquals("Sales Desk", behalf.recipient("sales@fabrikam.com").displayName());
    }

    @Test
    @Order(2)
    void assertSentAsPassesForSendAsAndExplainsSendOnBehalf() throws Exception {
        send("alex", "sales@fabrikam.com", "megan@fabrikam.com", "as sales");
        MimeMessage asSales = behalf.awaitMessage("megan", "as sales");
        behalf.assertSentAs(asSales, "sales");
        assertEquals("SendAs", behalf.lastDecision().orElseThrow().outcome());

        send("lynne", "megan@fabrikam.com", "alex@fabrikam.com", "for megan");
        MimeMessage onBehalf = behalf.awaitMessage("alex", "for megan");
        AssertionError e = assertThrows(AssertionError.class, () -> behalf.assertSentAs(onBehalf, "megan"));
        assertEquals("expected no trace of a delegate (Send As), but Sender is lynne@fabrikam.com: recipients see "
                + "'lynne@fabrikam.com on behalf of Megan Bowen' (Send on Behalf)", e.getMessage());
    }

    @Test
    @Order(3)
    void assertSentOnBehalfPassesThroughAGroupAndExplainsSendAs() throws Exception {
        send("lynne", "megan@fabrikam.com", "alex@fabrikam.com", "via assistants");
        behalf.assertSentOnBehalf(behalf.awaitMessage("alex", "via assistants"), "lynne", "megan");
        DecisionRecord d = behalf.lastDecision().orElseThrow();
        assertEquals("Lynne Robbins is in GrantSendOnBehalfTo of Megan Bowen via group Assistants", d.because().get(0));

        send("alex", "sales@fabrikam.com", "megan@fabrikam.com", "plain send as");
        MimeMessage sendAs = behalf.awaitMessage("megan", "plain send as");
        AssertionError e = assertThrows(AssertionError.class, () -> behalf.assertSentOnBehalf(sendAs, "alex", "sales"));
        assertTrue(e.getMessage().startsWith("expected Sender Alex Wilber <alex@fabrikam.com> (Alex Wilber on behalf of Sales Desk), "
                + "but the message has no Sender header"), e.getMessage());
    }

    @Test
    @Order(4)
    void assertRefusedPassesForAFullAccessDelegateAndFailsWhenTheSendIsAccepted() {
        DecisionRecord d = behalf.assertRefused(() -> send("megan", "sales@fabrikam.com", "alex@fabrikam.com", "nope"));
        assertEquals("FULL_ACCESS_ONLY", d.grants().get(0).reason());
        AssertionError e = assertThrows(AssertionError.class,
                () -> behalf.assertRefused(() -> send("megan", "megan@fabrikam.com", "alex@fabrikam.com", "fine")));
        assertEquals("expected the send to be refused with '550 5.7.60 SMTP; Client does not have permissions to send as this sender', "
                + "but it was accepted (Self: megan@fabrikam.com is Megan Bowen's own address)", e.getMessage());
    }

    @Test
    @Order(5)
    void assertRefusedWithACodeChecksTheReplyTheClientSaw() {
        assertTrue(behalf.assertRefused(() -> send("alex", "nobody@elsewhere.example", "alex@fabrikam.com", "x"), "550 5.7.60").isPresent());
        AssertionError e = assertThrows(AssertionError.class,
                () -> behalf.assertRefused(() -> send("alex", "nobody@elsewhere.example", "alex@fabrikam.com", "x"), "552"));
        assertTrue(e.getMessage().startsWith("expected the refusal '552', but the client saw: "), e.getMessage());
        assertTrue(e.getMessage().contains("550 5.7.60"), e.getMessage());
    }

    @Test
    @Order(6)
    void awaitMessageSaysWhatTheMailboxHoldsWhenNothingArrives() throws Exception {
        send("alex", "alex@fabrikam.com", "megan@fabrikam.com", "something else");
        behalf.awaitMessage("megan", "something else");
        AssertionError e = assertThrows(AssertionError.class, () -> behalf.awaitMessage("megan", "never sent"));
        assertTrue(e.getMessage().startsWith("no message with subject containing 'never sent' reached Megan Bowen within "), e.getMessage());
        assertTrue(e.getMessage().contains("its Inbox has [something else]"), e.getMessage());
    }

    @Test
    @Order(7)
    void shellChangesApplyAtOnceAndAFailingCmdletFailsTheTest() throws Exception {
        behalf.shell("Add-RecipientPermission -Identity sales -Trustee megan -AccessRights SendAs");
        send("megan", "sales@fabrikam.com", "alex@fabrikam.com", "megan as sales");
        assertEquals("SendAs", behalf.lastDecision().orElseThrow().outcome());
        AssertionError e = assertThrows(AssertionError.class, () -> behalf.shell("Get-Mailbox -Identity nobody"));
        assertTrue(e.getMessage().contains("couldn't be found on 'DC1.fabrikam.com'"), e.getMessage());
    }

    @Test
    @Order(8)
    void eachTestStartsFromTheDeclaredStateWithNoMailAndNoRecords() {
        // Test 7 gave Megan Send As on the Sales Desk and left mail behind; the reset undid both.
        assertTrue(behalf.lastDecision().isEmpty());
        assertTrue(behalf.server().directory().current().resolve("sales") instanceof dev.behalf.policy.identity.Resolution.Found f
                && f.recipient().sendAs().size() == 1);
        assertEquals(0, behalf.server().store().mailboxes().stream().flatMap(m -> m.folders().stream())
                .mapToInt(f -> f.messages()).sum());
    }

    @Test
    @Order(9)
    void resetIsAlsoAnHttpEndpointForNonJavaTests() throws Exception {
        behalf.shell("Set-Mailbox megan -GrantSendOnBehalfTo $null");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + behalf.httpPort() + "/api/reset")).header("X-Behalf-Request", "1")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, behalf.recipient("megan").grantSendOnBehalfTo().size());
    }
}
