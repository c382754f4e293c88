package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.Folder;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static dev.behalf.mailstore.greenmail.NestedMessage.*;
import static dev.behalf.mailstore.greenmail.RawImap.item;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every FETCH body section over a real socket is the stored octets: HEADER then TEXT is BODY[], a part
 * is the part as sent, and BODYSTRUCTURE gives it the size of those octets. GreenMail's FETCH lost the body's
 * last line break and trailing blank lines from TEXT, the blank line from HEADER, and read parts without a
 * header as empty; its BODYSTRUCTURE counted each part's MIME header in its size. These fail with it.
 */
class FetchSectionsIT extends StartedDemoStore {

    @BeforeEach
    void deliver() {
        store.deliver(Demo.delivery(NestedMessage.bytes(), Placement.inbox(ayla)));
    }

    private RawImap signedIn() throws IOException {
        RawImap raw = new RawImap(store.imapPort());
        assertTrue(raw.command("LOGIN ayla " + Cast.PASSWORD).contains("OK"));
        assertTrue(raw.command("SELECT INBOX").contains("OK"));
        return raw;
    }

    @Test
    void headerThenTextIsTheWholeMessageAndEachIsAsStored() throws Exception {
        try (RawImap imap = signedIn()) {
            String reply = imap.command("FETCH 1 (BODY.PEEK[HEADER] BODY.PEEK[TEXT] BODY.PEEK[])");
            assertEquals(HEADER, item(reply, "BODY[HEADER]"));
            assertEquals(TEXT, item(reply, "BODY[TEXT]"));
            assertEquals(MESSAGE, item(reply, "BODY[]"));
            String rfc822 = imap.command("FETCH 1 (RFC822.HEADER RFC822.TEXT RFC822)");
            assertEquals(HEADER, item(rfc822, "RFC822.HEADER"));
            assertEquals(TEXT, item(rfc822, "RFC822.TEXT"));
            assertEquals(MESSAGE, item(rfc822, "RFC822"));
        }
    }

    @Test
    void partsMimeHeadersAndTheMessagePartsSectionsAreThePartsAsSent() throws Exception {
        try (RawImap imap = signedIn()) {
            String reply = imap.command("UID FETCH 1 (BODY.PEEK[1] BODY.PEEK[1.MIME] BODY.PEEK[2] BODY.PEEK[3.HEADER] "
                    + "BODY.PEEK[3.TEXT] BODY.PEEK[3.2] BODY.PEEK[3.2.MIME] BODY.PEEK[4] BODY.PEEK[4.MIME] BODY.PEEK[9])");
            assertEquals(PART1, item(reply, "BODY[1]"));
            assertEquals(PART1_MIME, item(reply, "BODY[1.MIME]"));
            assertEquals(PART2, item(reply, "BODY[2]"));
            assertEquals(INNER_HEADER, item(reply, "BODY[3.HEADER]"));
            assertEquals(INNER_TEXT, item(reply, "BODY[3.TEXT]"));
            assertEquals(INNER2, item(reply, "BODY[3.2]"));
            assertEquals(INNER2_MIME, item(reply, "BODY[3.2.MIME]"));
            assertEquals(PART4, item(reply, "BODY[4]"));
            assertEquals("\r\n", item(reply, "BODY[4.MIME]"));
            assertEquals(null, item(reply, "BODY[9]"));
            assertTrue(reply.startsWith("* 1 FETCH (UID 1 "), "UID FETCH names the UID: " + reply);
        }
    }

    @Test
    void headerFieldsArePickedByNameAsStoredAndPartialsCutTheSectionsOctets() throws Exception {
        try (RawImap imap = signedIn()) {
            String reply = imap.command("FETCH 1 (BODY.PEEK[HEADER.FIELDS (\"subject\" X-Folded)] BODY.PEEK[HEADER.FIELDS.NOT (From To Subject X-Folded MIME-Version)])");
            assertEquals("Subject: sections\r\nX-Folded: one\r\n two\r\n\r\n", item(reply, "BODY[HEADER.FIELDS (subject X-Folded)]"));
            assertEquals("Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n",
                    item(reply, "BODY[HEADER.FIELDS.NOT (From To Subject X-Folded MIME-Version)]"));
            String partial = imap.command("FETCH 1 (BODY.PEEK[TEXT]<" + (TEXT.length() - 6) + ".100> BODY.PEEK[]<0.4> BODY.PEEK[1]<9999.5>)");
            assertEquals("  \r\n\r\n", item(partial, "BODY[TEXT]<" + (TEXT.length() - 6) + ">"));
            assertEquals("From", item(partial, "BODY[]<0>"));
            assertEquals("", item(partial, "BODY[1]<9999>"));
            String two = imap.command("FETCH 1 (BODY.PEEK[]<0.4> BODY.PEEK[]<4.2> BODY.PEEK[]<0.4>)");
            assertEquals("From", item(two, "BODY[]<0>"));
            assertEquals(": ", item(two, "BODY[]<4>"));
            assertEquals(1, two.split("BODY\\[]<0>", -1).length - 1, "the same section and range is answered once: " + two);
        }
    }

