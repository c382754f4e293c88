package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.ImapValue;
import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvelopeTest {

    private static String envelope(String header) {
        return Envelope.of(HeaderSection.read((header + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyFieldInRfc3501sOrderEachAsWritten() {
        assertEquals("(\"Thu, 03 Dec 2026 10:00:00 -0800 (PST)\" \"=?UTF-8?Q?caf=C3=A9?= menu\" "
                        + "((\"Ayla Kol\" NIL \"ayla\" \"contoso.com\")) ((\"Jim Hance\" NIL \"jimh\" \"contoso.com\")) "
                        + "((NIL NIL \"team\" \"contoso.com\")) ((NIL NIL \"terrya\" \"contoso.com\")(\"R\" NIL \"raymonds\" \"contoso.com\")) "
                        + "((NIL NIL \"cc\" \"example.com\")) ((NIL NIL \"bcc\" \"example.com\")) \"<parent@x>\" \"<id@x>\")",
                envelope("Date: Thu, 03 Dec 2026 10:00:00 -0800 (PST)\r\n"
                        + "Subject: =?UTF-8?Q?caf=C3=A9?=\r\n menu\r\n"
                        + "From: Ayla Kol <ayla@contoso.com>\r\n"
                        + "Sender: Jim Hance <jimh@contoso.com>\r\n"
                        + "Reply-To: team@contoso.com\r\n"
                        + "To: terrya@contoso.com, R <raymonds@contoso.com>\r\n"
                        + "Cc: cc@example.com\r\n"
                        + "Bcc: bcc@example.com\r\n"
                        + "In-Reply-To: <parent@x>\r\n"
                        + "Message-ID: <id@x>\r\n"));
    }

    @Test
    void aMissingFieldIsNilAndAMissingOrEmptySenderOrReplyToIsTheFrom() {
        String from = "((\"Ayla Kol\" NIL \"ayla\" \"contoso.com\"))";
        assertEquals("(NIL NIL " + from + " " + from + " " + from + " NIL NIL NIL NIL NIL)",
                envelope("From: Ayla Kol <ayla@contoso.com>\r\n"));
        assertEquals("(NIL NIL " + from + " " + from + " " + from + " NIL NIL NIL NIL NIL)",
                envelope("From: Ayla Kol <ayla@contoso.com>\r\nSender: \r\nReply-To:\r\nDate:  \r\nSubject:\r\n"));
        assertEquals("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", envelope("X-Nothing: here\r\n"));
    }

    @Test
    void aGroupIsItsStartMarkerItsMembersAndItsEndMarker() {
        assertEquals("((NIL NIL \"Team\" NIL)(NIL NIL \"a\" \"b.com\")(\"B\" NIL \"b\" \"c.com\")(NIL NIL NIL NIL)"
                        + "(NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL))",
                field(envelope("To: Team: a@b.com, \"B\" <b@c.com>;, undisclosed-recipients:;\r\n"), 5));
    }

    @Test
    void textThatNoQuotedStringCanCarryIsALiteralAndQuotesAreEscaped() {
        byte[] subject = "Grüße".getBytes(StandardCharsets.UTF_8);
        assertEquals("{" + subject.length + "}\r\nGr\u00c3\u00bc\u00c3\u009fe",
                field(envelope("Subject: Grüße\r\n"), 1));
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", field(envelope("Subject: say \"hi\" \\ bye\r\n"), 1));
        // A tab is a TEXT-CHAR: quoted (RFC 3501), as the folded name's own tab is.
        assertEquals("\"a\tb\"", field(envelope("Subject: a\tb\r\n"), 1));
        assertEquals("((\"Jim\tHance\" NIL \"jimh\" \"contoso.com\"))",
                field(envelope("From:\r\n Jim\r\n\tHance\r\n <jimh@contoso.com>\r\n"), 2));
    }

    @Test
    void addressesKeepWhatGreenMailsEnvelopeGaveClients() {
        // A non-ASCII name encoded as UTF-8, line breaks an encoded-word carried removed, a quoted local part unquoted,
        // an address without @ given an empty host (NIL there would mark a group).
        assertEquals("((\"=?UTF-8?Q?J=C3=BCrgen?=\" NIL \"ayla\" \"contoso.com\")(\"ab\" NIL \"john doe\" \"example.com\")"
                        + "(NIL NIL \"nobody\" \"\"))",
                field(envelope("From: =?UTF-8?Q?J=C3=BCrgen?= <ayla@contoso.com>, =?UTF-8?Q?a=0D=0Ab?= <\"john doe\"@example.com>,"
                        + " nobody\r\n"), 2));
    }

    /** The {@code n}th item of an envelope as written (0 = date), the envelope read strictly. */
    private static String field(String envelope, int n) {
        return ImapValue.items(envelope).get(n);
    }
}
