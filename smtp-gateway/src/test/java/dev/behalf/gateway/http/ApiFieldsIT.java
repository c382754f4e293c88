package dev.behalf.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.junit.BehalfExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the JSON field names, their nesting and their order of every JSON endpoint, read from a live
 * server holding a Send on Behalf message (HTML, attachment, Sender) to a mailbox and an outside
 * address, and a refusal, so that every optional field shows. A field renamed in the store, the
 * decision log or a view changes one of these lists and fails here; an intended API change updates the
 * list and the README together.
 */
class ApiFieldsIT {
    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    /** Endpoint → its field paths (compared as sets): {@code a.b} nests, {@code list[]} is an array's elements. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /api/health", """
                directoryVersion ports ports.http ports.imap ports.pop3 ports.smtp status""");
        EXPECTED.put("GET /api/decisions", """
                [] [].account [].accountAddress [].because [].because[] [].deliveredSender
                [].directoryVersion [].grants [].grants[] [].grants[].from [].grants[].outcome
                [].grants[].reason [].grants[].target [].grants[].trustee [].grants[].viaGroups
                [].headerFrom [].headerFrom[] [].headerResentFrom [].headerSender [].id [].login
                [].lookAlikes [].mailFrom [].messageId [].outcome [].rcptTo [].rcptTo[] [].reached
                [].reached[] [].reply [].resentGrants [].stage [].subject [].surface [].time""");
        EXPECTED.put("GET /api/decisions/{id}", """
                account accountAddress because because[] deliveredSender directoryVersion grants
                grants[] grants[].from grants[].outcome grants[].reason grants[].target
                grants[].trustee grants[].viaGroups headerFrom headerFrom[] headerResentFrom
                headerSender id login lookAlikes mailFrom messageId outcome rcptTo rcptTo[] reached
                reached[] reply resentGrants stage subject surface time""");
        EXPECTED.put("GET /api/mailboxes", """
                [] [].address [].displayName [].folders [].folders[] [].folders[].messages [].folders[].name
                [].folders[].unread [].key [].key.address [].key.address.domain [].key.address.localPart [].key.id
                [].key.id.guid""");
        EXPECTED.put("GET /api/mailboxes/jimh@contoso.com/messages", """
                [] [].folder [].from [].id [].id.value [].mailbox [].mailbox.id [].mailbox.id.guid [].messageId
                [].received [].seen [].sender [].size [].subject [].submissionId [].to [].to[]""");
        EXPECTED.put("GET /api/mailboxes/partner@fabrikam.example/messages", """
                [] [].folder [].from [].id [].id.value [].mailbox [].mailbox.address [].mailbox.address.domain
                [].mailbox.address.localPart [].messageId [].received [].seen [].sender [].size [].subject
                [].submissionId [].to [].to[]""");
        EXPECTED.put("GET /api/messages/{id}", """
                attachments attachments[] attachments[].contentType attachments[].filename
                attachments[].index attachments[].size decision decision.account
                decision.accountAddress decision.because decision.because[] decision.deliveredSender
                decision.directoryVersion decision.grants decision.grants[] decision.grants[].from
                decision.grants[].outcome decision.grants[].reason decision.grants[].target
                decision.grants[].trustee decision.grants[].viaGroups decision.headerFrom
                decision.headerFrom[] decision.headerResentFrom decision.headerSender decision.id
                decision.login decision.lookAlikes decision.mailFrom decision.messageId
                decision.outcome decision.rcptTo decision.rcptTo[] decision.reached
                decision.reached[] decision.reply decision.resentGrants decision.stage
                decision.subject decision.surface decision.time headers headers[] headers[].name headers[].value html
                summary summary.folder summary.from summary.id summary.id.value summary.mailbox
                summary.mailbox.id summary.mailbox.id.guid summary.messageId summary.received
                summary.seen summary.sender summary.size summary.subject summary.submissionId
                summary.to summary.to[] text""");
        EXPECTED.put("GET /api/accounts/hollyh/mailboxes", """
                account address mailboxes mailboxes[] mailboxes[].address mailboxes[].autoMapped
                mailboxes[].imapLogin mailboxes[].mailbox mailboxes[].reason mailboxes[].trustee mailboxes[].type
                mailboxes[].viaGroups ownMailbox""");
        EXPECTED.put("GET /api/ui/mailboxes", """
                boxes boxes[] boxes[].address boxes[].displayName boxes[].folders boxes[].folders[]
                boxes[].folders[].messages boxes[].folders[].name boxes[].folders[].unread boxes[].kind
                boxes[].messages boxes[].type boxes[].unread directoryVersion refused""");
        EXPECTED.put("GET /api/ui/messages", """
                [] [].box [].decisionId [].folder [].from [].fromDisplay [].id [].kind [].lookAlikes
                [].outcome [].reason [].reply [].seen [].sender [].size [].subject [].time [].to
                [].to[]""");
        EXPECTED.put("GET /api/ui/refused", """
                [] [].box [].decisionId [].folder [].from [].fromDisplay [].id [].kind [].lookAlikes
                [].outcome [].reason [].reply [].seen [].size [].subject [].time [].to [].to[]""");
        EXPECTED.put("GET /api/ui/messages/{id}", """
                htmlUrl row row.box row.decisionId row.folder row.from row.fromDisplay row.id
                row.kind row.lookAlikes row.outcome row.reason row.reply row.seen row.sender
                row.size row.subject row.time row.to row.to[] view view.attachments
                view.attachments[] view.attachments[].contentType view.attachments[].filename
                view.attachments[].index view.attachments[].size view.decision view.decision.account
                view.decision.accountAddress view.decision.because view.decision.because[]
                view.decision.deliveredSender view.decision.directoryVersion view.decision.grants
                view.decision.grants[] view.decision.grants[].from view.decision.grants[].outcome
                view.decision.grants[].reason view.decision.grants[].target
                view.decision.grants[].trustee view.decision.grants[].viaGroups
                view.decision.headerFrom view.decision.headerFrom[] view.decision.headerResentFrom
                view.decision.headerSender view.decision.id view.decision.login
                view.decision.lookAlikes view.decision.mailFrom view.decision.messageId
                view.decision.outcome view.decision.rcptTo view.decision.rcptTo[]
                view.decision.reached view.decision.reached[] view.decision.reply
                view.decision.resentGrants view.decision.stage view.decision.subject view.decision.surface
                view.decision.time view.headers view.headers[] view.headers[].name
                view.headers[].value view.html view.summary view.summary.folder view.summary.from
                view.summary.id view.summary.id.value view.summary.mailbox view.summary.mailbox.id
                view.summary.mailbox.id.guid view.summary.messageId view.summary.received
                view.summary.seen view.summary.sender view.summary.size view.summary.subject
                view.summary.submissionId view.summary.to view.summary.to[] view.text""");
        EXPECTED.put("GET /api/admin/recipients?tab=any", """
                [] [].address [].alias [].canSignIn [].displayName [].hidden [].id [].login [].name [].tab [].type""");
        EXPECTED.put("GET /api/admin/recipients/{guid}/delegation", """
                directoryVersion page recipient recipient.address recipient.alias recipient.canSignIn
                recipient.displayName recipient.hidden recipient.id recipient.login recipient.name recipient.tab
                recipient.type sections sections[] sections[].delegates sections[].delegates[]
                sections[].delegates[].control sections[].delegates[].recipient
                sections[].delegates[].recipient.address sections[].delegates[].recipient.alias
                sections[].delegates[].recipient.canSignIn sections[].delegates[].recipient.displayName
                sections[].delegates[].recipient.hidden sections[].delegates[].recipient.id
                sections[].delegates[].recipient.login sections[].delegates[].recipient.name
                sections[].delegates[].recipient.tab sections[].delegates[].recipient.type sections[].label
                sections[].offered sections[].right""");
        EXPECTED.put("GET /api/admin/recipients/{guid}/trustees", """
                [] [].allowed [].recipient [].recipient.address [].recipient.alias [].recipient.canSignIn
                [].recipient.displayName [].recipient.hidden [].recipient.id [].recipient.login [].recipient.name
                [].recipient.tab [].recipient.type [].refusal""");
        EXPECTED.put("GET /api/admin/recipients/{guid}/matrix", """
                directoryVersion entries entries[] entries[].control entries[].right entries[].trustee
                entries[].trustee.address entries[].trustee.alias entries[].trustee.canSignIn
                entries[].trustee.displayName entries[].trustee.hidden entries[].trustee.id entries[].trustee.login
                entries[].trustee.name entries[].trustee.tab entries[].trustee.type rows rows[] rows[].account
                rows[].account.address rows[].account.alias rows[].account.canSignIn rows[].account.displayName
                rows[].account.hidden rows[].account.id rows[].account.login rows[].account.name rows[].account.tab
                rows[].account.type rows[].because rows[].decision rows[].fullAccess target target.address
                target.alias target.canSignIn target.displayName target.hidden target.id target.login target.name
                target.tab target.type""");
        EXPECTED.put("GET /api/admin/explain", """
                account account.address account.alias account.canSignIn account.displayName
                account.hidden account.id account.login account.name account.tab account.type
                deliveredSender directoryVersion from fromDisplay from[] memberOf memberOf[] outcome
                replies replies[] replies[].dialect replies[].reply replies[].serverDialect
                resentFrom resentVerdicts verdicts verdicts[] verdicts[].from verdicts[].outcome
                verdicts[].reason verdicts[].target verdicts[].text verdicts[].trustee
                verdicts[].viaGroups""");
        EXPECTED.put("POST /api/admin/delegation", """
                applied directoryVersion done done[] warnings""");
        EXPECTED.put("POST /api/shell", """
                errors output warnings""");
        EXPECTED.put("DELETE /api/messages/{id}", """
                deleted""");
        EXPECTED.put("DELETE /api/mailboxes/jimh@contoso.com/messages", """
                deleted""");
        EXPECTED.put("POST /api/reset", """
                directoryVersion reset""");
    }

    @Test
    void everyEndpointAnswersTheDocumentedFieldsInTheirOrder() throws Exception {
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        behalf.shell("Add-MailboxPermission -Identity jimh -User hollyh -AccessRights FullAccess");
        sendOnBehalf();
        behalf.awaitMessage("jimh", "Board pack");
        behalf.assertRefused(() -> Transport.send(mail("jimh", "Ayla Kol <ayla@contoso.com>", "Refused one")));

        JsonNode inbox = get("/api/mailboxes/jimh%40contoso.com/messages");
        String id = inbox.get(0).path("id").path("value").asText();
        String decision = inbox.get(0).path("submissionId").asText();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("GET /api/health", get("/api/health"));
        answers.put("GET /api/decisions", get("/api/decisions"));
        answers.put("GET /api/decisions/{id}", get("/api/decisions/" + decision));
        answers.put("GET /api/mailboxes", get("/api/mailboxes"));
        answers.put("GET /api/mailboxes/jimh@contoso.com/messages", inbox);
        answers.put("GET /api/mailboxes/partner@fabrikam.example/messages", get("/api/mailboxes/partner%40fabrikam.example/messages"));
        answers.put("GET /api/messages/{id}", get("/api/messages/" + id));
        answers.put("GET /api/accounts/hollyh/mailboxes", get("/api/accounts/hollyh/mailboxes"));
        answers.put("GET /api/ui/mailboxes", get("/api/ui/mailboxes"));
        answers.put("GET /api/ui/messages", get("/api/ui/messages"));
        answers.put("GET /api/ui/refused", get("/api/ui/refused"));
        answers.put("GET /api/ui/messages/{id}", get("/api/ui/messages/" + id));
        answers.put("GET /api/admin/recipients?tab=any", get("/api/admin/recipients?tab=any"));
        String ayla = behalf.recipient("ayla").id().toString();
        answers.put("GET /api/admin/recipients/{guid}/delegation", get("/api/admin/recipients/" + ayla + "/delegation"));
        answers.put("GET /api/admin/recipients/{guid}/trustees", get("/api/admin/recipients/" + ayla + "/trustees?right=SendAs"));
        answers.put("GET /api/admin/recipients/{guid}/matrix", get("/api/admin/recipients/" + ayla + "/matrix?all=true"));
        answers.put("GET /api/admin/explain", get("/api/admin/explain?account=hollyh&from=seanc%40contoso.com"));
        answers.put("POST /api/admin/delegation", send("POST /api/admin/delegation", "{\"targets\": [\"" + ayla
                + "\"], \"add\": {\"SendAs\": [\"" + behalf.recipient("kevink").id() + "\"]}}", "Content-Type: application/json"));
        answers.put("POST /api/shell", send("POST /api/shell", "Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo $null",
                "Content-Type: text/plain", "X-Behalf-Request: 1"));
        answers.put("DELETE /api/messages/{id}", send("DELETE /api/messages/" + id, ""));
        answers.put("DELETE /api/mailboxes/jimh@contoso.com/messages", send("DELETE /api/mailboxes/jimh%40contoso.com/messages", ""));
        answers.put("POST /api/reset", send("POST /api/reset", "", "X-Behalf-Request: 1"));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            Set<String> actual = new TreeSet<>(fields(answers.get(e.getKey())));
            Set<String> expected = new TreeSet<>(List.of(e.getValue().trim().split("\\s+")));
            if (!actual.equals(expected)) {
                wrong.add(e.getKey() + "\n  expected: " + String.join(" ", expected) + "\n  actual:   " + String.join(" ", actual));
            }
        }
        assertTrue(wrong.isEmpty(), "the API's fields changed:\n" + String.join("\n", wrong));
    }

    private static JsonNode get(String target) {
        return send("GET " + target, "");
    }

    private static JsonNode send(String line, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Host: localhost"));
        all.addAll(List.of(headers));
        RawHttp.Reply r = RawHttp.exchange(behalf.httpPort(), RawHttp.request(line + " HTTP/1.1", body, all.toArray(String[]::new)));
        assertEquals(200, r.status(), line + ": " + r);
        return r.json();
    }

    /** Every field path of a JSON value, in the order first seen: {@code a.b}, {@code list[]}, {@code list[].c}. */
    static Set<String> fields(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        walk(node, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                out.add(p);
                walk(f.getValue(), p, out);
            }
        } else if (node.isArray()) {
            String p = path + "[]";
            if (!node.isEmpty()) {
                out.add(p);
            }
            node.forEach(element -> walk(element, p, out));
        }
    }

    private static void sendOnBehalf() throws MessagingException {
        MimeMessage m = mail("hollyh", "Sean Chai <seanc@contoso.com>", "Board pack");
        m.setSender(new InternetAddress("hollyh@contoso.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jimh@contoso.com, partner@fabrikam.example"));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The board pack.", "utf-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>The <b>board</b> pack.</p>", "text/html; charset=utf-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", text, html));
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent("a,b\n1,2\n", "text/csv");
        attachment.setFileName("figures.csv");
        m.setContent(new MimeMultipart("mixed", body, attachment));
        Transport.send(m);
    }

    private static MimeMessage mail(String account, String from, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(behalf.session(account));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jimh@contoso.com"));
        m.setSubject(subject);
        m.setText("x");
        return m;
    }
}