    @Test
    void bodystructureGivesEachPartTheSizeAndLinesOfItsSection() throws Exception {
        try (RawImap imap = signedIn()) {
            String reply = imap.command("FETCH 1 (BODY BODYSTRUCTURE)");
            String body = "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 30 2)"
                    + "(\"application\" \"octet-stream\" NIL NIL NIL \"base64\" 16)"
                    // The enclosed message has no Date and no Message-ID: both NIL (GreenMail gave the internal date).
                    + "(\"message\" \"rfc822\" NIL NIL NIL \"7BIT\" 238 (NIL \"inner\" ((NIL NIL \"raymonds\" \"contoso.com\")) "
                    + "((NIL NIL \"raymonds\" \"contoso.com\")) ((NIL NIL \"raymonds\" \"contoso.com\")) NIL NIL NIL NIL NIL) "
                    + "((\"text\" \"plain\" NIL NIL NIL \"7BIT\" 11 1)(\"text\" \"html\" NIL NIL NIL \"7BIT\" 19 1) \"alternative\") 15)"
                    + "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 27 1) \"mixed\")";
            assertTrue(reply.startsWith("* 1 FETCH (BODY " + body + " BODYSTRUCTURE (("), reply);
            assertTrue(reply.contains(" \"mixed\" (\"boundary\" \"outer\") NIL NIL NIL))"), reply);
            assertEquals(30, PART1.length());
            assertEquals(238, PART3.length());
        }
    }

    @Test
    void aBodyFetchSetsSeenAndSaysSoAPeekDoesNotAndExamineNever() throws Exception {
        try (RawImap imap = signedIn()) {
            assertFalse(imap.command("FETCH 1 (BODY.PEEK[TEXT])").contains("FLAGS"));
            assertFalse(imap.command("FETCH 1 (FLAGS)").contains("\\Seen"));
            assertTrue(imap.command("EXAMINE INBOX").contains("OK"));
            assertFalse(imap.command("FETCH 1 (BODY[TEXT])").contains("\\Seen"));
            assertTrue(imap.command("SELECT INBOX").contains("OK"));
            String reply = imap.command("FETCH 1 (BODY[TEXT])");
            assertTrue(reply.contains("FLAGS (\\Seen)"), reply);
            assertEquals(TEXT, item(reply, "BODY[TEXT]"));
        }
    }

    @Test
    void malformedItemsAreRefusedWithTheReasonAndTheSessionGoesOn() throws Exception {
        try (RawImap imap = signedIn()) {
            assertTrue(imap.command("FETCH 1 (BODY[MIME])").contains("BAD Invalid section: MIME needs a part number"));
            assertTrue(imap.command("FETCH 1 (BODY[0])").contains("BAD Invalid part number: 0"));
            assertTrue(imap.command("FETCH 1 (BODY[TEXT]<5>)").contains("BAD"));
            assertTrue(imap.command("FETCH 1 (BINARY[1])").contains("BAD Invalid fetch attribute: BINARY["));
            assertTrue(imap.command("FETCH 1 (FLAGS").contains("BAD"));
            assertEquals(MESSAGE, item(imap.command("FETCH 1 BODY.PEEK[]"), "BODY[]"));
        }
    }

    @Test
    void sequenceSetsNameEachMessageOnceInOrderAndStarIsTheLast() throws Exception {
        store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "second"), Placement.inbox(ayla)));
        try (RawImap imap = signedIn()) {
            assertEquals("* 1 FETCH (UID 1)\r\n* 2 FETCH (UID 2)\r\n", responses(imap.command("FETCH 2,1:*,1 (UID)")));
            assertTrue(imap.command("FETCH *:2 (UID)").contains("* 2 FETCH (UID 2)"));
            assertTrue(imap.command("UID FETCH 7:* (FLAGS)").contains("* 2 FETCH (FLAGS () UID 2)"));
            assertEquals("", responses(imap.command("FETCH 3 (UID)")));
        }
    }

    @Test
    void aCommandGreenMailWouldReadAsFetchIsAnsweredFromTheStoreHoweverItIsSpelt() throws Exception {
        try (RawImap imap = signedIn()) {
            String longTag = "t".repeat(300);
            // Sent by hand: a 300-character tag, and spaces GreenMail's parser skips.
            imap.send(longTag + "  uid   fetch 1 BODY.PEEK[TEXT]\r\nr9 NOOP\r\n");
            String answer = imap.command("NOOP");
            assertEquals(TEXT, item(answer, "BODY[TEXT]"));
            assertTrue(answer.contains(longTag + " OK FETCH completed."), answer);
        }
    }

    @Test
    void jakartaMailReadsEachPartThroughImapAsSent() throws Exception {
        Store imap = Clients.imap(store, "ayla", Cast.PASSWORD);
        try {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Multipart parts = (Multipart) inbox.getMessage(1).getContent();
            assertEquals(4, parts.getCount());
            assertEquals(PART1, parts.getBodyPart(0).getContent());
            try (InputStream attachment = parts.getBodyPart(1).getInputStream()) {
                assertArrayEquals(ATTACHMENT, attachment.readAllBytes());
            }
            Part held = parts.getBodyPart(2);
            assertTrue(held.isMimeType("message/rfc822"));
            jakarta.mail.Message inner = (jakarta.mail.Message) held.getContent();
            assertEquals("inner", inner.getSubject());
            assertEquals(INNER2, ((Multipart) inner.getContent()).getBodyPart(1).getContent());
            assertEquals(PART4, parts.getBodyPart(3).getContent());
            // The sizes and lines Jakarta Mail has from BODYSTRUCTURE are those of the parts' octets.
            assertEquals(PART1.length(), parts.getBodyPart(0).getSize());
            assertEquals(2, ((jakarta.mail.internet.MimeBodyPart) parts.getBodyPart(0)).getLineCount());
            assertEquals(PART2.length(), parts.getBodyPart(1).getSize());
            assertEquals(PART3.length(), held.getSize());
            assertEquals(PART4.length(), parts.getBodyPart(3).getSize());
        } finally {
            imap.close();
        }
    }

    /** The reply without its tagged line: the untagged responses. */
    private static String responses(String reply) {
        return reply.substring(0, reply.lastIndexOf('\n', reply.length() - 2) + 1);
    }
}
