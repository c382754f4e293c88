package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapRequestLineReader;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ImapSession;
import com.icegreen.greenmail.imap.ImapSessionFolder;
import com.icegreen.greenmail.imap.ImapSessionState;
import com.icegreen.greenmail.imap.ProtocolException;
import com.icegreen.greenmail.imap.commands.CommandParser;
import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MessageFlags;
import com.icegreen.greenmail.store.StoredMessage;
import dev.behalf.mailstore.core.Message;
import jakarta.mail.Flags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code FETCH} and {@code UID FETCH} (RFC 3501 §6.4.5, §6.4.8), with every body section cut from the
 * store's bytes ({@link Sections}).
 *
 * <p>Why not GreenMail's: 2.1.13's {@code FetchCommand} makes {@code BODY[TEXT]} from the whole message
 * as a {@code trim()}med string (the body's last line break, trailing blank lines and spaces are lost),
 * {@code BODY[HEADER]} without the blank line that ends it and with a length counted in characters,
 * {@code BODY[n]} by writing the part out again (and a part without a header as empty), {@code BODY[n.TEXT]}
 * from the whole message, {@code BODY[2.1.MIME]} from part 2. So clients read octets other than the ones
 * the store keeps and the policy decided on. The other items are answered in GreenMail's order from the
 * stored message's attributes: FLAGS, INTERNALDATE, RFC822.SIZE and UID as GreenMail gives them, ENVELOPE by
 * {@link Envelope}, BODY and BODYSTRUCTURE by {@link BodyStructure}.
 */
final class ImapFetch {
    private static final Flags SEEN = new Flags(Flags.Flag.SEEN);
    private static final Logger log = LoggerFactory.getLogger(ImapFetch.class);

    private final Items parser = new Items();

    /**
     * Answers the command at the reader (its tag, {@code FETCH} or {@code UID FETCH}, its arguments) up to
     * the end of its line, which it leaves for the caller to consume.
     */
    void run(ImapRequestLineReader request, ImapResponse response, ImapSession session) throws ProtocolException {
        response.setTag(parser.tag(request));
        boolean byUid = parser.atom(request).equalsIgnoreCase("UID");
        if (byUid) {
            parser.atom(request);
        }
        String name = byUid ? "UID" : "FETCH";
        if (session.getState() != ImapSessionState.SELECTED) {
            response.taggedResponse("NO " + name + " failed. Command not valid in this state");
            return;
        }
        IdRange[] set;
        Request fetch;
        try {
            set = parser.parseIdRange(request);
            fetch = parser.request(request);
            parser.endLine(request);
        } catch (ProtocolException e) {
            response.commandError(e.getMessage() + " Command should be '<tag> " + (byUid ? "UID " : "")
                    + "FETCH <sequence-set> <items>'");
            return;
        }
        try {
            ImapSessionFolder folder = session.getSelected();
            long[] uids = folder.getMessageUids();
            BitSet chosen = chosen(set, uids, byUid);
            for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
                int msn;
                try {
                    msn = folder.getMsn(uids[i]);
                } catch (FolderException gone) {
                    // Expunged by another session since the UIDs were read: the others are still answered
                    // (GreenMail's FETCH failed the whole command).
                    continue;
                }
                StoredMessage message = folder.getMessage(uids[i]);
                if (message != null) {
                    response.fetchResponse(msn, answer(fetch, byUid, message, folder));
                }
            }
            session.unsolicitedResponses(response, !byUid);
            response.taggedResponse("OK FETCH completed.");
        } catch (FolderException e) {
            response.taggedResponse("NO " + name + " failed. " + e.getMessage());
        } catch (RuntimeException e) {
            // A stored message this cannot read (none known: SectionsFuzzTest) fails the command, not the session.
            log.warn("IMAP {} failed", name, e);
            response.taggedResponse("NO " + name + " failed. " + e.getClass().getSimpleName());
        }
    }

    /**
     * The indices of {@code uids} the set names. {@code *} is the last message or UID, so {@code n:*} with n
     * past the last still names the last (RFC 3501 §6.4.8); a number past the last otherwise names nothing.
     */
    static BitSet chosen(IdRange[] set, long[] uids, boolean byUid) {
        BitSet out = new BitSet(uids.length);
        if (uids.length == 0) {
            return out;
        }
        long last = byUid ? uids[uids.length - 1] : uids.length;
        for (IdRange r : set) {
            long a = r.getLowVal() == IdRange.VALUE_WILDCARD ? last : r.getLowVal();
            long b = r.getHighVal() == IdRange.VALUE_WILDCARD ? last : r.getHighVal();
            long low = Math.min(a, b);
            long high = Math.max(a, b);
            if (byUid) {
                int from = firstAtLeast(uids, low);
                int to = firstAtLeast(uids, high == Long.MAX_VALUE ? high : high + 1);
                if (from < to) {
                    out.set(from, to);
                }
            } else if (low <= last && high >= 1) {
                out.set((int) Math.max(low, 1) - 1, (int) Math.min(high, last));
            }
        }
        return out;
    }

    private static int firstAtLeast(long[] sorted, long value) {
        int i = Arrays.binarySearch(sorted, value);
        return i >= 0 ? i : -i - 1;
    }

    private String answer(Request fetch, boolean byUid, StoredMessage message, ImapSessionFolder folder) throws FolderException {
        boolean flagsChanged = false;
        if (fetch.setsSeen && !folder.isReadonly() && !message.isSet(Flags.Flag.SEEN)) {
            folder.setFlags(SEEN, true, message.getUid(), folder, byUid);
            flagsChanged = true;
        }
        StringBuilder out = new StringBuilder();
        if (fetch.flags || flagsChanged) {
            out.append(" FLAGS ").append(MessageFlags.format(message.getFlags()));
        }
        if (fetch.internalDate) {
            out.append(" INTERNALDATE \"").append(message.getAttributes().getReceivedDateAsString()).append('"');
        }
        if (fetch.size) {
            out.append(" RFC822.SIZE ").append(message.getAttributes().getSize());
        }
        if (fetch.envelope) {
            out.append(" ENVELOPE ").append(message.getAttributes().getEnvelope());
        }
        if (fetch.body) {
            out.append(" BODY ").append(message.getAttributes().getBodyStructure(false));
        }
        if (fetch.bodyStructure) {
            out.append(" BODYSTRUCTURE ").append(message.getAttributes().getBodyStructure(true));
        }
        if (fetch.uid || byUid) {
            out.append(" UID ").append(message.getUid());
        }
        if (!fetch.sections.isEmpty()) {
            Message stored = ((SlotMessage) message).slot().message();
            for (Section s : fetch.sections.values()) {
                out.append(' ').append(s.name);
                byte[] bytes = Sections.read(stored.bytes(), stored.bodyOffset(), s.spec);
                if (bytes != null && s.length >= 0) {
                    int from = (int) Math.min(s.origin, bytes.length);
                    int to = (int) Math.min(bytes.length, from + s.length);
                    bytes = Arrays.copyOfRange(bytes, from, to);
                    out.append('<').append(s.origin).append('>');
                }
                out.append(' ');
                literal(bytes, out);
            }
        }
        return out.length() == 0 ? "" : out.substring(1);
    }

    /**
     * An IMAP literal (NIL for null), each octet one character, as GreenMail's response writer sends them
     * (ISO-8859-1); {@link BodyStructure} writes its literals with it too.
     */
    static void literal(byte[] bytes, StringBuilder out) {
        if (bytes == null) {
            out.append("NIL");
            return;
        }
        out.append('{').append(bytes.length).append("}\r\n");
        for (byte b : bytes) {
            out.append((char) (b & 0xFF));
        }
    }

    /** An IMAP nstring: NIL when absent, else {@link #string}. */
    static void nstring(Optional<String> s, StringBuilder out) {
        if (s.isEmpty()) {
            out.append("NIL");
        } else {
            string(s.get(), out);
        }
    }

    /**
     * An IMAP string: quoted when it can be one (RFC 3501's TEXT-CHARs: ASCII but NUL, CR and LF), else a literal
     * of its UTF-8 octets; {@link BodyStructure} and {@link Envelope} write theirs with it.
     */
    static void string(String s, StringBuilder out) {
        boolean quotable = true;
        for (int i = 0; i < s.length() && quotable; i++) {
            char c = s.charAt(i);
            quotable = c > 0 && c < 0x80 && c != '\r' && c != '\n';
        }
        if (!quotable) {
            literal(s.getBytes(StandardCharsets.UTF_8), out);
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** The data items asked for; body sections by their name and range, in the order first asked, each once. */
    static final class Request {
        boolean flags;
        boolean internalDate;
        boolean size;
        boolean envelope;
        boolean body;
        boolean bodyStructure;
        boolean uid;
        boolean setsSeen;
        final Map<String, Section> sections = new LinkedHashMap<>();

        void add(Section s, boolean peek) {
            setsSeen |= !peek;
            sections.putIfAbsent(s.length < 0 ? s.name : s.name + "<" + s.origin + "." + s.length + ">", s);
        }
    }

    /**
     * A section item: what the response calls it ({@code BODY[HEADER]}, {@code RFC822.TEXT}), which section,
     * and the partial range ({@code length} -1 for none).
     */
    record Section(String name, Sections.Spec spec, long origin, long length) {
    }

    /** The argument grammar of RFC 3501 §9 ({@code fetch-att}, {@code section}), over GreenMail's reader. */
    static final class Items extends CommandParser {

        Request request(ImapRequestLineReader in) throws ProtocolException {
            Request fetch = new Request();
            if (in.nextWordChar() == '(') {
                in.consume();
                while (in.nextWordChar() != ')') {
                    item(in, fetch);
                    char c = in.nextChar();
                    if (c != ' ' && c != ')') {
                        throw new ProtocolException("Invalid fetch attribute list at '" + c + "'");
                    }
                }
                in.consume();
            } else {
                item(in, fetch);
            }
            return fetch;
        }

        private void item(ImapRequestLineReader in, Request fetch) throws ProtocolException {
            StringBuilder word = new StringBuilder();
            char c = in.nextWordChar();
            while (Character.isLetterOrDigit(c) || c == '.') {
                word.append(c);
                in.consume();
                c = in.nextChar();
            }
            String name = word.toString().toUpperCase(Locale.ROOT);
            if (c == '[') {
                if (!name.equals("BODY") && !name.equals("BODY.PEEK")) {
                    throw new ProtocolException("Invalid fetch attribute: " + word + "[");
                }
                in.consume();
                StringBuilder echo = new StringBuilder();
                Sections.Spec spec = section(in, echo);
                long origin = 0;
                long length = -1;
                if (in.nextChar() == '<') {
                    in.consume();
                    origin = consumeLong(in);
                    consumeChar(in, '.');
                    length = positive(in, "partial length");
                    consumeChar(in, '>');
                }
                fetch.add(new Section("BODY[" + echo + "]", spec, origin, length), name.equals("BODY.PEEK"));
                return;
            }
            switch (name) {
                case "ALL" -> {
                    fetch.flags = fetch.internalDate = fetch.size = fetch.envelope = true;
                }
                case "FAST" -> {
                    fetch.flags = fetch.internalDate = fetch.size = true;
                }
                case "FULL" -> {
                    fetch.flags = fetch.internalDate = fetch.size = fetch.envelope = fetch.body = true;
                }
                case "FLAGS" -> fetch.flags = true;
                case "INTERNALDATE" -> fetch.internalDate = true;
                case "RFC822.SIZE" -> fetch.size = true;
                case "ENVELOPE" -> fetch.envelope = true;
                case "BODY" -> fetch.body = true;
                case "BODYSTRUCTURE" -> fetch.bodyStructure = true;
                case "UID" -> fetch.uid = true;
                case "RFC822" -> fetch.add(new Section("RFC822", spec(Sections.Text.NONE), 0, -1), false);
                case "RFC822.HEADER" -> fetch.add(new Section("RFC822.HEADER", spec(Sections.Text.HEADER), 0, -1), true);
                case "RFC822.TEXT" -> fetch.add(new Section("RFC822.TEXT", spec(Sections.Text.TEXT), 0, -1), false);
                default -> throw new ProtocolException("Invalid fetch attribute: " + (word.length() > 0 ? word : "'" + c + "'"));
            }
        }

        /** Digits, stopping at the first other character (GreenMail's {@code number} wants a space after them). */
        private long positive(ImapRequestLineReader in, String what) throws ProtocolException {
            long n = consumeLong(in);
            if (n == 0) {
                throw new ProtocolException("Invalid " + what + ": 0");
            }
            return n;
        }

        private static Sections.Spec spec(Sections.Text text) {
            return new Sections.Spec(new int[0], text, List.of());
        }

        /** {@code section-spec "]"}, after the {@code [}; {@code echo} gets it as the response repeats it. */
        private Sections.Spec section(ImapRequestLineReader in, StringBuilder echo) throws ProtocolException {
            List<Integer> parts = new ArrayList<>();
            StringBuilder keyword = new StringBuilder();
            char c = in.nextChar();
            while (c >= '0' && c <= '9') {
                long n = positive(in, "part number");
                if (n > Integer.MAX_VALUE) {
                    throw new ProtocolException("Invalid section: part number " + n);
                }
                parts.add((int) n);
                echo.append(n);
                c = in.nextChar();
                if (c != '.') {
                    break;
                }
                in.consume();
                echo.append('.');
                c = in.nextChar();
            }
            while (Character.isLetter(c) || c == '.') {
                keyword.append(c);
                in.consume();
                c = in.nextChar();
            }
            echo.append(keyword);
            String kw = keyword.toString().toUpperCase(Locale.ROOT);
            Sections.Text text;
            List<String> fields = List.of();
            switch (kw) {
                case "" -> {
                    if (!parts.isEmpty() && echo.charAt(echo.length() - 1) == '.') {
                        throw new ProtocolException("Invalid section: '" + echo + "'");
                    }
                    text = Sections.Text.NONE;
                }
                case "HEADER" -> text = Sections.Text.HEADER;
                case "TEXT" -> text = Sections.Text.TEXT;
                case "MIME" -> {
                    if (parts.isEmpty()) {
                        throw new ProtocolException("Invalid section: MIME needs a part number");
                    }
                    text = Sections.Text.MIME;
                }
                case "HEADER.FIELDS", "HEADER.FIELDS.NOT" -> {
                    text = kw.endsWith(".NOT") ? Sections.Text.FIELDS_NOT : Sections.Text.FIELDS;
                    fields = headerList(in, echo);
                }
                default -> throw new ProtocolException("Invalid section: '" + echo + "'");
            }
            consumeChar(in, ']');
            return new Sections.Spec(parts.stream().mapToInt(Integer::intValue).toArray(), text, fields);
        }

        /** {@code SP "(" header-fld-name *(SP header-fld-name) ")"}; each name an astring. */
        private List<String> headerList(ImapRequestLineReader in, StringBuilder echo) throws ProtocolException {
            consumeChar(in, ' ');
            consumeChar(in, '(');
            echo.append(" (");
            List<String> names = new ArrayList<>();
            while (true) {
                char c = in.nextWordChar();
                if (c == ')' && !names.isEmpty()) {
                    break;
                }
                String name = switch (c) {
                    case '"' -> consumeQuoted(in);
                    case '{' -> consumeLiteral(in);
                    default -> atomOnly(in);
                };
                if (name.isEmpty()) {
                    throw new ProtocolException("Invalid header field name at '" + c + "'");
                }
                if (!names.isEmpty()) {
                    echo.append(' ');
                }
                echo.append(atomic(name) ? name : '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
                names.add(name);
            }
            in.consume();
            echo.append(')');
            return names;
        }

        private boolean atomic(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x01 || c > 0x7f || isAtomSpecial(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
