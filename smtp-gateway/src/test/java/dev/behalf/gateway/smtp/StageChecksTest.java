package dev.behalf.gateway.smtp;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each stage's checks, in their order, without sockets: which refusal a command meets first. */
class StageChecksTest {
    private static final Directory DEMO = DemoDirectory.load();
    private static final SubmissionSettings SETTINGS = SubmissionSettings.defaults("localhost");
    private static final AccountIdentity JIM = new AccountIdentity(recipient("jimh").id(), "jimh");

    private static Recipient recipient(String identity) {
        return DemoDirectory.find(DEMO, identity);
    }

    private static SubmissionSettings settings(boolean enforceEnvelope) {
        return new SubmissionSettings("localhost", SETTINGS.dialect(), 1024 * 1024, 2, enforceEnvelope, SETTINGS.limits());
    }

    private static List<Check<MailStage.MailCommand>> mailChecks(boolean enforceEnvelope) {
        return MailStage.checks(settings(enforceEnvelope));
    }

    private static Optional<Refusal> mail(String argument, boolean inTransaction, Optional<AccountIdentity> account, boolean enforce) {
        return Check.first(mailChecks(enforce), MailStage.MailCommand.of(argument, inTransaction, account, DEMO)).map(Refused::refusal);
    }

    @Test
    void mailMeetsItsRefusalsInOrder() {
        assertEquals(Optional.of(Refusal.SENDER_ALREADY_GIVEN), mail("FROM:<nobody", true, Optional.empty(), false));
        assertEquals(Optional.of(Refusal.BAD_MAIL_SYNTAX), mail("TO:<jimh@contoso.com>", false, Optional.empty(), false));
        assertEquals(Optional.of(Refusal.TOO_BIG), mail("FROM:<jimh@contoso.com> SIZE=9999999", false, Optional.empty(), false));
        assertEquals(Optional.of(Refusal.NOT_AUTHENTICATED), mail("FROM:<bad address>", false, Optional.empty(), false));
        assertEquals(Optional.of(Refusal.BAD_SENDER_ADDRESS), mail("FROM:<no-at-sign>", false, Optional.of(JIM), false));
        assertEquals(Optional.of(Refusal.SMTPUTF8_REQUIRED), mail("FROM:<jürgen@contoso.com>", false, Optional.of(JIM), false));
        assertEquals(Optional.empty(), mail("FROM:<jürgen@contoso.com> SMTPUTF8", false, Optional.of(JIM), false));
        assertEquals(Optional.empty(), mail("FROM:<ayla@contoso.com>", false, Optional.of(JIM), false), "the envelope is not authorised by default");
        assertEquals(Optional.of(Refusal.DENIED_FROM), mail("FROM:<ayla@contoso.com>", false, Optional.of(JIM), true));
        assertEquals(Optional.empty(), mail("FROM:<>", false, Optional.of(JIM), true), "the null path");
    }

    @Test
    void anEnvelopeDenialCarriesItsDecisionForTheRecord() {
        Refused r = Check.first(mailChecks(true), MailStage.MailCommand.of("FROM:<ayla@contoso.com>", false, Optional.of(JIM), DEMO)).orElseThrow();
        assertEquals("FULL_ACCESS_ONLY", r.denied().orElseThrow().because().reason().name());
    }

    private static Transaction tx(String mailArgument) {
        return new Transaction(JIM, "s1", new InetSocketAddress("127.0.0.1", 1), Optional.empty(), false, MailParameters.parse(mailArgument));
    }

    private static Optional<Refusal> rcpt(String argument, Optional<Transaction> tx) {
        return Check.first(RcptStage.checks(settings(false)), RcptStage.RcptCommand.of(argument, tx, DEMO)).map(Refused::refusal);
    }

    @Test
    void rcptMeetsItsRefusalsInOrder() {
        Transaction tx = tx("FROM:<jimh@contoso.com>");
        assertEquals(Optional.of(Refusal.NEED_MAIL), rcpt("TO:<terrya@contoso.com>", Optional.empty()));
        assertEquals(Optional.of(Refusal.BAD_RCPT_SYNTAX), rcpt("FROM:<terrya@contoso.com>", Optional.of(tx)));
        assertEquals(Optional.of(Refusal.BAD_RECIPIENT_ADDRESS), rcpt("TO:<terrya>", Optional.of(tx)));
        assertEquals(Optional.of(Refusal.SMTPUTF8_REQUIRED), rcpt("TO:<jürgen@bücher.example>", Optional.of(tx)));
        assertEquals(Optional.of(Refusal.RECIPIENT_NOT_FOUND), rcpt("TO:<nobody@contoso.com>", Optional.of(tx)));
        assertEquals(Optional.empty(), rcpt("TO:<\"terrya\"@contoso.com> NOTIFY=NEVER", Optional.of(tx)));
        tx.recipients.add(dev.behalf.policy.directory.SmtpAddress.parse("terrya@contoso.com"));
        tx.recipients.add(dev.behalf.policy.directory.SmtpAddress.parse("raymonds@contoso.com"));
        assertEquals(Optional.of(Refusal.TOO_MANY_RECIPIENTS), rcpt("TO:<bad", Optional.of(tx)));
    }

    @Test
    void dataNeedsMailAndARecipientBeforeThe354() {
        List<Check<Optional<Transaction>>> checks = DataStage.startChecks();
        assertEquals(Optional.of(Refusal.NEED_MAIL), Check.first(checks, Optional.<Transaction>empty()).map(Refused::refusal));
        Transaction tx = tx("FROM:<jimh@contoso.com>");
        assertEquals(Optional.of(Refusal.NEED_RCPT), Check.first(checks, Optional.of(tx)).map(Refused::refusal));
        tx.recipients.add(dev.behalf.policy.directory.SmtpAddress.parse("terrya@contoso.com"));
        assertEquals(Optional.empty(), Check.first(checks, Optional.of(tx)));
    }

