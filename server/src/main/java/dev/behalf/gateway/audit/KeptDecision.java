package dev.behalf.gateway.audit;

import dev.behalf.mailstore.core.Interner;
import dev.behalf.mailstore.core.UuidText;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DecisionRecord} as the {@link DecisionLog} keeps it: 100,000 of them by default, one per accepted
 * message, so this is what a message costs the log (issue 13, heap per message). What a test's submissions
 * repeat message after message (account, envelope, From, outcome, reasons, grants, folders) is one shared
 * {@link Shape}, with the reply as a template; of its own it keeps the id (a UUID's two numbers, as Behalf's
 * are, or the text), the time as numbers, Message-ID and subject without their {@link Optional}s, and the one
 * number of the reply that differs (the InternalId of Exchange's
 * {@code 250 2.6.0 <message-id> [InternalId=n, ...]}). Past the interner's bound a record's shape is its own,
 * which costs what the record did before.
 * {@link #record()} gives back a record equal to the one kept, field for field; a reply the template cannot give
 * back exactly is kept whole.
 */
final class KeptDecision {
    /** Marks, in a reply's template, where the record's Message-ID, its id and the number were. */
    private static final char MESSAGE_ID = '\u0001';
    private static final char ID = '\u0002';
    private static final char NUMBER = '\u0003';
    /** The most digits a run may have to be kept as a long (and written back the same). */
    private static final int MAX_DIGITS = 18;

    /**
     * Everything of a record but its own values: equal for a test's repeated sends, and then kept once. The
     * reply is whole, or a template when {@code template}. Not a record: every accepted message looks its shape
     * up, and a record's generated {@code hashCode} walks all 22 components through method handles each time
     * (a quarter of the SMTP threads' time in a JFR profile under load). The hash here is computed once, from
     * the fields that tell a test's submissions apart; {@link #equals} still compares every field.
     */
    private static final class Shape {
        final String reply;
        final boolean template;
        final String account;
        final String accountAddress;
        final String login;
        final String mailFrom;
        final List<String> rcptTo;
        final List<String> headerFrom;
        final Optional<String> headerSender;
        final Optional<String> deliveredSender;
        final String outcome;
        final String stage;
        final List<String> because;
        final List<DecisionRecord.Grant> grants;
        final List<String> reached;
        final long directoryVersion;
        final List<String> headerResentFrom;
        final Optional<String> deliveredResentSender;
        final Optional<String> resentOutcome;
        final List<DecisionRecord.Grant> resentGrants;
        final List<DecisionRecord.LookAlike> lookAlikes;
        final String surface;
        private final int hash;

        Shape(String reply, boolean template, DecisionRecord r) {
            this.reply = reply;
            this.template = template;
            this.account = r.account();
            this.accountAddress = r.accountAddress();
            this.login = r.login();
            this.mailFrom = r.mailFrom();
            this.rcptTo = r.rcptTo();
            this.headerFrom = r.headerFrom();
            this.headerSender = r.headerSender();
            this.deliveredSender = r.deliveredSender();
            this.outcome = r.outcome();
            this.stage = r.stage();
            this.because = r.because();
            this.grants = r.grants();
            this.reached = r.reached();
            this.directoryVersion = r.directoryVersion();
            this.headerResentFrom = r.headerResentFrom();
            this.deliveredResentSender = r.deliveredResentSender();
            this.resentOutcome = r.resentOutcome();
            this.resentGrants = r.resentGrants();
            this.lookAlikes = r.lookAlikes();
            this.surface = r.surface();
            int h = Objects.hashCode(reply);
            h = 31 * h + Objects.hashCode(login);
            h = 31 * h + Objects.hashCode(mailFrom);
            h = 31 * h + rcptTo.hashCode();
            h = 31 * h + headerFrom.hashCode();
            h = 31 * h + headerSender.hashCode();
            h = 31 * h + Objects.hashCode(outcome);
            h = 31 * h + reached.hashCode();
            this.hash = 31 * h + Long.hashCode(directoryVersion);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Shape s && hash == s.hash && template == s.template
                    && directoryVersion == s.directoryVersion && Objects.equals(reply, s.reply)
                    && Objects.equals(account, s.account) && Objects.equals(accountAddress, s.accountAddress)
                    && Objects.equals(login, s.login) && Objects.equals(mailFrom, s.mailFrom) && rcptTo.equals(s.rcptTo)
                    && headerFrom.equals(s.headerFrom) && headerSender.equals(s.headerSender)
                    && deliveredSender.equals(s.deliveredSender) && Objects.equals(outcome, s.outcome)
                    && Objects.equals(stage, s.stage) && because.equals(s.because) && grants.equals(s.grants)
                    && reached.equals(s.reached) && headerResentFrom.equals(s.headerResentFrom)
                    && deliveredResentSender.equals(s.deliveredResentSender) && resentOutcome.equals(s.resentOutcome)
                    && resentGrants.equals(s.resentGrants) && lookAlikes.equals(s.lookAlikes)
                    && Objects.equals(surface, s.surface);
        }
    }

    /** The id, unless it is a UUID's canonical text: then {@link #idHigh} and {@link #idLow}. */
    private final String idText;
    private final long idHigh;
    private final long idLow;
    private final Shape shape;
    private final long epochSecond;
    private final int nano;
    private final String messageId;
    private final String subject;
    /** The number the shape's reply template has a mark for. */
    private final long number;

    private KeptDecision(String id, Shape shape, Instant time, String messageId, String subject, long number) {
        boolean uuid = UuidText.canonical(id);
        this.idText = uuid ? null : id;
        this.idHigh = uuid ? UuidText.high(id) : 0;
        this.idLow = uuid ? UuidText.low(id) : 0;
        this.shape = shape;
        this.epochSecond = time.getEpochSecond();
        this.nano = time.getNano();
        this.messageId = messageId;
        this.subject = subject;
        this.number = number;
    }

    /** {@code r} as kept, its shape shared through {@code shared}. */
    static KeptDecision of(DecisionRecord r, Interner shared) {
        String messageId = r.messageId().orElse(null);
        String reply = r.reply();
        long number = 0;
        boolean template = false;
        if (noMarks(reply)) {
            StringBuilder text = new StringBuilder(reply);
            replaceFirst(text, messageId, MESSAGE_ID);
            replaceFirst(text, r.id(), ID);
            number = replaceLongestNumber(text);
            String t = text.toString();
            if (!t.equals(reply) && expand(t, r.id(), messageId, number).equals(reply)) {
                reply = t;
                template = true;
            }
        }
        if (!template) {
            number = 0;
        }
        Shape shape = shared.intern(new Shape(reply, template, r));
        return new KeptDecision(r.id(), shape, r.time(), messageId, r.subject().orElse(null), number);
    }

    /** The record kept, equal to the one given to {@link #of}. */
    DecisionRecord record() {
        Shape s = shape;
        String id = id();
        return new DecisionRecord(id, Instant.ofEpochSecond(epochSecond, nano), s.account, s.accountAddress, s.login, s.mailFrom,
                s.rcptTo, s.headerFrom, s.headerSender, s.deliveredSender, s.outcome, s.stage, s.because, s.grants,
                s.template ? expand(s.reply, id, messageId, number) : s.reply, Optional.ofNullable(messageId),
                Optional.ofNullable(subject), s.reached,
                s.directoryVersion, s.headerResentFrom, s.deliveredResentSender, s.resentOutcome, s.resentGrants, s.lookAlikes,
                s.surface);
    }

    String id() {
        return idText != null ? idText : UuidText.format(idHigh, idLow);
    }

    /** The hash {@link KeptDecisions} files this record's id under: {@link Key#hash} of its id's key, without writing it. */
    int idHash() {
        return idText != null ? idText.hashCode() : Long.hashCode(idHigh ^ idLow);
    }

    /** An id to look up, read once: as a record keeps it (a UUID's two numbers, or the text). */
    record Key(String text, long high, long low) {
        static Key of(String id) {
            return UuidText.canonical(id) ? new Key(null, UuidText.high(id), UuidText.low(id)) : new Key(id, 0, 0);
        }

        int hash() {
            return text != null ? text.hashCode() : Long.hashCode(high ^ low);
        }
    }

    boolean has(Key id) {
        return idText != null ? idText.equals(id.text) : id.text == null && idHigh == id.high && idLow == id.low;
    }

    boolean sameId(KeptDecision other) {
        return idText != null ? idText.equals(other.idText)
                : other.idText == null && idHigh == other.idHigh && idLow == other.idLow;
    }

    String outcome() {
        return shape.outcome;
    }

    String account() {
        return shape.account;
    }

    String accountAddress() {
        return shape.accountAddress;
    }

    String login() {
        return shape.login;
    }

    private static boolean noMarks(String reply) {
        return nextMark(reply, 0) < 0;
    }

    private static void replaceFirst(StringBuilder text, String value, char mark) {
        if (value == null || value.isEmpty()) {
            return;
        }
        int at = text.indexOf(value);
        if (at >= 0) {
            text.replace(at, at + value.length(), String.valueOf(mark));
        }
    }

    /**
     * Replaces the longest run of digits of the reply's text (the first of equals; not of its code and enhanced
     * status, {@code 250 2.6.0}, which are the same for every reply of a template) with its mark; the number it
     * was, or 0 when none.
     */
    private static long replaceLongestNumber(StringBuilder text) {
        int best = -1;
        int bestLength = 0;
        int status = text.indexOf(" ");
        int start = status < 0 ? 0 : text.indexOf(" ", status + 1) + 1;
        for (int i = start; i < text.length(); ) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            if (end - i > bestLength) {
                best = i;
                bestLength = end - i;
            }
            i = end;
        }
        // A leading zero would not be written back; such a run stays in the template.
        if (best < 0 || bestLength > MAX_DIGITS || (bestLength > 1 && text.charAt(best) == '0')) {
            return 0;
        }
        long n = Long.parseLong(text, best, best + bestLength, 10);
        text.replace(best, best + bestLength, String.valueOf(NUMBER));
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String expand(String template, String id, String messageId, long number) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int from = 0;
        for (int at = nextMark(template, 0); at >= 0; at = nextMark(template, from)) {
            out.append(template, from, at);
            switch (template.charAt(at)) {
                case MESSAGE_ID -> out.append(messageId);
                case ID -> out.append(id);
                default -> out.append(number);
            }
            from = at + 1;
        }
        return out.append(template, from, template.length()).toString();
    }

    /** Where the next mark is at or after {@code from}, or -1. */
    private static int nextMark(String text, int from) {
        return first(first(text.indexOf(MESSAGE_ID, from), text.indexOf(ID, from)), text.indexOf(NUMBER, from));
    }

    private static int first(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
