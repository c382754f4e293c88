package dev.behalf.gateway.it;

import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.fixtures.JakartaMail;
import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.policy.oauth.IdentityPlatform;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.SignInEvent;
import dev.behalf.policy.signin.SignInThrottle;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OAuth2 end to end against a real Behalf: tokens from its Entra-shaped endpoint (the demo directory's
 * Contoso Mailer app), used by Jakarta Mail over SMTP and IMAP XOAUTH2 and by Python's smtplib and imaplib;
 * the delegation check after sign-in is the one SMTP always had (the Sender stamp of a Send on Behalf), and a
 * token that is expired, for another user or another audience gets Exchange's 535 5.7.3 with the reason recorded.
 */
class OAuthSignInIT {
    static final String MAILER = Cast.MAILER_APP_ID;
    static final String SECRET = Cast.MAILER_SECRET;
    static final String PASSWORD = Cast.PASSWORD;
    static final String EXCHANGE_DEFAULT = "https://outlook.office365.com/.default";

    private static RunningBehalf behalf;
    private static final List<SignInEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        behalf = Behalf.builder().directory(DemoDirectory.load()).allPortsEphemeral().smtpsPort(0)
                .signInThrottle(SignInThrottle.Limits.off()).start();
        behalf.signIn().subscribe(events::add);
        // Ayla may send on behalf of Terry, so her token's mail From Terry carries Sender: Ayla.
        Http.Reply r = Http.shell(behalf.ports().http(), "Set-Mailbox -Identity 'Terry Adams' -GrantSendOnBehalfTo 'Ayla Kol'");
        assertEquals(200, r.status(), r.body());
    }

    @AfterAll
    static void stop() {
        if (behalf != null) {
            behalf.close();
        }
    }

    private static String form(String... fields) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            s.append(s.isEmpty() ? "" : "&").append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    /** A form-encoded POST as MSAL sends it: no X-Behalf-Request, no admin token. */
    static Http.Reply tokenRequest(String tenant, String body) {
        return Http.send(HttpRequest.newBuilder(Http.uri(behalf.ports().http(), "/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String userToken(String user, String scope) {
        Http.Reply r = tokenRequest("contoso.com", form("grant_type", "password", "client_id", MAILER, "client_secret", SECRET,
                "username", user, "password", PASSWORD, "scope", scope));
        assertEquals(200, r.status(), r.body());
        assertEquals("Bearer", r.json().get("token_type").asText());
        return r.json().get("access_token").asText();
    }

    private static Session smtpSession() {
        return smtpSession(false);
    }

    /** With {@code starttls}, as Exchange Online's documented client set-up has it: STARTTLS required, then AUTH XOAUTH2. */
    private static Session smtpSession(boolean starttls) {
        Properties p = new Properties();
        if (starttls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.trust", "*");
        }
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(behalf.ports().smtp()));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", "XOAUTH2");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        return Session.getInstance(p);
    }

    private static void send(String user, String token, String from, String to, String subject) throws Exception {
        send(smtpSession(), user, token, from, to, subject);
    }

    private static void send(Session session, String user, String token, String from, String to, String subject) throws Exception {
        MimeMessage m = JakartaMail.message(session, from, to, subject);
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", behalf.ports().smtp(), user, token);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    /** The Sender header of the message with this subject in the login's inbox, read over IMAP with XOAUTH2 or a password. */
    private static Optional<String> senderOf(String login, String secret, boolean xoauth2, String subject) throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "20000");
        if (xoauth2) {
            p.put("mail.imap.auth.mechanisms", "XOAUTH2");
        }
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", behalf.ports().imap(), login, secret);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                if (subject.equals(m.getSubject())) {
                    String[] sender = m.getHeader("Sender");
                    return Optional.of(sender == null ? "" : sender[0]);
                }
            }
            return Optional.empty();
        } finally {
            store.close();
        }
    }

    private static String lastRefusal() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).decision() instanceof SignInDecision.Refused r) {
                return r.reason() + ": " + r.why();
            }
        }
        return "none";
    }

    @Test
    void jakartaMailSendsOnBehalfWithATokenAndGetsTheSenderStamp() throws Exception {
        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        send("ayla@contoso.com", token, "terrya@contoso.com", "raymonds@contoso.com", "oauth on behalf");
        // Raymond reads it over IMAP with his own token.
        String raymond = userToken("raymonds@contoso.com", EXCHANGE_DEFAULT);
        String sender = senderOf("raymonds@contoso.com", raymond, true, "oauth on behalf").orElseThrow();
        assertTrue(sender.contains("ayla@contoso.com"), "Sender: " + sender);
    }

    @Test
    void aTokenLongerThanAnSmtpLineIsTakenAfterStartTlsToo() throws Exception {
        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        // The AUTH line is past SubEthaSMTP's 998-character limit, and after STARTTLS it arrives inside TLS.
        assertTrue(token.length() > 998, "token of " + token.length() + " characters");
        send(smtpSession(true), "ayla@contoso.com", token, "terrya@contoso.com", "raymonds@contoso.com", "oauth after starttls");
        String raymond = userToken("raymonds@contoso.com", EXCHANGE_DEFAULT);
        String sender = senderOf("raymonds@contoso.com", raymond, true, "oauth after starttls").orElseThrow();
        assertTrue(sender.contains("ayla@contoso.com"), "Sender: " + sender);
    }

    @Test
    void aTokenLongerThanAnSmtpLineIsTakenOnTheImplicitTlsPort() throws Exception {
        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        assertTrue(token.length() > 998, "token of " + token.length() + " characters");
        Properties p = new Properties();
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.auth.mechanisms", "XOAUTH2");
        p.put("mail.smtps.ssl.trust", "*");
        p.put("mail.smtps.connectiontimeout", "10000");
        p.put("mail.smtps.timeout", "20000");
        Session session = Session.getInstance(p);
        MimeMessage m = JakartaMail.message(session, "terrya@contoso.com", "raymonds@contoso.com", "oauth over smtps");
        try (Transport t = session.getTransport("smtps")) {
            t.connect("127.0.0.1", behalf.ports().smtps().getAsInt(), "ayla@contoso.com", token);
            t.sendMessage(m, m.getAllRecipients());
        }
        String raymond = userToken("raymonds@contoso.com", EXCHANGE_DEFAULT);
        String sender = senderOf("raymonds@contoso.com", raymond, true, "oauth over smtps").orElseThrow();
        assertTrue(sender.contains("ayla@contoso.com"), "Sender: " + sender);
    }

    @Test
    void theSameSenderRuleRefusesWhatTheTokensUserMayNotSend() {
        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        jakarta.mail.MessagingException e = assertThrows(jakarta.mail.MessagingException.class,
                () -> send("ayla@contoso.com", token, "kevink@contoso.com", "raymonds@contoso.com", "not hers"));
        assertTrue(String.valueOf(e.getMessage()).contains("5.7.60") || String.valueOf(e.getCause()).contains("5.7.60")
                || e.toString().contains("5.7.60") || (e.getNextException() != null && e.getNextException().toString().contains("5.7.60")), e.toString());
    }

    @Test
    void badTokensGetExchangesReplyAndTheRecordSaysWhy() throws Exception {
        String ayla = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        IdentityPlatform idp = behalf.identity();
        String ayId = behalf.directory().current().account("ayla").orElseThrow().id().toString();
        java.time.Instant now = java.time.Instant.now();
        String expired = idp.sign(new IdentityPlatform.Claims("https://outlook.office365.com", idp.tenantId(), MAILER, ayId,
                Optional.of("ayla@contoso.com"), Optional.empty(), Set.of("SMTP.Send"), Set.of(), now.minusSeconds(7200), now.minusSeconds(3600)));
        String graph = userToken("ayla@contoso.com", "https://graph.microsoft.com/.default");
        record Bad(String user, String token, String reason) {
        }
        for (Bad bad : List.of(new Bad("terrya@contoso.com", ayla, "TOKEN_WRONG_USER"), new Bad("ayla@contoso.com", expired, "TOKEN_EXPIRED"),
                new Bad("ayla@contoso.com", graph, "TOKEN_WRONG_AUDIENCE"),
                new Bad("ayla@contoso.com", ayla.substring(0, ayla.length() - 4) + "AAAA", "TOKEN_INVALID"))) {
            try (SmtpClient s = new SmtpClient(behalf.ports().smtp())) {
                s.reply();
                s.reply("EHLO client.example");
                String raw = "user=" + bad.user() + "\u0001auth=Bearer " + bad.token() + "\u0001\u0001";
                assertEquals("535 5.7.3 Authentication unsuccessful",
                        s.send("AUTH XOAUTH2 " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8))), bad.reason());
            }
            assertTrue(lastRefusal().startsWith(bad.reason()), lastRefusal());
        }
        // Over IMAP another user's mailbox needs Full Access, as with a password.
        assertThrows(AuthenticationFailedException.class, () -> senderOf("terrya@contoso.com", ayla, true, "x"));
        assertTrue(lastRefusal().startsWith("NO_FULL_ACCESS"), lastRefusal());
    }

    @Test
    void ehloAdvertisesXoauth2AndAppOnlyTokensOpenTheMailboxesTheAppWasGranted() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.ports().smtp())) {
            s.reply();
            assertTrue(s.reply("EHLO client.example").contains("XOAUTH2"));
        }
        Http.Reply r = tokenRequest(behalf.identity().tenantId(), form("grant_type", "client_credentials", "client_id", MAILER,
                "client_secret", SECRET, "scope", EXCHANGE_DEFAULT));
        assertEquals(200, r.status(), r.body());
        String app = r.json().get("access_token").asText();
        send("helpdesktickets@contoso.com", app, "helpdesktickets@contoso.com", "helpdesktickets@contoso.com", "app-only to itself");
        assertEquals(Optional.of(""), senderOf("helpdesktickets@contoso.com", app, true, "app-only to itself"));
        assertThrows(AuthenticationFailedException.class, () -> senderOf("ayla@contoso.com", app, true, "x"));
    }

    @Test
    void theTokenEndpointAnswersWithEntrasErrorsAndPublishesItsKeys() {
        Http.Reply secret = tokenRequest("contoso.com", form("grant_type", "client_credentials", "client_id", MAILER,
                "client_secret", "wrong", "scope", EXCHANGE_DEFAULT));
        assertEquals(401, secret.status());
        assertEquals("invalid_client", secret.json().get("error").asText());
        assertTrue(secret.json().get("error_description").asText().startsWith("AADSTS7000215: "), secret.body());
        assertEquals(7000215, secret.json().get("error_codes").get(0).asInt());
        Http.Reply password = tokenRequest("contoso.com", form("grant_type", "password", "client_id", MAILER, "client_secret", SECRET,
                "username", "ayla@contoso.com", "password", "wrong", "scope", EXCHANGE_DEFAULT));
        assertEquals(400, password.status());
        assertEquals("invalid_grant", password.json().get("error").asText());
        assertTrue(password.json().get("error_description").asText().startsWith("AADSTS50126: "), password.body());
        assertEquals(400, tokenRequest("fabrikam.com", form("grant_type", "client_credentials")).status());

        JsonNode keys = Http.get(behalf.ports().http(), "/contoso.com/discovery/v2.0/keys").json();
        assertEquals(behalf.identity().keyId(), keys.get("keys").get(0).get("kid").asText());
        assertTrue(!keys.get("keys").get(0).has("d"), "no private key in the JWKS");
        JsonNode oidc = Http.get(behalf.ports().http(), "/" + behalf.identity().tenantId() + "/v2.0/.well-known/openid-configuration").json();
        assertTrue(oidc.get("token_endpoint").asText().endsWith("/" + behalf.identity().tenantId() + "/oauth2/v2.0/token"), oidc.toString());
        // A page on another site still can't post to it: the Origin rule holds for the token endpoint too.
        Http.Reply crossSite = Http.send(HttpRequest.newBuilder(Http.uri(behalf.ports().http(), "/contoso.com/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(form("grant_type", "client_credentials"))));
        assertEquals(403, crossSite.status(), crossSite.body());
    }

    @Test
    void pythonSmtplibAndImaplibSignInWithXoauth2() {
        String script = String.join("\n",
                "import sys, json, smtplib, imaplib, urllib.request, urllib.parse",
                "host, http, smtp, imap, client, secret = sys.argv[1:7]",
                "body = urllib.parse.urlencode({'grant_type': 'password', 'client_id': client, 'client_secret': secret,",
                "    'username': 'ayla@contoso.com', 'password': 'P@ssw0rd', 'scope': 'https://outlook.office365.com/.default'}).encode()",
                "token = json.load(urllib.request.urlopen(urllib.request.Request('http://%s:%s/contoso.com/oauth2/v2.0/token' % (host, http), data=body)))['access_token']",
                "raw = 'user=ayla@contoso.com\\x01auth=Bearer %s\\x01\\x01' % token",
                "s = smtplib.SMTP(host, int(smtp))",
                "s.ehlo()",
                "import ssl",
                "ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE",
                "s.starttls(context=ctx)",
                "s.ehlo()",
                "print('smtp', s.auth('XOAUTH2', lambda challenge=None: raw)[0])",
                "s.sendmail('terrya@contoso.com', ['raymonds@contoso.com'], 'From: terrya@contoso.com\\r\\nTo: raymonds@contoso.com\\r\\nSubject: python oauth\\r\\n\\r\\nhi\\r\\n')",
                "s.quit()",
                "m = imaplib.IMAP4(host, int(imap))",
                "print('imap', m.authenticate('XOAUTH2', lambda x: raw.encode())[0])",
                "m.select('INBOX')",
                "m.logout()",
                "try:",
                "    m = imaplib.IMAP4(host, int(imap))",
                "    m.authenticate('XOAUTH2', lambda x: raw.replace('ayla@', 'terrya@').encode())",
                "    print('imap other: accepted')",
                "except imaplib.IMAP4.error as e:",
                "    print('imap other:', e)");
        Processes.Result r = Processes.run(List.of("python3", "-c", script, "127.0.0.1", String.valueOf(behalf.ports().http()),
                String.valueOf(behalf.ports().smtp()), String.valueOf(behalf.ports().imap()), MAILER, SECRET), null);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("smtp 235"), r.output());
        assertTrue(r.output().contains("imap OK"), r.output());
        assertTrue(r.output().contains("imap other: b'AUTHENTICATE failed.'") || r.output().contains("imap other: AUTHENTICATE failed."), r.output());
        try {
            assertTrue(senderOf("raymonds@contoso.com", PASSWORD, false, "python oauth").orElseThrow().contains("ayla@contoso.com"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAppRegisteredByCmdletOpensAndSendsAsOnlyWhatItWasGranted() throws Exception {
        String appId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
        Http.Reply made = Http.shell(behalf.ports().http(), "New-ServicePrincipal -AppId " + appId
                + " -ObjectId 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a -DisplayName 'Fabrikam Sync' -ClientSecret 'Sync~1'");
        assertEquals(200, made.status(), made.body());
        assertTrue(made.body().contains("Fabrikam Sync"), made.body());
        String body = form("grant_type", "client_credentials", "client_id", appId, "client_secret", "Sync~1", "scope", EXCHANGE_DEFAULT);
        String before = tokenRequest("contoso.com", body).json().get("access_token").asText();
        assertThrows(AuthenticationFailedException.class, () -> senderOf("seanc@contoso.com", before, true, "x"));
        assertTrue(lastRefusal().contains("no Full Access to Sean Chai"), lastRefusal());

        Http.Reply granted = Http.shell(behalf.ports().http(),
                "Add-MailboxPermission -Identity seanc -User 'Fabrikam Sync' -AccessRights FullAccess\n"
                        + "Add-RecipientPermission -Identity seanc -Trustee " + appId + " -AccessRights SendAs -Confirm:$false");
        assertEquals(200, granted.status(), granted.body());
        // The same token works now: the grant is read from the directory in force at each sign-in.
        assertEquals(Optional.empty(), senderOf("seanc@contoso.com", before, true, "nothing here"));
        send("seanc@contoso.com", before, "seanc@contoso.com", "raymonds@contoso.com", "sent by an app as Sean");
        assertEquals(Optional.of(""), senderOf("raymonds@contoso.com", PASSWORD, false, "sent by an app as Sean"));

        Http.Reply removed = Http.shell(behalf.ports().http(),
                "Remove-MailboxPermission -Identity seanc -User 'Fabrikam Sync' -AccessRights FullAccess -Confirm:$false\n"
                        + "Remove-RecipientPermission -Identity seanc -Trustee 'Fabrikam Sync' -AccessRights SendAs -Confirm:$false");
        assertEquals(200, removed.status(), removed.body());
        // The token is still valid; the grants it was good for are gone at the next sign-in.
        assertThrows(AuthenticationFailedException.class, () -> senderOf("seanc@contoso.com", before, true, "x"));
        assertTrue(lastRefusal().contains("no Full Access to Sean Chai"), lastRefusal());
        assertThrows(AuthenticationFailedException.class,
                () -> send("seanc@contoso.com", before, "seanc@contoso.com", "raymonds@contoso.com", "no longer sent"));
    }
}
