package dev.behalf.policy.signin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SASL PLAIN and LOGIN, step by step, as every surface runs them. */
class SaslExchangeTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loginAsksForTheUserNameThenThePassword() {
        SaslExchange sasl = SaslExchange.start("login").orElseThrow();
        assertEquals(new SaslExchange.Challenge("VXNlcm5hbWU6"), sasl.initial(Optional.empty()));
        assertEquals(new SaslExchange.Challenge("UGFzc3dvcmQ6"), sasl.respond(b64("jimh")));
        assertEquals(new SaslExchange.Done(new Credential.Password(Mechanism.LOGIN, "jimh", "P@ssw0rd")), sasl.respond(b64("P@ssw0rd")));
    }

    @Test
    void loginTakesTheUserNameAsInitialResponse() {
        SaslExchange sasl = SaslExchange.start("LOGIN").orElseThrow();
        assertEquals(new SaslExchange.Challenge("UGFzc3dvcmQ6"), sasl.initial(Optional.of(b64("Jöran"))));
        SaslExchange.Done done = (SaslExchange.Done) sasl.respond(" " + b64("pw") + " ");
        assertEquals("Jöran", done.credential().login());
    }

    @Test
    void loginStepsThatAreNotBase64OrNotUtf8AreUnreadable() {
        assertEquals(new SaslExchange.Done(new Credential.Unreadable(Mechanism.LOGIN, Credential.Flaw.NOT_BASE64)),
                SaslExchange.start("LOGIN").orElseThrow().initial(Optional.of("not base64")));
        SaslExchange sasl = SaslExchange.start("LOGIN").orElseThrow();
        sasl.initial(Optional.of(b64("jimh")));
        assertEquals(new SaslExchange.Done(new Credential.Unreadable(Mechanism.LOGIN, Credential.Flaw.NOT_UTF8)),
                sasl.respond(Base64.getEncoder().encodeToString(new byte[]{'p', (byte) 0xC3, '('})));
    }

    @Test
    void plainWaitsForItsResponseWhenTheCommandHasNone() {
        SaslExchange sasl = SaslExchange.start("PLAIN").orElseThrow();
        assertEquals(new SaslExchange.Challenge(""), sasl.initial(Optional.empty()));
        assertEquals(new SaslExchange.Done(new Credential.Plain("ayla", "jimh", "P@ssw0rd")), sasl.respond(b64("ayla\0jimh\0P@ssw0rd")));
    }

    @Test
    void anEqualsSignIsAnEmptyResponse() {
        assertEquals(new SaslExchange.Done(new Credential.Unreadable(Mechanism.PLAIN, Credential.Flaw.NOT_SASL_PLAIN)),
                SaslExchange.start("PLAIN").orElseThrow().initial(Optional.of("=")));
    }

    @Test
    void xoauth2StartsWithAnEmptyChallengeAndEndsWithABearer() {
        SaslExchange x = SaslExchange.start("xoauth2").orElseThrow();
        assertEquals(new SaslExchange.Challenge(""), x.initial(Optional.empty()));
        String raw = java.util.Base64.getEncoder().encodeToString("user=ayla@contoso.com\u0001auth=Bearer abc.def.ghi\u0001\u0001"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new SaslExchange.Done(new Credential.Bearer(Mechanism.XOAUTH2, Optional.of("ayla@contoso.com"), "abc.def.ghi")),
                x.respond(raw));
    }

    @Test
    void otherMechanismsAreNotOffered() {
        assertTrue(SaslExchange.start("CRAM-MD5").isEmpty());
        assertTrue(SaslExchange.start("OAUTHBEARER").isEmpty());
    }

    @Test
    void plainKeepsUtf8AndNeverPrintsThePassword() {
        Credential c = SaslExchange.plain(b64("\0jörg@contoso.com\0pässwörd"));
        assertEquals(new Credential.Plain("", "jörg@contoso.com", "pässwörd"), c);
        assertTrue(!c.toString().contains("pässwörd"), c.toString());
    }
}
