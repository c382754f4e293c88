package dev.behalf.policy.signin;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.policy.seed.Row;
import dev.behalf.policy.seed.SeedFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Every case of {@code seed/signin.yaml} on every surface, decided by {@link SignIn} (throttle off): the
 * decision, who signed in and what opened, or the refusal reason, and the login form observers see.
 */
class SignInTableTest {
    static final String FILE = "signin.yaml";
    static final String PASSWORD = Cast.PASSWORD;
    private static final Directory DIRECTORY = directory();

    /** The demo directory plus the table's {@code add}. */
    static Directory directory() {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) SeedFile.load(FILE);
        return DemoDirectory.with(String.valueOf(doc.get("add")));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Row row : SeedFile.rows(FILE, "cases")) {
            for (SignInSurface surface : SignInSurface.values()) {
                for (Credential c : credentials(row, surface)) {
                    out.add(Arguments.of(row.id() + " / " + surface + " " + c.mechanism().label(), row, surface, c));
                }
            }
        }
        return out.stream();
    }

    /** The credentials a case sends on a surface: a login by the surface's password mechanisms, SASL where it has SASL. */
    static List<Credential> credentials(Row row, SignInSurface surface) {
        boolean sasl = surface != SignInSurface.AUTODISCOVER && surface != SignInSurface.TOKEN;
        if (surface == SignInSurface.GRAPH) {
            // Graph takes bearer tokens only (TokenSignInTest).
            return List.of();
        }
        if (row.has("login")) {
            String login = row.text("login");
            String password = row.optionalText("password").orElse(PASSWORD);
            Mechanism own = switch (surface) {
                case SMTP -> Mechanism.LOGIN;
                case IMAP -> Mechanism.LOGIN_COMMAND;
                case POP3 -> Mechanism.USER_PASS;
                case AUTODISCOVER -> Mechanism.BASIC;
                case TOKEN -> Mechanism.PASSWORD_GRANT;
                case GRAPH -> throw new AssertionError("no passwords on Graph");
            };
            List<Credential> list = new ArrayList<>(List.of(new Credential.Password(own, login, password)));
            if (sasl) {
                list.add(new Credential.Plain("", login, password));
            }
            return list;
        }
        if (!sasl) {
            return List.of();
        }
        if (row.has("plain")) {
            Row p = row.row("plain");
            return List.of(new Credential.Plain(p.text("authzid"), p.text("authcid"), p.optionalText("password").orElse(PASSWORD)));
        }
        return List.of(SaslExchange.plain(row.text("raw")));
    }

    /** The expectation for a surface: {@code all}, or the group the surface belongs to. */
    static Row expectation(Row row, SignInSurface surface) {
        Row expect = row.row("expect");
        if (expect.has("all")) {
            return expect.row("all");
        }
        return expect.row(surface.opensMailbox() ? "imap-pop3" : "smtp-autodiscover");
    }

    private static String summary(SignInDecision d) {
        return d instanceof SignInDecision.Accepted a ? "Accepted " + a.account().name() + " opening " + a.mailbox().name() + " (" + a.how() + ")"
                : d.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySurfaceDecidesEveryCaseAlike(String name, Row row, SignInSurface surface, Credential credential) throws Exception {
        SignIn signIn = SignIn.builder(() -> DIRECTORY).throttle(SignInThrottle.Limits.off()).build();
        AtomicReference<SignInEvent> seen = new AtomicReference<>();
        signIn.subscribe(seen::set);
        SignInDecision decision = signIn.decide(new SignInAttempt(surface, InetAddress.getLoopbackAddress(), credential));
        Row expect = expectation(row, surface);
        String context = name + " (" + credential + ") decided " + summary(decision);
        if (expect.has("refused")) {
            SignInDecision.Refused refused = assertInstanceOf(SignInDecision.Refused.class, decision, context);
            assertEquals(expect.text("refused"), refused.reason().name(), context);
            expect.optionalText("flaw").ifPresent(f ->
                    assertEquals(f, assertInstanceOf(Credential.Unreadable.class, credential, context).flaw().name(), context));
        } else {
            SignInDecision.Accepted accepted = assertInstanceOf(SignInDecision.Accepted.class, decision, context);
            assertEquals(expect.text("account"), accepted.account().name(), context);
            assertEquals(expect.text("mailbox"), accepted.mailbox().name(), context);
            assertEquals(accepted.account().equals(accepted.mailbox()), accepted.fullAccess().isEmpty(), context);
        }
        assertEquals(row.text("form"), seen.get().form().name(), context);
        assertEquals(surface, seen.get().surface(), context);
        assertEquals(decision, seen.get().decision(), context);
    }
}
