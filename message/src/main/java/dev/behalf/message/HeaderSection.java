package dev.behalf.message;

import dev.behalf.message.HeaderSyntaxException.Problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header section of a message (RFC 5322 §2.2), read the way Jakarta Mail reads it, because Jakarta
 * Mail is what every other reader of a stored message uses: the store's summaries, GreenMail's IMAP
 * ENVELOPE and BODYSTRUCTURE, the web UI. Lines end at CR LF, LF, CR or CR CR LF (Angus
 * {@code LineInputStream}); a line starting with a space or a tab continues the field before it; the empty
 * line ends the section; a field's name is the text before its first colon, trimmed; its value starts after
 * the colon and the white space after it ({@code InternetHeaders}). Text is UTF-8 (the store reads with
 * {@code mail.mime.allowutf8}).
 *
 * <p>Two ways in. {@link #read} never refuses: it is for readers of stored mail, which may have come from
 * anywhere (IMAP APPEND). {@link #parse} is for submissions and refuses every header section on which
 * readers could disagree or that is over a limit: any line end but CR LF, NUL, 8-bit bytes without
 * SMTPUTF8 (or that are not UTF-8 with it), a continuation line first, a line of only white space (Jakarta
 * Mail with {@code mail.mime.ignorewhitespacelines} and some clients take it for the end of the section),
 * a line that is not {@code name:} with an RFC 5322 field name. So what {@code parse} accepts, {@code read}
 * and Jakarta Mail read field for field the same.
 *
 * <p>Immutable; {@link #edit()} makes the rewritten message together with its section, without reading
 * the unchanged fields again.
 */
public final class HeaderSection {
    private final byte[] raw;
    private final List<HeaderField> fields;
    private final int bodyStart;

    /**
     * What a submission may carry.
     *
     * @param utf8          header text may be UTF-8 (the client said SMTPUTF8, RFC 6531/6532); else ASCII only
     * @param maxFields     more fields are refused
     * @param maxLineLength longer lines are refused (RFC 5322 §2.1.1: 998)
     */
    public record Rules(boolean utf8, int maxFields, int maxLineLength) {
        public static final Rules SUBMISSION = new Rules(false, 1000, 998);

        public Rules withUtf8(boolean allowed) {
            return new Rules(allowed, maxFields, maxLineLength);
        }
    }

    HeaderSection(byte[] raw, List<HeaderField> fields, int bodyStart) {
        this.raw = raw;
        this.fields = List.copyOf(fields);
        this.bodyStart = bodyStart;
    }

    /** Reads the header section of any message, as Jakarta Mail would; never refuses. */
    public static HeaderSection read(byte[] message) {
        try {
            return new Parser(message, null).run();
        } catch (HeaderSyntaxException e) {
            throw new IllegalStateException("reading without rules refused: " + e.getMessage(), e);
        }
    }

    /** Parses the header section of a submission; throws for anything readers could read differently. */
    public static HeaderSection parse(byte[] message, Rules rules) throws HeaderSyntaxException {
        return new Parser(message, Objects.requireNonNull(rules, "rules")).run();
    }

    /** The whole message these fields are part of (not copied: do not change it). */
    public byte[] raw() {
        return raw;
    }

    /** Every field, in order. */
    public List<HeaderField> fields() {
        return fields;
    }

    /** Offset of the first body byte, after the empty line; the length when there is none; 0 when there are no fields. */
    public int bodyStart() {
        return bodyStart;
    }

    /**
     * A field as Jakarta Mail's {@code InternetHeaders} holds it, and so as GreenMail writes it for a header
     * FETCH: its lines without their line ends, joined by CR LF (a continuation line that opens the section
     * trimmed, as it is read).
     */
    public String line(HeaderField f) {
        StringBuilder out = new StringBuilder(f.end() - f.start());
        int pos = f.start();
        while (pos < f.end()) {
            int contentEnd = pos;
            while (contentEnd < f.end() && raw[contentEnd] != '\r' && raw[contentEnd] != '\n') {
                contentEnd++;
            }
            String line = new String(raw, pos, contentEnd - pos, StandardCharsets.UTF_8);
            if (pos == f.start()) {
                out.append(line.isEmpty() || (line.charAt(0) != ' ' && line.charAt(0) != '\t') ? line : line.trim());
            } else {
                out.append("\r\n").append(line);
            }
            pos = lineEnd(raw, contentEnd);
        }
        return out.toString();
    }

    /** Where the line whose content ends at {@code contentEnd} is over: after LF, CR LF, CR CR LF or a lone CR. */
    private static int lineEnd(byte[] raw, int contentEnd) {
        if (contentEnd >= raw.length) {
            return contentEnd;
        }
        if (raw[contentEnd] == '\n') {
            return contentEnd + 1;
        }
        if (contentEnd + 1 < raw.length && raw[contentEnd + 1] == '\n') {
            return contentEnd + 2;
        }
        if (contentEnd + 2 < raw.length && raw[contentEnd + 1] == '\r' && raw[contentEnd + 2] == '\n') {
            return contentEnd + 3;
        }
        return contentEnd + 1;
    }

    /** The first field with this name. */
    public Optional<HeaderField> first(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every field with this name, in order. */
    public List<HeaderField> all(String name) {
        List<HeaderField> out = new ArrayList<>(2);
        for (HeaderField f : fields) {
            if (f.is(name)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first field with this name unfolded and trimmed; empty when there is none or it is blank. */
    public Optional<String> value(String name) {
        return first(name).map(HeaderField::unfolded).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The decoded text of the first field with this name ({@code Subject}...). */
    public Optional<String> text(String name) {
        return first(name).map(HeaderField::text);
    }

    /**
     * The mailboxes of every field with this name together, as IMAP ENVELOPE lists them (GreenMail parses
     * each {@code From} value and concatenates); fields that do not parse contribute nothing.
     */
    public List<Address> addresses(String name) {
        List<Address> out = new ArrayList<>();
        for (HeaderField f : all(name)) {
            out.addAll(MailboxList.read(f.value()));
        }
        return out;
    }

    public Optional<String> subject() {
        return text("Subject");
    }

    public Optional<String> messageId() {
        return first("Message-ID").map(f -> f.unfolded().strip());
    }

    public Optional<String> date() {
        return first("Date").map(f -> f.unfolded().strip());
    }

    public List<Address> from() {
        return addresses("From");
    }

    public List<Address> sender() {
        return addresses("Sender");
    }

    public List<Address> to() {
        return addresses("To");
    }

    public List<Address> cc() {
        return addresses("Cc");
    }

    /** Starts a rewrite of the message: fields added, fields removed, the rest of the bytes kept. */
    public HeaderEdit edit() {
        return new HeaderEdit(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderSection h && bodyStart == h.bodyStart && fields.equals(h.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode() * 31 + bodyStart;
    }

    @Override
    public String toString() {
        return "HeaderSection" + fields + " body at " + bodyStart;
    }

    /** One pass over the lines; {@code rules == null} reads leniently, as Jakarta Mail does. */
    private static final class Parser {
        private final byte[] raw;
        private final Rules rules;
        private final List<HeaderField> fields = new ArrayList<>();
        /** The field being read: where it starts, its lines joined by CR LF, where it ends. */
        private int fieldStart = -1;
        private StringBuilder fieldText;
        private int fieldEnd;
        /** Jakarta Mail's InternetHeaders throws on this input (see the pitfalls note); readers get no fields. */
        private boolean unreadable;

        Parser(byte[] raw, Rules rules) {
            this.raw = raw;
            this.rules = rules;
        }

        HeaderSection run() throws HeaderSyntaxException {
            int pos = 0;
            int lineNo = 0;
            int bodyStart = raw.length;
            boolean first = true;
            while (pos < raw.length) {
                int contentEnd = contentEnd(raw, pos);
                int next = lineEnd(contentEnd);
                lineNo++;
                if (rules != null) {
                    checkLine(pos, contentEnd, next, lineNo);
                }
                String line = new String(raw, pos, contentEnd - pos, StandardCharsets.UTF_8);
                if (line.isEmpty()) {
                    bodyStart = next;
                    break;
                }
                char c = line.charAt(0);
                if (c == ' ' || c == '\t') {
                    continuation(line, pos, next, first, lineNo);
                } else {
                    finishField();
                    if (rules != null && !validName(line)) {
                        if (lineNo == 1) {
                            // Not a header section at all: the whole text is body (and so has no From).
                            return new HeaderSection(raw, List.of(), 0);
                        }
                        throw new HeaderSyntaxException(Problem.NOT_A_FIELD, pos,
                                "header line " + lineNo + " is not a 'Name: value' field and no empty line separates the body");
                    }
                    if (rules != null && fields.size() >= rules.maxFields()) {
                        throw new HeaderSyntaxException(Problem.TOO_MANY_FIELDS, pos, "more than " + rules.maxFields() + " header fields");
                    }
                    fieldStart = pos;
                    fieldText = new StringBuilder(line);
                    fieldEnd = next;
                }
                first = false;
                pos = next;
            }
            finishField();
            return new HeaderSection(raw, unreadable ? List.of() : fields, bodyStart);
        }

        /**
         * Where the line starting at {@code pos} ends before its CR or LF. A method of its own: with the byte loop in
         * {@link #run}, the JIT compiled {@code run} twice under load (on-stack replacement, then whole), its
         * largest compile of a load run; a small loop here is compiled on its own, quickly.
         */
        private static int contentEnd(byte[] raw, int pos) {
            int end = pos;
            while (end < raw.length && raw[end] != '\r' && raw[end] != '\n') {
                end++;
            }
            return end;
        }

        private int lineEnd(int contentEnd) {
            return HeaderSection.lineEnd(raw, contentEnd);
        }

        private void continuation(String line, int pos, int next, boolean first, int lineNo) throws HeaderSyntaxException {
            if (rules != null) {
                if (first) {
                    throw new HeaderSyntaxException(Problem.CONTINUATION_FIRST, pos,
                            "line 1 is a continuation line; the header section must start with a field name");
                }
                if (line.isBlank()) {
                    throw new HeaderSyntaxException(Problem.BLANK_LINE, pos, "header line " + lineNo
                            + " holds only white space; some readers end the header section there");
                }
            }
            if (first) {
                // InternetHeaders: a continuation line first is a field of its own, trimmed.
                String trimmed = line.trim();
                if (!trimmed.isEmpty()) {
                    fieldStart = pos;
                    fieldText = new StringBuilder(trimmed);
                    fieldEnd = next;
                }
                return;
            }
            if (fieldText == null) {
                unreadable = true;
                return;
            }
            fieldText.append("\r\n").append(line);
            fieldEnd = next;
        }

        private void finishField() {
            if (fieldText == null) {
                return;
            }
            String text = fieldText.toString();
            int colon = text.indexOf(':');
            String name;
            String value;
            if (colon < 0) {
                name = text.trim();
                value = text;
            } else {
                name = text.substring(0, colon).trim();
                int v = colon + 1;
                while (v < text.length() && " \t\r\n".indexOf(text.charAt(v)) >= 0) {
                    v++;
                }
                value = text.substring(v);
            }
            fields.add(new HeaderField(name, value, fieldStart, fieldEnd));
            fieldText = null;
        }

        private void checkLine(int pos, int contentEnd, int next, int lineNo) throws HeaderSyntaxException {
            if (contentEnd < raw.length) {
                if (raw[contentEnd] == '\n') {
                    throw new HeaderSyntaxException(Problem.BARE_LF, contentEnd, "bare LF at offset " + contentEnd);
                }
                if (next != contentEnd + 2) {
                    throw new HeaderSyntaxException(Problem.BARE_CR, contentEnd, "bare CR at offset " + contentEnd);
                }
            }
            if (contentEnd - pos > rules.maxLineLength()) {
                throw new HeaderSyntaxException(Problem.LINE_TOO_LONG, pos, "header line " + lineNo + " is "
                        + (contentEnd - pos) + " characters; RFC 5322 allows " + rules.maxLineLength());
            }
            boolean eightBit = false;
            for (int i = pos; i < contentEnd; i++) {
                if (raw[i] == 0) {
                    throw new HeaderSyntaxException(Problem.NUL, i, "NUL byte at offset " + i);
                }
                eightBit |= raw[i] < 0;
            }
            if (!eightBit) {
                return;
            }
            if (!rules.utf8()) {
                throw new HeaderSyntaxException(Problem.EIGHT_BIT, pos, "header line " + lineNo
                        + " has 8-bit bytes but MAIL FROM did not declare SMTPUTF8 (RFC 6531)");
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw, pos, contentEnd - pos));
            } catch (CharacterCodingException e) {
                throw new HeaderSyntaxException(Problem.INVALID_UTF8, pos, "header line " + lineNo + " is not UTF-8 (RFC 6532)");
            }
        }

        /** RFC 5322 §3.6.8: field-name = 1*ftext (printable US-ASCII but colon), then the colon. */
        private static boolean validName(String line) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            for (int i = 0; i < colon; i++) {
                char c = line.charAt(i);
                if (c < 33 || c > 126) {
                    return false;
                }
            }
            return true;
        }
    }
}
