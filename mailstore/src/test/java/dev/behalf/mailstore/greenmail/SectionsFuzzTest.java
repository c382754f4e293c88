package dev.behalf.mailstore.greenmail;

import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Any stored bytes (an IMAP APPEND can store anything) give every section and the body structure without an
 * exception, which would end the client's connection at each FETCH of the message; HEADER then TEXT is always
 * the whole message; a part's MIME header and body are the octets just before and after each other. 3,000
 * messages in the build (20,000 passed once, 26 s).
 */
class SectionsFuzzTest {
    private static final String[] PIECES = {
            "Content-Type: multipart/mixed; boundary=\"b\"", "Content-Type: multipart/alternative; boundary=c",
            "Content-Type: message/rfc822", "Content-Type: text/plain; charset=utf-8", "Content-Type: multipart/mixed",
            "Content-Type: ;;;", "Content-Type: multipart/mixed; boundary=\"\"", "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"x", "Content-Language: en,", "Subject: s", "From: a@b",
            "--b", "--b--", "--c", "--c--", "--", "", " folded", "\t", "text", "=?utf-8?q?x?=", "\u00e9t\u00e9",
            "MIME-Version: 1.0", "X: " + "y".repeat(300), ".", "\u0000",
    };
    private static final String[] ENDS = {"\r\n", "\n", "\r", "\r\r\n", ""};
    private static final List<Sections.Spec> SPECS = specs();

    private static List<Sections.Spec> specs() {
        List<Sections.Spec> out = new ArrayList<>();
        for (Sections.Text t : Sections.Text.values()) {
            List<String> fields = t == Sections.Text.FIELDS || t == Sections.Text.FIELDS_NOT ? List.of("Subject", "content-type") : List.of();
            for (int[] parts : new int[][]{{}, {1}, {2}, {1, 1}, {1, 2}, {2, 1}, {3}, {1, 1, 1}, {2, 2, 1}}) {
                if (t != Sections.Text.MIME || parts.length > 0) {
                    out.add(new Sections.Spec(parts, t, fields));
                }
            }
        }
        return out;
    }

    private static byte[] message(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            out.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
            out.writeBytes(ENDS[random.nextInt(10) < 7 ? 0 : random.nextInt(ENDS.length)].getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > 0 && random.nextInt(5) == 0) {
            bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        return bytes;
    }

    @Test
    void anyBytesGiveEverySectionAndTheStructureAndHeaderThenTextIsTheMessage() {
        Random random = new Random(20261204);
        for (int n = 0; n < 3_000; n++) {
            byte[] m = message(random);
            int body = HeaderSection.read(m).bodyStart();
            try {
                byte[] header = Sections.read(m, body, new Sections.Spec(new int[0], Sections.Text.HEADER, List.of()));
                byte[] text = Sections.read(m, body, new Sections.Spec(new int[0], Sections.Text.TEXT, List.of()));
                byte[] both = Arrays.copyOf(header, header.length + text.length);
                System.arraycopy(text, 0, both, header.length, text.length);
                assertArrayEquals(m, both);
                for (Sections.Spec spec : SPECS) {
                    Sections.read(m, body, spec);
                }
                for (int[] path : new int[][]{{1}, {2}, {1, 1}, {2, 1}}) {
                    byte[] mime = Sections.read(m, body, new Sections.Spec(path, Sections.Text.MIME, List.of()));
                    byte[] part = Sections.read(m, body, new Sections.Spec(path, Sections.Text.NONE, List.of()));
                    if (mime != null) {
                        byte[] joined = Arrays.copyOf(mime, mime.length + part.length);
                        System.arraycopy(part, 0, joined, mime.length, part.length);
                        assertTrue(indexOf(m, joined) >= 0, "a part's MIME header and body are adjacent octets of the message");
                    }
                }
                String s = BodyStructure.of(m, body, true, held -> "NIL");
                assertEquals('(', s.charAt(0));
                assertEquals(')', s.charAt(s.length() - 1));
                BodyStructure.of(m, body, false, held -> "NIL");
            } catch (RuntimeException | AssertionError e) {
                fail("message " + n + ": " + new String(m, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n"), e);
            }
        }
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
