package dev.behalf.mailstore.core;

import dev.behalf.message.Address;
import dev.behalf.message.HeaderField;
import dev.behalf.message.HeaderSection;
import dev.behalf.message.HeaderText;
import dev.behalf.message.MailboxList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a list view shows of a message: the first Network-Message-Id, Message-ID, Subject, From, Sender
 * and To of its header section, RFC 2047 encoded words decoded, addresses rendered as
 * {@code Display Name <address>}. Derived from a {@link HeaderSection} of the stored bytes, read by
 * {@link HeaderSection#read} when first asked for ({@link Message#summary()}), never from a reading of the
 * bytes of its own: every line rule and unfold is the {@code message} module's.
 */
public final class Summary {
    static final String NETWORK_MESSAGE_ID = "X-MS-Exchange-Organization-Network-Message-Id";
    private static final String[] FIELDS = {NETWORK_MESSAGE_ID, "Message-ID", "Subject", "From", "Sender", "To"};
    private static final Function<String, String> MAILBOXES = v -> String.join(", ", addresses(v));
    private static final Function<String, List<String>> ADDRESSES = Summary::addresses;

    // One of these is kept per stored message, so it is small. The values seldom shared between messages
    // (Message-ID, subject) are the very strings of the parsed fields, which the decision record of a
    // submission holds too; the ones often shared (From, Sender, To) are interned. A submission id that is
    // a UUID's canonical text, as Behalf's own are, is kept as its two numbers (the decision log does too).
    private final String submissionId;
    private final long submissionHigh;
    private final long submissionLow;
    private final boolean submissionUuid;
    private final String messageId;
    private final String subject;
    private final String from;
    private final String sender;
    private final List<String> to;

    private Summary(String submissionId, String messageId, String subject, String from, String sender, List<String> to,
                    Interner interner) {
        this.submissionUuid = UuidText.canonical(submissionId);
        this.submissionId = submissionUuid ? null : submissionId;
        this.submissionHigh = submissionUuid ? UuidText.high(submissionId) : 0;
        this.submissionLow = submissionUuid ? UuidText.low(submissionId) : 0;
        this.messageId = messageId;
        this.subject = Objects.requireNonNull(subject, "subject");
        this.from = interner.intern(Objects.requireNonNull(from, "from"));
        this.sender = interner.intern(sender);
        this.to = interner.intern(List.copyOf(to));
    }

    /** The summary of a header section. */
    public static Summary of(HeaderSection section) {
        return of(section, new Interner());
    }

    /** As {@link #of(HeaderSection)}, sharing the often repeated values through {@code interner}. */
    static Summary of(HeaderSection section, Interner interner) {
        String[] raw = new String[FIELDS.length];
        int missing = FIELDS.length;
        for (HeaderField f : section.fields()) {
            for (int i = 0; i < FIELDS.length; i++) {
                if (raw[i] == null && f.is(FIELDS[i])) {
                    raw[i] = f.unfolded().strip();
                    missing--;
                    break;
                }
            }
            if (missing == 0) {
                break;
            }
        }
        return new Summary(raw[0], raw[1], raw[2] == null ? "" : HeaderText.decode(raw[2]),
                raw[3] == null ? "" : interner.derive(raw[3], MAILBOXES),
                raw[4] == null ? null : interner.derive(raw[4], MAILBOXES),
                raw[5] == null ? List.of() : interner.derive(raw[5], ADDRESSES), interner);
    }

    /** Each mailbox as a client shows it; a value that is no address list is shown as text. */
    private static List<String> addresses(String value) {
        try {
            List<Address> parsed = MailboxList.parse(value);
            List<String> out = new ArrayList<>(parsed.size());
            for (Address a : parsed) {
                out.add(a.display());
            }
            return out;
        } catch (MailboxList.AddressSyntaxException e) {
            return List.of(HeaderText.decode(value));
        }
    }

    public Optional<String> submissionId() {
        return submissionUuid ? Optional.of(UuidText.format(submissionHigh, submissionLow)) : Optional.ofNullable(submissionId);
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    public String subject() {
        return subject;
    }

    public String from() {
        return from;
    }

    public Optional<String> sender() {
        return Optional.ofNullable(sender);
    }

    public List<String> to() {
        return to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary h && submissionId().equals(h.submissionId()) && Objects.equals(messageId, h.messageId)
                && subject.equals(h.subject) && from.equals(h.from) && Objects.equals(sender, h.sender) && to.equals(h.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(submissionId(), messageId, subject, from, sender, to);
    }

    @Override
    public String toString() {
        return "Summary[from=" + from + ", to=" + to + ", subject=" + subject + "]";
    }
}
