package dev.behalf.gateway.it;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.policy.signin.SignInThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in table (policy's {@code seed/signin.yaml}) over real sockets, on every surface by every
 * mechanism it has: SMTP AUTH LOGIN and AUTH PLAIN; IMAP LOGIN quoted, unquoted (an atom, where the login
 * is one; with backslashes, as Exchange and Python's imaplib do) and as literals, and AUTHENTICATE PLAIN;
 * POP3 USER/PASS and AUTH PLAIN; Autodiscover's HTTP Basic. A sign-in that opens a mailbox is followed by
 * reading it, so the test sees which mailbox opened; an SMTP one by a submission From the account, which
 * only that account may send; an Autodiscover one by the settings it returns. Refusals are the exact
 * lines Exchange sends, the same for every reason. The throttle is off here (SignInThrottleIT tests it).
 */
class SignInSurfacesIT {
    private static final Path TABLE = Path.of("..", "policy", "src", "test", "resources", "seed", "signin.yaml");
    private static final String PASSWORD = Cast.PASSWORD;
    private static final Set<String> FRAMING_FLAWS = Set.of("NOT_BASE64", "NOT_SASL_PLAIN");
    private static final String SMTP_OK = "235 Authentication successful.";
    private static final String SMTP_FAILED = "535 5.7.3 Authentication unsuccessful";
    private static final String SMTP_UNREADABLE = "501 5.5.2 Invalid AUTH response";
    private static final String POP3_FAILED = "-ERR Logon failure: unknown user name or bad password.";

    private static RunningBehalf behalf;
    private static Map<String, String> addresses;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table() throws IOException {
        return new Yaml().load(Files.readString(TABLE, StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void start() throws Exception {
        behalf = Behalf.builder().directory(DemoDirectory.with(String.valueOf(table().get("add")))).allPortsEphemeral()
                .signInThrottle(SignInThrottle.Limits.off()).start();
        addresses = new LinkedHashMap<>();
        behalf.directory().current().recipients().forEach(r -> r.primarySmtpAddress().ifPresent(a -> addresses.put(r.name(), a.toString())));
        // A marker in each mailbox the table opens, so that a sign-in shows which mailbox it opened.
        for (String mailbox : List.of("Nina Proxy", "Pat Coleman", "Ayla Kol", "Jim Hance", "Helpdesk Tickets", "Helpdesk Support Team")) {
            try (SmtpClient s = new SmtpClient(behalf.ports().smtp())) {
                assertEquals(SMTP_OK, s.login("terrya", PASSWORD));
                String reply = s.transaction("terrya@contoso.com", addresses.get(mailbox),
                        "From: terrya@contoso.com\r\nTo: " + addresses.get(mailbox) + "\r\nSubject: inbox of " + mailbox + "\r\n\r\nmarker\r\n");
                assertTrue(reply.startsWith("250 "), reply);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (behalf != null) {
            behalf.close();
        }
    }

    /** A credential as the table gives it. */
    private record Case(String id, String login, String authzid, String authcid, String password, String raw, Map<String, Object> expect) {
        boolean hasLogin() {
            return login != null;
        }

        boolean sasl() {
            return raw == null;
        }

        /** The SASL PLAIN response, base64: the row's own bytes, or built from its fields. */
        String plain() {
            if (raw != null) {
                return raw;
            }
            String id = hasLogin() ? login : authcid;
            String z = hasLogin() ? "" : authzid;
            return Base64.getEncoder().encodeToString((z + "\0" + id + "\0" + password).getBytes(StandardCharsets.UTF_8));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> expected(boolean opensMailbox) {
            if (expect.containsKey("all")) {
                return (Map<String, Object>) expect.get("all");
            }
            return (Map<String, Object>) expect.get(opensMailbox ? "imap-pop3" : "smtp-autodiscover");
        }
    }

    /** One way of signing in over one protocol. */
    private enum Variant {
        SMTP_AUTH_LOGIN(false), SMTP_AUTH_PLAIN(false), IMAP_LOGIN_QUOTED(true), IMAP_LOGIN_ATOM(true), IMAP_LOGIN_LITERALS(true),
        IMAP_AUTHENTICATE_PLAIN(true), POP3_USER_PASS(true), POP3_AUTH_PLAIN(true), AUTODISCOVER_BASIC(false);

        final boolean opensMailbox;

        Variant(boolean opensMailbox) {
            this.opensMailbox = opensMailbox;
        }

        boolean applies(Case c) {
            return switch (this) {
                case SMTP_AUTH_LOGIN, IMAP_LOGIN_QUOTED, IMAP_LOGIN_LITERALS, POP3_USER_PASS, AUTODISCOVER_BASIC -> c.hasLogin();
                case IMAP_LOGIN_ATOM -> c.hasLogin() && atom(c.login()) && atom(c.password());
                case SMTP_AUTH_PLAIN, IMAP_AUTHENTICATE_PLAIN, POP3_AUTH_PLAIN -> true;
            };
        }
    }

    /** Whether IMAP LOGIN can carry the text unquoted: atom characters, plus backslashes (Exchange's leniency). */
    private static boolean atom(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c == '\\' || c > 0x20 && c < 0x7F && "(){%*\"]".indexOf(c) < 0);
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) table().get("cases")) {
            Map<String, Object> plain = (Map<String, Object>) row.getOrDefault("plain", Map.of());
            String password = String.valueOf(row.containsKey("password") ? row.get("password")
                    : plain.getOrDefault("password", PASSWORD));
            Case c = new Case(String.valueOf(row.get("id")), (String) row.get("login"), (String) plain.get("authzid"),
                    (String) plain.get("authcid"), password, (String) row.get("raw"), (Map<String, Object>) row.get("expect"));
            for (Variant v : Variant.values()) {
                if (v.applies(c)) {
                    out.add(Arguments.of(c.id() + " / " + v, c, v));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySurfaceSignsInOrRefusesAsTheTableSays(String name, Case c, Variant v) throws Exception {
        Map<String, Object> expected = c.expected(v.opensMailbox);
        String outcome = switch (v) {
            case SMTP_AUTH_LOGIN, SMTP_AUTH_PLAIN -> smtp(c, v, expected);
            case IMAP_LOGIN_QUOTED, IMAP_LOGIN_ATOM, IMAP_LOGIN_LITERALS, IMAP_AUTHENTICATE_PLAIN -> imap(c, v);
            case POP3_USER_PASS, POP3_AUTH_PLAIN -> pop3(c, v);
            case AUTODISCOVER_BASIC -> autodiscover(c, expected);
        };
        assertEquals(expectedOutcome(v, expected), outcome, name);
    }

    /** What the wire shows for the table's expectation on this variant. */
    private static String expectedOutcome(Variant v, Map<String, Object> expected) {
        if (expected.containsKey("refused")) {
            return switch (v) {
                case SMTP_AUTH_LOGIN, SMTP_AUTH_PLAIN -> FRAMING_FLAWS.contains(String.valueOf(expected.get("flaw"))) ? SMTP_UNREADABLE : SMTP_FAILED;
                case IMAP_AUTHENTICATE_PLAIN -> "a1 NO AUTHENTICATE failed.";
                case IMAP_LOGIN_QUOTED, IMAP_LOGIN_ATOM, IMAP_LOGIN_LITERALS -> "a1 NO LOGIN failed.";
                case POP3_USER_PASS, POP3_AUTH_PLAIN -> POP3_FAILED;
                case AUTODISCOVER_BASIC -> "401";
            };
        }
        String account = String.valueOf(expected.get("account"));
        String mailbox = String.valueOf(expected.get("mailbox"));
        return switch (v) {
            case SMTP_AUTH_LOGIN, SMTP_AUTH_PLAIN -> SMTP_OK + (addresses.containsKey(account) ? " then 250 as " + account : "");
            case IMAP_AUTHENTICATE_PLAIN -> "a1 OK AUTHENTICATE completed. Subject: inbox of " + mailbox;
            case IMAP_LOGIN_QUOTED, IMAP_LOGIN_ATOM, IMAP_LOGIN_LITERALS -> "a1 OK LOGIN completed. Subject: inbox of " + mailbox;
            case POP3_USER_PASS, POP3_AUTH_PLAIN -> "+OK Subject: inbox of " + mailbox;
            case AUTODISCOVER_BASIC -> addresses.containsKey(account) && mailboxTypes(account)
                    ? "200 LoginName " + addresses.get(account) : "200 Error 500";
        };
    }

    private static boolean mailboxTypes(String name) {
        return behalf.directory().current().recipients().stream().anyMatch(r -> r.name().equals(name) && r.type().hasMailbox());
    }

    /** The AUTH reply; after a 235, a message From the expected account's address shows who signed in. */
    private static String smtp(Case c, Variant v, Map<String, Object> expected) throws IOException {
        try (SmtpClient s = new SmtpClient(behalf.ports().smtp())) {
            s.reply();
            s.reply("EHLO table.client");
            String reply;
            if (v == Variant.SMTP_AUTH_LOGIN) {
                assertEquals("334 VXNlcm5hbWU6", s.send("AUTH LOGIN"));
                assertEquals("334 UGFzc3dvcmQ6", s.send(b64(c.login())));
                reply = s.send(b64(c.password()));
            } else {
                reply = s.send("AUTH PLAIN " + c.plain());
            }
            String account = String.valueOf(expected.get("account"));
            if (!reply.equals(SMTP_OK) || !addresses.containsKey(account)) {
                return reply;
            }
            String from = addresses.get(account);
            String sent = s.transaction(from, "terrya@contoso.com", "From: " + from + "\r\nSubject: as " + account + "\r\n\r\nhi\r\n");
            return reply + " then " + sent.substring(0, 3) + " as " + account;
        }
    }

    private static String imap(Case c, Variant v) throws IOException {
        try (SmtpClient t = new SmtpClient(behalf.ports().imap())) {
            t.readLine();
            String reply;
            switch (v) {
                case IMAP_LOGIN_QUOTED -> reply = tagged(t, "a1 LOGIN " + quoted(c.login()) + " " + quoted(c.password()));
                case IMAP_LOGIN_ATOM -> reply = tagged(t, "a1 LOGIN " + c.login() + " " + c.password());
                case IMAP_LOGIN_LITERALS -> {
                    byte[] user = c.login().getBytes(StandardCharsets.UTF_8);
                    byte[] pass = c.password().getBytes(StandardCharsets.UTF_8);
                    t.write("a1 LOGIN {" + user.length + "}\r\n");
                    assertEquals("+ OK", t.readLine(), "the server asks for the synchronizing literal");
                    t.write(user);
                    t.write(" {" + pass.length + "+}\r\n");
                    t.write(pass);
                    t.write("\r\n");
                    reply = tagged(t, "");
                }
                default -> {
                    if (c.plain().contains(" ")) {
                        // Not one atom: sent as the answer to the continuation instead of as SASL-IR.
                        t.write("a1 AUTHENTICATE PLAIN\r\n");
                        assertEquals("+ ", t.readLine());
                        reply = tagged(t, c.plain());
                    } else {
                        reply = tagged(t, "a1 AUTHENTICATE PLAIN " + c.plain());
                    }
                }
            }
            if (!reply.startsWith("a1 OK")) {
                return reply;
            }
            tagged(t, "a2 SELECT INBOX");
            t.write("a3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])\r\n");
            return reply + " " + subject(t, "a3 ");
        }
    }

    /** Sends {@code line} (when not empty) and returns the reply tagged as it is ({@code a1} for a continuation answer). */
    private static String tagged(SmtpClient t, String line) throws IOException {
        if (!line.isEmpty()) {
            t.write(line + "\r\n");
        }
        String tag = line.matches("a[0-9] .*") ? line.substring(0, 3) : "a1 ";
        for (String l = t.readLine(); l != null; l = t.readLine()) {
            if (l.startsWith(tag)) {
                return l;
            }
        }
        return "<closed>";
    }

    /** The Subject line among the reply lines up to the one starting with {@code end}. */
    private static String subject(SmtpClient t, String end) throws IOException {
        String subject = "no message";
        for (String line = t.readLine(); line != null && !line.startsWith(end); line = t.readLine()) {
            if (line.startsWith("Subject:")) {
                subject = line;
            }
        }
        return subject;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String pop3(Case c, Variant v) throws IOException {
        try (SmtpClient t = new SmtpClient(behalf.ports().pop3())) {
            t.readLine();
            String reply;
            if (v == Variant.POP3_USER_PASS) {
                t.write("USER " + c.login() + "\r\n");
                assertEquals("+OK", t.readLine());
                t.write("PASS " + c.password() + "\r\n");
            } else {
                t.write("AUTH PLAIN " + c.plain() + "\r\n");
            }
            reply = t.readLine();
            if (!reply.equals("+OK")) {
                return reply;
            }
            t.write("TOP 1 0\r\n");
            return reply + " " + subject(t, ".");
        }
    }

    private static String autodiscover(Case c, Map<String, Object> expected) {
        String email = addresses.getOrDefault(String.valueOf(expected.get("account")), "nobody@contoso.com");
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/"
                + "outlook/requestschema/2006\"><Request><EMailAddress>" + email + "</EMailAddress><AcceptableResponseSchema>"
                + "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>";
        Http.Reply r = Http.send(HttpRequest.newBuilder(Http.uri(behalf.ports().http(), "/autodiscover/autodiscover.xml"))
                .header("Content-Type", "text/xml")
                .header("Authorization", "Basic " + b64(c.login() + ":" + c.password()))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.status() != 200) {
            return String.valueOf(r.status());
        }
        int at = r.body().indexOf("<LoginName>");
        return at < 0 ? (r.body().contains("<ErrorCode>500</ErrorCode>") ? "200 Error 500" : "200 " + r.body())
                : "200 LoginName " + r.body().substring(at + 11, r.body().indexOf("</LoginName>", at));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