    private static Optional<Refusal> message(String mailArgument, byte[] raw) {
        Transaction tx = tx(mailArgument);
        tx.recipients.add(dev.behalf.policy.directory.SmtpAddress.parse("terrya@contoso.com"));
        DataStage.Submission s = new DataStage.Submission(tx, DEMO, raw == null ? Optional.empty() : Optional.of(raw));
        return Check.first(DataStage.messageChecks(SETTINGS), s).map(Refused::refusal);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEndOfDataMeetsItsRefusalsInOrder() {
        String from = "FROM:<jimh@contoso.com>";
        assertEquals(Optional.of(Refusal.TOO_BIG), message(from, null));
        // The line rule comes before 8-bit and the header parse: a NUL, then a bare CR, each wins over what follows.
        assertEquals(Optional.of(Refusal.NUL_CHARACTERS), message(from, bytes("From: jimh@contoso.com\r\n\0\rx\u00e9\r\n")));
        assertEquals(Optional.of(Refusal.BARE_CARRIAGE_RETURN), message(from, bytes("From: jimh@contoso.com\r\n\rx\u00e9\r\n")));
        assertEquals(Optional.of(Refusal.EIGHT_BIT_NOT_DECLARED), message(from, bytes("From: jimh@contoso.com\r\n\r\n\u00e9\r\n")));
        byte[] lastByte8Bit = bytes("From: jimh@contoso.com\r\n\r\nhi\r\n?");
        lastByte8Bit[lastByte8Bit.length - 1] = (byte) 0x80; // not UTF-8 either: any byte over 127 is 8-bit data
        assertEquals(Optional.of(Refusal.EIGHT_BIT_NOT_DECLARED), message(from, lastByte8Bit));
        byte[] past = bytes("From: jimh@contoso.com\r\n\r\n" + "a".repeat(DataStage.EightBitDeclared.EIGHT_BIT_WINDOW) + "\r\n");
        past[past.length - 3] = (byte) 0xff; // in the second window the check reads
        assertEquals(Optional.of(Refusal.EIGHT_BIT_NOT_DECLARED), message(from, past));
        assertEquals(Optional.of(Refusal.EIGHT_BIT_HEADERS_WITHOUT_SMTPUTF8),
                message(from + " BODY=8BITMIME", bytes("From: J\u00efm <jimh@contoso.com>\r\n\r\n\u00e9\r\n")));
        assertEquals(Optional.of(Refusal.NO_FROM), message(from, bytes("Subject: x\r\n\r\nhi\r\n")));
        assertEquals(Optional.of(Refusal.SEVERAL_FROM_WITHOUT_SENDER), message(from, bytes("From: jimh@contoso.com, ayla@contoso.com\r\n\r\n")));
        assertEquals(Optional.of(Refusal.SEVERAL_RESENT_FROM_WITHOUT_RESENT_SENDER),
                message(from, bytes("Resent-From: jimh@contoso.com, JimH@contoso.com\r\nFrom: jimh@contoso.com\r\n\r\n")));
        assertEquals(Optional.of(Refusal.DENIED_FROM), message(from, bytes("Resent-From: ayla@contoso.com\r\nFrom: jimh@contoso.com\r\n\r\n")));
        assertEquals(Optional.of(Refusal.DENIED_FROM), message(from, bytes("From: ayla@contoso.com\r\n\r\n")));
        assertEquals(Optional.empty(), message(from, bytes("From: jimh@contoso.com\r\n\r\nhi\r\n")));
    }

    @Test
    void authBeforeStartTlsIsRefusedWhereTlsIsRequired() {
        assertEquals(Optional.of(Refusal.ENCRYPTION_REQUIRED),
                Check.first(AuthStage.checks(), new AuthStage.AuthCommand(true, false)).map(Refused::refusal));
        assertEquals(Optional.empty(), Check.first(AuthStage.checks(), new AuthStage.AuthCommand(true, true)));
        assertEquals(Optional.empty(), Check.first(AuthStage.checks(), new AuthStage.AuthCommand(false, false)));
    }

    /** A connect check that records what happened to it. */
    private record Recorder(String name, boolean admits, List<String> log) implements SessionHandler {
        public SessionAcceptance accept(Session session) {
            log.add(name + " accept");
            return admits ? SessionAcceptance.success() : SessionAcceptance.failure(421, "4.3.2 no");
        }

        public void onSessionEnd(Session session) {
            log.add(name + " end");
        }
    }

    @Test
    void theFirstConnectRefusalWinsAndTheChecksThatAdmittedAreToldTheSessionEnded() {
        List<String> log = new ArrayList<>();
        ConnectStage stage = new ConnectStage(List.of(new Recorder("a", true, log), new Recorder("b", false, log), new Recorder("c", true, log)));
        SessionHandler.SessionAcceptance a = stage.accept(null);
        assertFalse(a.accepted());
        assertEquals(421, a.errorCode());
        assertEquals(List.of("a accept", "b accept", "a end"), log);
        log.clear();
        ConnectStage open = new ConnectStage(List.of(new Recorder("a", true, log), new Recorder("c", true, log)));
        assertTrue(open.accept(null).accepted());
        open.onSessionEnd(null);
        assertEquals(List.of("a accept", "c accept", "c end", "a end"), log);
    }
}
