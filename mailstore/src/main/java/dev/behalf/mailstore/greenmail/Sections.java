package dev.behalf.mailstore.greenmail;

import dev.behalf.message.HeaderField;
import dev.behalf.message.HeaderSection;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bytes of one IMAP body section of a stored message (RFC 3501 §6.4.5: {@code BODY[1.2.MIME]},
 * {@code BODY[HEADER.FIELDS (From)]}...), cut from the store's bytes, never re-serialised: so
 * {@code HEADER} followed by {@code TEXT} is {@code BODY[]} byte for byte, and a part is the octets the
 * sender sent.
 *
 * <p>One reading of each thing: a message's header ends where the store's header parser ended it
 * ({@link HeaderSection}, as {@code Message.bodyOffset} for the top level); header fields are that
 * parser's; the parts of a multipart are Jakarta Mail's {@code MimeMultipart}'s (as the web UI and Jakarta
 * clients read them), run over a stream that knows where in the bytes it is ({@link Positioned}); BODY and
 * BODYSTRUCTURE ({@link BodyStructure}) describe these same {@link Entity}s, so a part's octets and its place
 * and size in the body structure come from one reading. A multipart's
 * Content-Transfer-Encoding is ignored (RFC 2045 §6.4 allows only identity encodings there), as Dovecot
 * does.
 */
final class Sections {

    private Sections() {
    }

    /** What follows a section's part numbers. */
    enum Text { NONE, HEADER, FIELDS, FIELDS_NOT, TEXT, MIME }

    /**
     * A section as a FETCH names it.
     *
     * @param parts  the part numbers, each at least 1 ({@code 1.2} is {@code [1, 2]}); empty for the message
     * @param text   what of the part, or of the message it holds, is wanted
     * @param fields the field names of {@code HEADER.FIELDS} and {@code HEADER.FIELDS.NOT}, else empty
     */
    record Spec(int[] parts, Text text, List<String> fields) {
        Spec {
            parts = parts.clone();
            fields = List.copyOf(fields);
            if (text == Text.MIME && parts.length == 0) {
                throw new IllegalArgumentException("MIME needs a part number");
            }
        }
    }

    /**
     * The section's bytes, or null when the message has no such section (a part number past the last part,
     * {@code HEADER} of a part that holds no message): FETCH answers NIL.
     *
     * @param message    the stored bytes
     * @param bodyOffset where the store found the message's body
     */
    static byte[] read(byte[] message, int bodyOffset, Spec spec) {
        Entity top = Entity.message(message, bodyOffset);
        if (spec.parts().length == 0) {
            return text(top, spec);
        }
        Entity at = top;
        for (int n : spec.parts()) {
            at = at.part(n);
            if (at == null) {
                return null;
            }
        }
        return switch (spec.text()) {
            case NONE -> at.body();
            case MIME -> at.header();
            default -> at.isMessage() ? text(at.enclosed(), spec) : null;
        };
    }

    /** A section of a message (the top level, or one a message/rfc822 part holds). */
    private static byte[] text(Entity message, Spec spec) {
        return switch (spec.text()) {
            case NONE -> Arrays.copyOfRange(message.bytes, message.start, message.end);
            case HEADER -> message.header();
            case TEXT -> message.body();
            case FIELDS -> fields(message, spec.fields(), true);
            case FIELDS_NOT -> fields(message, spec.fields(), false);
            case MIME -> throw new IllegalStateException("MIME is a part's");
        };
    }

