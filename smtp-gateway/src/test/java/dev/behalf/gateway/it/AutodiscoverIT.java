package dev.behalf.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.junit.BehalfExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Auto-mapping (spec §8) as Outlook and Thunderbird see it: the POX Autodiscover response parsed
 * as XML, and the JSON list of what an account can open.
 */
class AutodiscoverIT {
    private static final String RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private Http.Reply autodiscover(String login, String password, String email) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">\n"
                + "  <Request>\n    <EMailAddress>" + email + "</EMailAddress>\n"
                + "    <AcceptableResponseSchema>" + RESPONSE_NS + "</AcceptableResponseSchema>\n  </Request>\n</Autodiscover>\n";
        HttpRequest.Builder r = HttpRequest.newBuilder(Http.uri(behalf.httpPort(), "/autodiscover/autodiscover.xml"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (login != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return Http.send(r);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> alternativeMailboxes(Document d) {
        List<String> out = new ArrayList<>();
        NodeList list = d.getElementsByTagNameNS(RESPONSE_NS, "AlternativeMailbox");
        for (int i = 0; i < list.getLength(); i++) {
            out.add(((Element) list.item(i)).getElementsByTagNameNS(RESPONSE_NS, "SmtpAddress").item(0).getTextContent());
        }
        return out;
    }

    private static String protocolPort(Document d, String type) {
        NodeList protocols = d.getElementsByTagNameNS(RESPONSE_NS, "Protocol");
        for (int i = 0; i < protocols.getLength(); i++) {
            Element p = (Element) protocols.item(i);
            if (p.getElementsByTagNameNS(RESPONSE_NS, "Type").item(0).getTextContent().equals(type)) {
                return p.getElementsByTagNameNS(RESPONSE_NS, "Port").item(0).getTextContent();
            }
        }
        throw new AssertionError("no " + type + " protocol");
    }

    @Test
    void directAutoMappingGrantsAppearAndGroupAndNoAutoMappingGrantsDoNot() throws Exception {
        behalf.shell("Add-MailboxPermission -Identity \"Terry Adams\" -User raymonds -AccessRights FullAccess -InheritanceType All");
        behalf.shell("Add-MailboxPermission -Identity \"Helpdesk Tickets\" -User raymonds -AccessRights FullAccess -AutoMapping $false");
        behalf.shell("New-DistributionGroup -Name Reviewers -Type Security -Members raymonds");
        behalf.shell("Add-MailboxPermission -Identity \"Contoso Executives\" -User Reviewers -AccessRights FullAccess");
        Http.Reply r = autodiscover("raymonds@contoso.com", "P@ssw0rd", "raymonds@contoso.com");
        assertEquals(200, r.status(), r.body());
        Document d = xml(r.body());
        assertEquals(List.of("terrya@contoso.com"), alternativeMailboxes(d), r.body());
        assertEquals(String.valueOf(behalf.imapPort()), protocolPort(d, "IMAP"));
        assertEquals(String.valueOf(behalf.smtpPort()), protocolPort(d, "SMTP"));
        // Everything Raymond can open, with why, and which auto-map:
        JsonNode open = Http.get(behalf.httpPort(), "/api/accounts/raymonds@contoso.com/mailboxes").json().get("mailboxes");
        List<String> reasons = new ArrayList<>();
        open.forEach(m -> reasons.add(m.get("address").asText() + " " + m.get("reason").asText() + " " + m.get("autoMapped").asBoolean()));
        assertEquals(List.of("terrya@contoso.com direct grant true", "helpdesktickets@contoso.com direct grant false",
                "executives@contoso.com via group Reviewers false"), reasons);
    }

    @Test
    void theDemoGrantOfJimOnAylaAutoMaps() throws Exception {
        Document d = xml(autodiscover("jimh", "P@ssw0rd", "jimh@contoso.com").body());
        assertEquals(List.of("ayla@contoso.com"), alternativeMailboxes(d));
    }

    @Test
    void withoutCredentialsAutodiscoverAsksForThem() {
        Http.Reply r = autodiscover(null, null, "jimh@contoso.com");
        assertEquals(401, r.status());
        assertTrue(r.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, autodiscover("jimh", "wrong", "jimh@contoso.com").status());
    }

    @Test
    void askingForAMailboxWithoutAccessIsAnAutodiscoverError() throws Exception {
        Document d = xml(autodiscover("terrya", "P@ssw0rd", "seanc@contoso.com").body());
        assertEquals("500", d.getElementsByTagNameNS("*", "ErrorCode").item(0).getTextContent());
    }

    @Test
    void thunderbirdAutoconfigNamesThePorts() throws Exception {
        Http.Reply r = Http.get(behalf.httpPort(), "/mail/config-v1.1.xml?emailaddress=terrya@contoso.com");
        assertEquals(200, r.status());
        Document d = xml(r.body());
        assertEquals(String.valueOf(behalf.imapPort()),
                ((Element) d.getElementsByTagName("incomingServer").item(0)).getElementsByTagName("port").item(0).getTextContent());
        assertEquals(200, Http.get(behalf.httpPort(), "/.well-known/autoconfig/mail/config-v1.1.xml").status());
    }
}
