package dev.behalf.policy.signin;

import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.oauth.IdentityPlatform;
import dev.behalf.policy.oauth.TokenResult;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens from the identity platform, presented over XOAUTH2 and Graph and decided by {@link SignIn}: a token
 * is good only for its user, audience, scope and lifetime, and only with this tenant's key.
 */
class TokenSignInTest {
    static final String MAILER = Cast.MAILER_APP_ID;
    static final String SECRET = Cast.MAILER_SECRET;
    static final String EXCHANGE_DEFAULT = "https://outlook.office365.com/.default";

    private final Directory directory = DemoDirectory.load();
    private final SignInThrottleTest.ManualClock clock = new SignInThrottleTest.ManualClock();
    private final IdentityPlatform platform = new IdentityPlatform(() -> directory, clock, IdentityPlatform.DEFAULT_LIFETIME);
    private final SignIn signIn = SignIn.builder(() -> directory).clock(clock).throttle(SignInThrottle.Limits.off()).tokens(platform).build();

    private TokenResult request(String... fields) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return platform.token("contoso.com", form, (user, password) -> {
            SignInDecision d = signIn.decide(new SignInAttempt(SignInSurface.TOKEN, InetAddress.getLoopbackAddress(),
                    new Credential.Password(Mechanism.PASSWORD_GRANT, user, password)));
            return CompletableFuture.completedFuture(d instanceof SignInDecision.Accepted a ? Optional.of(a.account()) : Optional.<Recipient>empty());
        }).toCompletableFuture().join();
    }

    private String appToken(String scope) {
        return assertInstanceOf(TokenResult.Issued.class, request("grant_type", "client_credentials", "client_id", MAILER,
                "client_secret", SECRET, "scope", scope)).accessToken();
    }

    private String userToken(String user, String scope) {
        return assertInstanceOf(TokenResult.Issued.class, request("grant_type", "password", "client_id", MAILER,
                "client_secret", SECRET, "username", user, "password", "P@ssw0rd", "scope", scope)).accessToken();
    }

    private SignInDecision xoauth2(SignInSurface surface, String user, String token) {
        String raw = "user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001";
        Credential c = SaslExchange.xoauth2(Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        return signIn.decide(new SignInAttempt(surface, InetAddress.getLoopbackAddress(), c));
    }

    private static SignInDecision.Reason refused(SignInDecision d) {
        return assertInstanceOf(SignInDecision.Refused.class, d, String.valueOf(d)).reason();
    }

    @Test
    void aDelegatedTokenSignsItsUserInOnEveryProtocol() {
        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        for (SignInSurface s : new SignInSurface[]{SignInSurface.SMTP, SignInSurface.IMAP, SignInSurface.POP3}) {
            SignInDecision.Accepted a = assertInstanceOf(SignInDecision.Accepted.class, xoauth2(s, "ayla@contoso.com", token), s.name());
            assertEquals("Ayla Kol", a.account().name());
            assertEquals("Ayla Kol", a.mailbox().name());
        }
    }

    @Test
    void aTokenForOneUserIsRefusedForAnother() {
        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        SignInDecision d = xoauth2(SignInSurface.SMTP, "terrya@contoso.com", token);
        assertEquals(SignInDecision.Reason.TOKEN_WRONG_USER, refused(d));
        assertTrue(((SignInDecision.Refused) d).why().contains("Ayla Kol"), d.toString());
        // On IMAP another mailbox needs Full Access, as with a password: Jim Hance has it on Ayla Kol, not on Terry Adams.
        String jim = userToken("jimh@contoso.com", EXCHANGE_DEFAULT);
        assertEquals("Ayla Kol", assertInstanceOf(SignInDecision.Accepted.class, xoauth2(SignInSurface.IMAP, "ayla@contoso.com", jim)).mailbox().name());
        assertEquals(SignInDecision.Reason.NO_FULL_ACCESS, refused(xoauth2(SignInSurface.IMAP, "terrya@contoso.com", jim)));
    }

    @Test
    void anExpiredTokenIsRefusedAndTheRecordSaysSo() {
        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        clock.advance(IdentityPlatform.DEFAULT_LIFETIME.plusSeconds(1));
        SignInDecision d = xoauth2(SignInSurface.SMTP, "ayla@contoso.com", token);
        assertEquals(SignInDecision.Reason.TOKEN_EXPIRED, refused(d));
        assertTrue(((SignInDecision.Refused) d).why().contains("expired"), d.toString());
    }

    @Test
    void aForgedSignatureIsRefused() {
        // Another platform's key, and the same key id is not enough: the signature must verify.
        IdentityPlatform other = new IdentityPlatform(() -> directory, clock, Duration.ofHours(1));
        String foreign = other.sign(new IdentityPlatform.Claims("https://outlook.office365.com", platform.tenantId(), MAILER,
                directory.account("ayla").orElseThrow().id().toString(), Optional.of("ayla@contoso.com"), Optional.empty(),
                Set.of("SMTP.Send"), Set.of(), clock.instant(), clock.instant().plusSeconds(600)));
        assertEquals(SignInDecision.Reason.TOKEN_INVALID, refused(xoauth2(SignInSurface.SMTP, "ayla@contoso.com", foreign)));

        String token = userToken("ayla@contoso.com", EXCHANGE_DEFAULT);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("ayla@contoso.com", "kevink@contoso.com");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        SignInDecision d = xoauth2(SignInSurface.SMTP, "kevink@contoso.com", altered);
        assertEquals(SignInDecision.Reason.TOKEN_INVALID, refused(d));
        assertTrue(((SignInDecision.Refused) d).why().contains("signature"), d.toString());

        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertEquals(SignInDecision.Reason.TOKEN_INVALID, refused(xoauth2(SignInSurface.SMTP, "ayla@contoso.com", unsigned)));
        assertEquals(SignInDecision.Reason.TOKEN_INVALID, refused(xoauth2(SignInSurface.SMTP, "ayla@contoso.com", "not-a-jwt")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String graph = userToken("ayla@contoso.com", "https://graph.microsoft.com/.default");
        SignInDecision d = xoauth2(SignInSurface.IMAP, "ayla@contoso.com", graph);
        assertEquals(SignInDecision.Reason.TOKEN_WRONG_AUDIENCE, refused(d));
        assertTrue(((SignInDecision.Refused) d).why().contains("https://graph.microsoft.com"), d.toString());
    }

    @Test
    void aTokenWithoutTheSurfacesScopeIsRefused() {
        String smtpOnly = userToken("ayla@contoso.com", "https://outlook.office365.com/SMTP.Send");
        assertInstanceOf(SignInDecision.Accepted.class, xoauth2(SignInSurface.SMTP, "ayla@contoso.com", smtpOnly));
        SignInDecision d = xoauth2(SignInSurface.IMAP, "ayla@contoso.com", smtpOnly);
        assertEquals(SignInDecision.Reason.TOKEN_MISSING_SCOPE, refused(d));
        assertTrue(((SignInDecision.Refused) d).why().contains("IMAP.AccessAsUser.All"), d.toString());
    }

    @Test
    void anAppOnlyTokenActsAsTheMailboxesTheAppWasGranted() {
        String token = appToken(EXCHANGE_DEFAULT);
        SignInDecision.Accepted smtp = assertInstanceOf(SignInDecision.Accepted.class,
                xoauth2(SignInSurface.SMTP, "helpdesktickets@contoso.com", token));
        assertEquals("Helpdesk Tickets", smtp.account().name());
        SignInDecision.Accepted imap = assertInstanceOf(SignInDecision.Accepted.class,
                xoauth2(SignInSurface.IMAP, "helpdesktickets@contoso.com", token));
        assertEquals(Optional.of("app 'Contoso Mailer'"), imap.fullAccess().orElseThrow().trustee());
        assertEquals(SignInDecision.Reason.TOKEN_WRONG_USER, refused(xoauth2(SignInSurface.SMTP, "ayla@contoso.com", token)));
        assertEquals(SignInDecision.Reason.TOKEN_WRONG_USER, refused(xoauth2(SignInSurface.POP3, "ayla@contoso.com", token)));
    }

    @Test
    void theTokenEndpointAnswersAsEntraDoes() {
        TokenResult.Error secret = assertInstanceOf(TokenResult.Error.class, request("grant_type", "client_credentials",
                "client_id", MAILER, "client_secret", "wrong", "scope", EXCHANGE_DEFAULT));
        assertEquals(401, secret.status());
        assertEquals("invalid_client", secret.error());
        assertEquals(7000215, secret.code());
        TokenResult.Error password = assertInstanceOf(TokenResult.Error.class, request("grant_type", "password", "client_id", MAILER,
                "client_secret", SECRET, "username", "ayla@contoso.com", "password", "wrong", "scope", EXCHANGE_DEFAULT));
        assertEquals("invalid_grant", password.error());
        assertEquals(50126, password.code());
        TokenResult.Error unknown = assertInstanceOf(TokenResult.Error.class, request("grant_type", "client_credentials",
                "client_id", "11111111-2222-4333-8444-555555555555", "client_secret", SECRET, "scope", EXCHANGE_DEFAULT));
        assertEquals(700016, unknown.code());
        TokenResult.Error notDefault = assertInstanceOf(TokenResult.Error.class, request("grant_type", "client_credentials",
                "client_id", MAILER, "client_secret", SECRET, "scope", "https://outlook.office365.com/SMTP.SendAsApp"));
        assertEquals(1002012, notDefault.code());
        TokenResult.Error missing = assertInstanceOf(TokenResult.Error.class, request("client_id", MAILER));
        assertEquals(900144, missing.code());
        assertTrue(platform.isTenant(platform.tenantId()));
        assertFalse(platform.isTenant("fabrikam.com"));
        assertTrue(platform.jwks().contains(platform.keyId()));
        assertFalse(platform.jwks().contains("\"d\""), "the JWKS must not carry the private exponent");
    }

    @Test
    void xoauth2ResponsesThatAreNotXoauth2AreUnreadable() {
        String notFramed = Base64.getEncoder().encodeToString("user=ayla\u0001\u0001".getBytes(StandardCharsets.UTF_8));
        assertEquals(Credential.Flaw.NOT_XOAUTH2, assertInstanceOf(Credential.Unreadable.class, SaslExchange.xoauth2(notFramed)).flaw());
        assertEquals(Credential.Flaw.NOT_BASE64, assertInstanceOf(Credential.Unreadable.class, SaslExchange.xoauth2("%%%")).flaw());
        assertFalse(new Credential.Bearer(Mechanism.XOAUTH2, Optional.of("ayla"), "secret-token").toString().contains("secret-token"));
    }
}