    /**
     * The fields with (or without) these names, as they are in the message, then the blank line (RFC 3501:
     * "the delimiting blank line between the header and the body is always included").
     */
    private static byte[] fields(Entity message, List<String> names, boolean matching) {
        byte[] header = Arrays.copyOfRange(message.bytes, message.start, message.content);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (HeaderField f : HeaderSection.read(header).fields()) {
            boolean named = false;
            for (String name : names) {
                named |= f.is(name);
            }
            if (named == matching) {
                out.write(header, f.start(), f.end() - f.start());
                if (header[f.end() - 1] != '\n') {
                    out.write('\r');
                    out.write('\n');
                }
            }
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Where the store's header parser ends the header of the message at {@code [from, to)}, reading a
     * growing prefix rather than a copy of the whole: a message nested a thousand deep is a thousand reads of
     * headers, not a thousand copies of the message. A prefix answers once the blank line and two octets
     * after it are inside it (a line end is at most CR CR LF, so no later octet can change it).
     */
    static int headerLength(byte[] bytes, int from, int to) {
        int length = to - from;
        for (int n = Math.min(length, 4096); ; n = (int) Math.min(length, 2L * n)) {
            int start = HeaderSection.read(Arrays.copyOfRange(bytes, from, from + n)).bodyStart();
            if (n == length || start < n - 2) {
                return start;
            }
        }
    }

    /**
     * A MIME entity in the stored bytes: its header {@code [start, content)}, its body {@code [content, end)}.
     * {@code root} is a message's own level (the top, or the message a message/rfc822 part holds), whose
     * part numbers go into its body; otherwise it is a body part.
     */
    record Entity(byte[] bytes, int start, int content, int end, boolean root) {

        /** The top level of a stored message whose body starts at {@code bodyOffset}. */
        static Entity message(byte[] bytes, int bodyOffset) {
            return new Entity(bytes, 0, bodyOffset, bytes.length, true);
        }

        /** This entity's header fields, read by the store's header parser. */
        HeaderSection headers() {
            return HeaderSection.read(header());
        }

        byte[] header() {
            return Arrays.copyOfRange(bytes, start, content);
        }

        byte[] body() {
            return Arrays.copyOfRange(bytes, content, end);
        }

        ContentType type() {
            return type(headers());
        }

        /** The Content-Type in these fields; text/plain when there is none or it does not parse (RFC 2045 §5.2). */
        static ContentType type(HeaderSection headers) {
            String value = headers.first("Content-Type").map(HeaderField::value).orElse("text/plain");
            try {
                return new ContentType(value);
            } catch (ParseException e) {
                return new ContentType("text", "plain", null);
            }
        }

        boolean isMessage() {
            return type().match("message/rfc822");
        }

        /** The message this message/rfc822 part holds: its body, with the header the store's parser finds in it. */
        Entity enclosed() {
            return new Entity(bytes, content, content + headerLength(bytes, content, end), end, true);
        }

        /**
         * Part {@code n} (from 1) below this entity, as RFC 3501 numbers them: a multipart's n-th part; a
         * message/rfc822 part's enclosed message's parts; a message that is not multipart (or is one that does
         * not parse) has one part, its body (with the message's header as that part's MIME header). Null when
         * there is none.
         */
        Entity part(int n) {
            ContentType type = type();
            List<Entity> parts = parts(type);
            if (!parts.isEmpty()) {
                return n <= parts.size() ? parts.get(n - 1) : null;
            }
            if (root) {
                return n == 1 ? new Entity(bytes, start, content, end, false) : null;
            }
            return type.match("message/rfc822") ? enclosed().part(n) : null;
        }

        /**
         * The parts of this entity when it is a multipart, by Jakarta Mail's reading; none when it is not, or
         * when it does not parse (then it is read as a single part, as Dovecot does).
         */
        List<Entity> parts(ContentType type) {
            if (!type.getPrimaryType().toLowerCase(Locale.ROOT).equals("multipart")) {
                return List.of();
            }
            List<Entity> out = new ArrayList<>();
            try {
                Parts multipart = new Parts(new Body(bytes, content, end, type.toString()));
                for (int i = 0; i < multipart.getCount(); i++) {
                    Part p = (Part) multipart.getBodyPart(i);
                    out.add(new Entity(bytes, p.from, p.contentFrom(), p.to, false));
                }
            } catch (MessagingException e) {
                return List.of();
            }
            return out;
        }
    }

    /**
     * A shared stream over a range of the stored bytes that knows the range, and whose sub-streams (the
     * ones Jakarta Mail makes for each part and its content) are alike.
     */
    static final class Positioned extends SharedByteArrayInputStream {
        Positioned(byte[] bytes, int offset, int length) {
            super(bytes, offset, length);
        }

        int from() {
            return start;
        }

        int to() {
            return count;
        }

        @Override
        public InputStream newStream(long from, long to) {
            if (from < 0) {
                throw new IllegalArgumentException("start < 0");
            }
            long end = to == -1 ? count - start : to;
            return new Positioned(buf, start + (int) from, (int) (end - from));
        }
    }

    /** A multipart's body as Jakarta Mail's parser reads it: the stored octets, undecoded. */
    private record Body(byte[] bytes, int from, int to, String contentType) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new Positioned(bytes, from, to - from);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "body";
        }
    }

    /** Jakarta Mail's multipart parser, keeping where each part it found lies. */
    private static final class Parts extends MimeMultipart {
        Parts(DataSource body) throws MessagingException {
            super(body);
        }

        @Override
        protected MimeBodyPart createMimeBodyPart(InputStream is) throws MessagingException {
            return new Part((Positioned) is);
        }
    }

    /** A part and its range: {@code [from, to)} in all, its content from {@link #contentFrom()}. */
    private static final class Part extends MimeBodyPart {
        final int from;
        final int to;

        Part(Positioned is) throws MessagingException {
            super(is);
            this.from = is.from();
            this.to = is.to();
        }

        int contentFrom() {
            return contentStream instanceof Positioned p ? p.from() : to;
        }
    }
}
