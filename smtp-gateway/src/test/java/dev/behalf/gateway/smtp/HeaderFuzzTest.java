package dev.behalf.gateway.smtp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.icegreen.greenmail.mail.MailAddress;
import dev.behalf.message.HeaderSection;
import dev.behalf.policy.decision.SenderRule;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes what the DATA step decides on against what readers are shown. Any bytes either fail one of the
 * checks before the delegation decision ({@link DataStage}: the line rule, 8-bit, the header parse, From,
 * the Sender shape, MIME) or are accepted; for an accepted message, rewritten as delivery rewrites it (a
 * stamped Sender with a fuzzed display name: CR, LF, quotes, non-ASCII), the From, Sender and Resent-From
 * mailboxes that IMAP ENVELOPE shows must be the ones the policy saw. ENVELOPE is built as GreenMail builds
 * it: the store's Jakarta Mail parse of the stored bytes ({@code mail.mime.allowutf8}), each From value
 * through {@code InternetAddress.parseHeader(value, false)}, each address through GreenMail's
 * {@link MailAddress} (which decodes RFC 2047 and splits at the last {@code @}), quotes taken off the local
 * part. CI replays {@code HeaderFuzzTestInputs/}; fuzz by hand with {@code JAZZER_FUZZ=1}.
 */
class HeaderFuzzTest {
    private static final Session STORE_SESSION;
    private static final String DELEGATE = "delegate@contoso.com";

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        STORE_SESSION = Session.getInstance(p);
    }

    @FuzzTest(maxDuration = "10s")
    void anAcceptedMessageShowsReadersTheMailboxesThePolicySaw(FuzzedDataProvider data) throws MessagingException {
        boolean utf8 = data.consumeBoolean();
        boolean body8 = data.consumeBoolean();
        String displayName = data.consumeString(64);
        byte[] raw = data.consumeRemainingAsBytes();
        Optional<ParsedMessage> accepted = acceptedBeforeTheDecision(raw, utf8, body8);
        if (accepted.isEmpty()) {
            return; // the documented refusal of bad input
        }
        ParsedMessage message = accepted.get();

        // What IMAP ENVELOPE shows of the submitted bytes is what the policy decided on...
        assertEquals(addresses(message.from()), envelope(raw, "From"), "From");
        assertEquals(addresses(message.resentFrom()), envelope(raw, "Resent-From"), "Resent-From");
        message.sender().ifPresent(s -> assertEquals(List.of(s.address()), envelope(raw, "Sender"), "Sender"));

        // ...and of the delivered bytes too, with exactly the Sender the gateway stamped.
        HeaderSection delivered = HeaderRewriter.rewrite(message, new HeaderRewriter.Rewrite(SenderRule.Action.STAMP_ACCOUNT,
                SenderRule.Action.STAMP_ACCOUNT, displayName, DELEGATE, List.of("Return-Path: <" + DELEGATE + ">"), List.of("X-Fuzz: 1")));
        byte[] out = delivered.raw();
        assertEquals(HeaderSection.read(out), delivered, "the section handed on is the section of the delivered bytes");
        assertEquals(addresses(message.from()), envelope(out, "From"), "delivered From");
        assertEquals(List.of(SmtpAddress.parse(DELEGATE)), envelope(out, "Sender"), "delivered Sender");
        assertEquals(addresses(message.resentFrom()), envelope(out, "Resent-From"), "delivered Resent-From");
        // The web UI reads with the same parser.
        assertEquals(addresses(message.from()), HeaderSection.read(out).from().stream().map(a -> parsed(a.address())).toList());
        ParsedMessage again;
        try {
            again = ParsedMessage.parse(out, utf8, new ParsedMessage.Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        } catch (MalformedMessageException e) {
            throw new AssertionError("the rewritten message no longer parses: " + e.getMessage(), e);
        }
        assertEquals(DELEGATE, again.sender().orElseThrow().address().toString());
        assertEquals(1, again.fields().stream().filter(f -> f.is("Sender")).count());
    }

    /** The checks of {@link DataStage} before the decision, which needs a directory, run as DATA runs them. */
    private static Optional<ParsedMessage> acceptedBeforeTheDecision(byte[] raw, boolean utf8, boolean body8) {
        MailParameters parameters = new MailParameters("a@contoso.com", OptionalLong.empty(), body8, utf8);
        Transaction tx = new Transaction(new AccountIdentity(RecipientId.forName("a"), "a"), "s",
                new InetSocketAddress("127.0.0.1", 25), Optional.empty(), false, parameters);
        DataStage.Submission s = new DataStage.Submission(tx, null, Optional.of(raw));
        List<Check<DataStage.Submission>> checks = new ArrayList<>(DataStage.messageChecks(SubmissionSettings.defaults("fuzz")));
        checks.remove(checks.size() - 1); // the delegation decision
        return Check.first(checks, s).isPresent() ? Optional.empty() : Optional.of(s.message);
    }

    private static List<SmtpAddress> addresses(List<Mailbox> mailboxes) {
        return mailboxes.stream().map(Mailbox::address).toList();
    }

    /** The mailboxes of every {@code field} value as GreenMail's ENVELOPE gives them, read back as addresses. */
    private static List<SmtpAddress> envelope(byte[] raw, String field) {
        String[] values;
        try {
            values = new MimeMessage(STORE_SESSION, new SharedByteArrayInputStream(raw)).getHeader(field);
        } catch (MessagingException e) {
            throw new AssertionError("the store can't parse an accepted message: " + e.getMessage(), e);
        }
        List<SmtpAddress> out = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(v, false)) {
                    MailAddress m = new MailAddress(a.getAddress());
                    String user = m.getUser();
                    if (user.startsWith("\"") && user.endsWith("\"") && user.length() >= 2) {
                        user = user.substring(1, user.length() - 1).replaceAll("\\\\(.)", "$1");
                    }
                    out.add(parsed(user + "@" + m.getHost()));
                }
            } catch (jakarta.mail.internet.AddressException e) {
                throw new AssertionError("ENVELOPE can't parse " + field + ": " + v, e);
            }
        }
        return out;
    }

    private static SmtpAddress parsed(String address) {
        return SmtpAddress.tryParse(address).orElseThrow(() -> new AssertionError("readers show '" + address
                + "', which is not the address the policy saw"));
    }
}
