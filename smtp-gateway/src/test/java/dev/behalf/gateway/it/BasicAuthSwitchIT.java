package dev.behalf.gateway.it;

import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.fixtures.SmtpClient;
import dev.behalf.policy.signin.BasicAuth;
import dev.behalf.policy.signin.SignInThrottle;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exchange Online's end of Basic authentication for SMTP client submission, against a real Behalf: the
 * organization's and a mailbox's SmtpClientAuthenticationDisabled set by cmdlets, and {@code --basic-auth
 * disabled|retired}; PLAIN and LOGIN get Exchange Online's texts once the password proved right, XOAUTH2 keeps working.
 */
class BasicAuthSwitchIT {
    static final String TENANT_OFF = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
            + "Visit https://aka.ms/smtp_auth_disabled for more information.";
    static final String BASIC_OFF = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.";
    static final String RETIRED = "550 5.7.30 Basic authentication is not supported for Client Submission";
    static final String OK = "235 Authentication successful.";

    private static RunningBehalf start(BasicAuth stage) {
        return Behalf.builder().directory(DemoDirectory.load()).allPortsEphemeral()
                .signInThrottle(SignInThrottle.Limits.off()).basicAuth(stage).start();
    }

    private static String plain(RunningBehalf b, String user, String password) throws Exception {
        try (SmtpClient s = new SmtpClient(b.ports().smtp())) {
            return s.login(user, password);
        }
    }

    private static String login(RunningBehalf b, String user, String password) throws Exception {
        try (SmtpClient s = new SmtpClient(b.ports().smtp())) {
            s.reply();
            s.reply("EHLO client.example");
            s.send("AUTH LOGIN");
            s.send(Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
            return s.send(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String xoauth2(RunningBehalf b, String user) throws Exception {
        String body = "grant_type=password&client_id=" + Cast.MAILER_APP_ID + "&client_secret="
                + URLEncoder.encode(Cast.MAILER_SECRET, StandardCharsets.UTF_8) + "&username=" + user + "&password="
                + URLEncoder.encode(Cast.PASSWORD, StandardCharsets.UTF_8) + "&scope=" + URLEncoder.encode("https://outlook.office365.com/.default", StandardCharsets.UTF_8);
        Http.Reply r = Http.send(HttpRequest.newBuilder(Http.uri(b.ports().http(), "/contoso.com/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, r.status(), r.body());
        String raw = "user=" + user + "\u0001auth=Bearer " + r.json().get("access_token").asText() + "\u0001\u0001";
        try (SmtpClient s = new SmtpClient(b.ports().smtp())) {
            s.reply();
            s.reply("EHLO client.example");
            return s.send("AUTH XOAUTH2 " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theOrganizationsAndAMailboxsSwitchRefuseBasicAndLeaveOAuth() throws Exception {
        try (RunningBehalf b = start(BasicAuth.ENABLED)) {
            assertEquals(OK, plain(b, "ayla@contoso.com", Cast.PASSWORD));
            assertEquals(200, Http.shell(b.ports().http(), "Set-TransportConfig -SmtpClientAuthenticationDisabled $true").status());
            assertEquals(TENANT_OFF, plain(b, "ayla@contoso.com", Cast.PASSWORD));
            assertEquals(TENANT_OFF, login(b, "terrya", Cast.PASSWORD));
            // A wrong password still reads as one: the switch's text is only for a password that proved right.
            assertEquals("535 5.7.3 Authentication unsuccessful", plain(b, "ayla@contoso.com", "wrong"));
            assertEquals(OK, xoauth2(b, "ayla@contoso.com"));

            // The mailbox's own setting wins over the organization's, both ways.
            assertEquals(200, Http.shell(b.ports().http(), "Set-CASMailbox -Identity ayla -SmtpClientAuthenticationDisabled $false").status());
            assertEquals(OK, plain(b, "ayla@contoso.com", Cast.PASSWORD));
            assertEquals(200, Http.shell(b.ports().http(), "Set-TransportConfig -SmtpClientAuthenticationDisabled $false\n"
                    + "Set-CASMailbox -Identity terrya -SmtpClientAuthenticationDisabled $true").status());
            assertEquals(BASIC_OFF, plain(b, "terrya@contoso.com", Cast.PASSWORD));
            assertEquals(OK, plain(b, "raymonds@contoso.com", Cast.PASSWORD));
            Http.Reply got = Http.shell(b.ports().http(), "Get-CASMailbox terrya | Format-List Name,SmtpClientAuthenticationDisabled");
            assertTrue(got.body().contains("True"), got.body());
        }
    }

    @Test
    void disabledAndRetiredStagesRefuseEveryBasicSignIn() throws Exception {
        try (RunningBehalf b = start(BasicAuth.DISABLED)) {
            assertEquals(BASIC_OFF, plain(b, "ayla@contoso.com", Cast.PASSWORD));
            assertEquals(OK, xoauth2(b, "ayla@contoso.com"));
            // IMAP is not SMTP client submission: its password sign-in is untouched.
            assertTrue(Imap.canSignIn(b.ports().imap(), "ayla@contoso.com", Cast.PASSWORD));
        }
        try (RunningBehalf b = start(BasicAuth.RETIRED)) {
            assertEquals(RETIRED, plain(b, "ayla@contoso.com", Cast.PASSWORD));
            assertEquals(RETIRED, login(b, "ayla@contoso.com", Cast.PASSWORD));
            assertEquals(OK, xoauth2(b, "ayla@contoso.com"));
        }
    }
}
