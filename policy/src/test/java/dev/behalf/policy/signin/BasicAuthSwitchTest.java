package dev.behalf.policy.signin;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The Basic-auth switch for SMTP: which setting wins, and what it leaves alone. */
class BasicAuthSwitchTest {
    private static final Directory DEMO = DemoDirectory.load();

    private static SignInDecision smtp(Directory d, BasicAuth stage, SignInSurface surface, String login, String password) {
        SignIn signIn = SignIn.builder(() -> d).throttle(SignInThrottle.Limits.off()).basicAuth(stage).build();
        return signIn.decide(new SignInAttempt(surface, InetAddress.getLoopbackAddress(), new Credential.Plain("", login, password)));
    }

    private static SignInDecision.Reason refused(SignInDecision d) {
        return assertInstanceOf(SignInDecision.Refused.class, d, String.valueOf(d)).reason();
    }

    @Test
    void theMailboxsSettingWinsOverTheOrganizations() {
        Directory tenantOff = DEMO.apply(List.of(new DirectoryChange.SetSmtpClientAuth(Optional.empty(), Optional.of(true))));
        assertEquals(SignInDecision.Reason.SMTP_AUTH_DISABLED_TENANT, refused(smtp(tenantOff, BasicAuth.ENABLED, SignInSurface.SMTP, "ayla", "P@ssw0rd")));
        Directory aylaOn = tenantOff.apply(List.of(new DirectoryChange.SetSmtpClientAuth(
                Optional.of(DEMO.account("ayla").orElseThrow().id()), Optional.of(false))));
        assertInstanceOf(SignInDecision.Accepted.class, smtp(aylaOn, BasicAuth.ENABLED, SignInSurface.SMTP, "ayla", "P@ssw0rd"));
        Directory terryOff = DEMO.apply(List.of(new DirectoryChange.SetSmtpClientAuth(
                Optional.of(DEMO.account("terrya").orElseThrow().id()), Optional.of(true))));
        assertEquals(SignInDecision.Reason.BASIC_AUTH_DISABLED, refused(smtp(terryOff, BasicAuth.ENABLED, SignInSurface.SMTP, "terrya", "P@ssw0rd")));
        assertInstanceOf(SignInDecision.Accepted.class, smtp(terryOff, BasicAuth.ENABLED, SignInSurface.SMTP, "ayla", "P@ssw0rd"));
    }

    @Test
    void aWrongPasswordStaysAWrongPasswordAndOtherSurfacesAreUntouched() {
        assertEquals(SignInDecision.Reason.WRONG_PASSWORD, refused(smtp(DEMO, BasicAuth.RETIRED, SignInSurface.SMTP, "ayla", "wrong")));
        assertEquals(SignInDecision.Reason.BASIC_AUTH_RETIRED, refused(smtp(DEMO, BasicAuth.RETIRED, SignInSurface.SMTP, "ayla", "P@ssw0rd")));
        assertEquals(SignInDecision.Reason.BASIC_AUTH_DISABLED, refused(smtp(DEMO, BasicAuth.DISABLED, SignInSurface.SMTP, "ayla", "P@ssw0rd")));
        assertInstanceOf(SignInDecision.Accepted.class, smtp(DEMO, BasicAuth.RETIRED, SignInSurface.IMAP, "ayla", "P@ssw0rd"));
    }
}
