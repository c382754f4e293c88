package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.greenmail.Sections.Entity;
import dev.behalf.message.HeaderSection;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;

import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * IMAP's BODY and BODYSTRUCTURE of a stored message (RFC 3501 §7.4.2), from the same reading of its parts
 * as the body sections ({@link Sections.Entity}), so a part's size is the number of octets {@code BODY[n]}
 * returns and its lines are theirs.
 *
 * <p>Why not GreenMail's: 2.1.13 gives each part's size and lines as those of the part written out again
 * with its MIME header (and a single-part message's as the whole message's), not of its body; a part of
 * 30 octets was described as 73. The envelope of a message/rfc822 part ({@link Envelope}) is given here as
 * a function.
 */
final class BodyStructure {
    /**
     * Levels described; deeper entities are described as opaque octets, not read. Dovecot stops at 100 too. An
     * SMTP submission cannot nest this deep (the gateway refuses it), an IMAP APPEND can.
     */
    static final int MAX_DEPTH = 100;

    private BodyStructure() {
    }

    /**
     * The structure of a stored message.
     *
     * @param extensions BODYSTRUCTURE's extension data (true) or BODY's form without it (false)
     * @param envelope   the ENVELOPE of an enclosed message (a message/rfc822 part's body)
     */
    static String of(byte[] bytes, int bodyOffset, boolean extensions, Function<Entity, String> envelope) {
        StringBuilder out = new StringBuilder(256);
        new Writer(extensions, envelope, out).entity(Entity.message(bytes, bodyOffset), 0);
        return out.toString();
    }

    private record Writer(boolean extensions, Function<Entity, String> envelope, StringBuilder out) {

        void entity(Entity e, int depth) {
            HeaderSection headers = e.headers();
            ContentType type = Entity.type(headers);
            boolean opaque = depth >= MAX_DEPTH
                    && (type.getPrimaryType().equalsIgnoreCase("multipart") || type.match("message/rfc822"));
            if (opaque) {
                type = new ContentType("application", "octet-stream", null);
            }
            List<Entity> parts = e.parts(type);
            out.append('(');
            if (!parts.isEmpty()) {
                for (Entity p : parts) {
                    entity(p, depth + 1);
                }
                out.append(' ');
                string(type.getSubType());
                if (extensions) {
                    out.append(' ');
                    parameters(type.getParameterList());
                    rest(headers);
                }
            } else {
                if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
                    // A multipart that does not parse is read as one part (Sections does the same): as text.
                    type = new ContentType("text", "plain", null);
                }
                string(type.getPrimaryType());
                out.append(' ');
                string(type.getSubType());
                out.append(' ');
                parameters(headers.first("Content-Type").isEmpty() ? usAscii() : opaque ? null : type.getParameterList());
                out.append(' ');
                nstring(headers.value("Content-ID"));
                out.append(' ');
                nstring(headers.value("Content-Description"));
                out.append(' ');
                string(headers.value("Content-Transfer-Encoding").orElse("7BIT"));
                out.append(' ').append(e.end() - e.content());
                if (type.match("message/rfc822")) {
                    Entity held = e.enclosed();
                    out.append(' ').append(envelope.apply(held)).append(' ');
                    entity(held, depth + 1);
                    out.append(' ').append(lines(e));
                } else if (type.getPrimaryType().equalsIgnoreCase("text")) {
                    out.append(' ').append(lines(e));
                }
                if (extensions) {
                    out.append(' ');
                    nstring(headers.value("Content-MD5"));
                    rest(headers);
                }
            }
            out.append(')');
        }

        /** Disposition, language and location: the extension data both kinds end with. */
        private void rest(HeaderSection headers) {
            out.append(' ');
            Optional<String> disposition = headers.value("Content-Disposition");
            ContentDisposition d = null;
            if (disposition.isPresent()) {
                try {
                    d = new ContentDisposition(disposition.get());
                } catch (ParseException ignored) {
                    // an unreadable disposition is reported as none
                }
            }
            if (d == null || d.getDisposition() == null) {
                out.append("NIL");
            } else {
                out.append('(');
                string(d.getDisposition());
                out.append(' ');
                parameters(d.getParameterList());
                out.append(')');
            }
            out.append(' ');
            Optional<String> language = headers.value("Content-Language");
            if (language.isEmpty()) {
                out.append("NIL");
            } else {
                String[] tags = language.get().split("\\s*,\\s*");
                if (tags.length == 1) {
                    string(tags[0]);
                } else {
                    out.append('(');
                    for (int i = 0; i < tags.length; i++) {
                        if (i > 0) {
                            out.append(' ');
                        }
                        string(tags[i]);
                    }
                    out.append(')');
                }
            }
            out.append(' ');
            nstring(headers.value("Content-Location"));
        }

        private void parameters(ParameterList list) {
            if (list == null || list.size() == 0) {
                out.append("NIL");
                return;
            }
            out.append('(');
            boolean first = true;
            for (Enumeration<String> names = list.getNames(); names.hasMoreElements(); ) {
                String name = names.nextElement();
                if (!first) {
                    out.append(' ');
                }
                first = false;
                string(name);
                out.append(' ');
                string(list.get(name));
            }
            out.append(')');
        }

        private static ParameterList usAscii() {
            ParameterList p = new ParameterList();
            p.set("charset", "us-ascii");
            return p;
        }

        private void nstring(Optional<String> s) {
            ImapFetch.nstring(s, out);
        }

        private void string(String s) {
            ImapFetch.string(s, out);
        }
    }

    /** The body's lines: its LFs, and one more when it ends without one. */
    static int lines(Entity e) {
        byte[] b = e.bytes();
        int lines = 0;
        for (int i = e.content(); i < e.end(); i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        return e.end() > e.content() && b[e.end() - 1] != '\n' ? lines + 1 : lines;
    }
}
