package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.ImapValue;
import dev.behalf.message.Address;
import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a header section holds, its ENVELOPE is one well-formed IMAP value: ten items, each NIL, a quoted
 * string with only RFC 3501's escapes, a literal of exactly its length, or a list of them; no CR or LF outside a
 * literal, so nothing in a header can end the FETCH line and make the client read a response of the sender's
 * making. And the From it lists has as many mailboxes as the policy's reading of From ({@link HeaderSection#from}).
 */
class EnvelopeFuzzTest {
    private static final String[] PIECES = {
            "a@b.com", "\"Quoted, Name\" <q@x.org>", "(comment) c@d.net", "=?UTF-8?B?QWRtaW4=?= <e@f.com>", "Grp: g@h.com, i@j.com;",
            "undisclosed-recipients:;", "\\", "\"", "<", ">", ",", ";", ":", "@", "\t", " ", "\u00e9", "\u00fc\u00df", "\r\n ",
            "\r\n\t", "x", "=?UTF-8?Q?a=0D=0A*_1_FETCH_(FLAGS_(\\Seen))?=", "{5}", "NIL", "(", ")", "\"\\\"\"", "<\"q\\\"uote\"@k.com>",
            ")\r\n* 1 FETCH (", "\u0001", "\u007f", "=?", "?=", "[1.2.3.4]", "x@[IPv6:::1]",
    };
    private static final String[] FIELDS = {"From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID",
            "In-Reply-To"};

    @Test
    void everyEnvelopeIsOneWellFormedValueWhateverTheHeaderHolds() {
        Random random = new Random(20261204);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder();
            for (int f = random.nextInt(12); f > 0; f--) {
                header.append(FIELDS[random.nextInt(FIELDS.length)]).append(':');
                for (int p = random.nextInt(6); p > 0; p--) {
                    header.append(PIECES[random.nextInt(PIECES.length)]);
                }
                header.append("\r\n");
            }
            byte[] message = (header + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
            HeaderSection headers = HeaderSection.read(message);
            String envelope = Envelope.of(headers);
            List<Object> items;
            try {
                items = ImapValue.whole(envelope);
            } catch (IllegalStateException e) {
                throw new AssertionError("not one IMAP value for " + header, e);
            }
            assertEquals(10, items.size(), envelope);
            List<Address> from = headers.from();
            int mailboxes = 0;
            for (Address a : from) {
                mailboxes += a.group() ? 0 : 1;
            }
            if (items.get(2) instanceof List<?> listed) {
                int shown = 0;
                for (Object o : listed) {
                    List<?> address = (List<?>) o;
                    shown += address.get(3) != null ? 1 : 0;
                }
                assertTrue(shown >= mailboxes, "From lists " + shown + " mailboxes, the policy read " + mailboxes + ": " + envelope);
            } else {
                assertTrue(from.isEmpty(), "From NIL but the policy read " + from + ": " + envelope);
            }
        }
    }
}
