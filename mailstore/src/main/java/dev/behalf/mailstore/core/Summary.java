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
 * {@code Display Name <address>}. Derived from a {@link HeaderSection} (the gateway's own parse for a
 * submission, {@link HeaderSection#read} for an IMAP APPEND or a restart), never from a reading of the
 * bytes of its own: every line rule and unfold is the {@code message} module's.
 */
public final class Summary {
    static final String NETWORK_MESSAGE_ID = "X-MS-Exchange-Organization-Network-Message-Id";
    private static final String[] FIELDS = {NETWORK_MESSAGE_ID, "Message-ID", "Subject", "From", "Sender", "To"};
    private static final byte HAS_SUBMISSION_ID = 1;
    private static final byte HAS_MESSAGE_ID = 2;
    private static final Function<String, String> MAILBOXES = v -> String.join(", ", addresses(v));
    private static final Function<String, List<String>> ADDRESSES = Summary::addresses;

    // One of these is kept per stored message, so it is small: the values seldom shared (submission id,
    // Message-ID, subject) in one string, the ones often shared (From, Sender, To) interned.
    private final String unique;
    private final int submissionIdEnd;
    private final int messageIdEnd;
    private final byte present;
    private final String from;
    private final String sender;
    private final List<String> to;

    private Summary(String submissionId, String messageId, String subject, String from, String sender, List<String> to,
                    Interner interner) {
        String s = submissionId == null ? "" : submissionId;
        String m = messageId == null ? "" : messageId;
        this.unique = s + m + subject;
        this.submissionIdEnd = s.length();
        this.messageIdEnd = s.length() + m.length();
        this.present = (byte) ((submissionId == null ? 0 : HAS_SUBMISSION_ID) | (messageId == null ? 0 : HAS_MESSAGE_ID));
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
        return (present & HAS_SUBMISSION_ID) == 0 ? Optional.empty() : Optional.of(unique.substring(0, submissionIdEnd));
    }

    public Optional<String> messageId() {
        return (present & HAS_MESSAGE_ID) == 0 ? Optional.empty() : Optional.of(unique.substring(submissionIdEnd, messageIdEnd));
    }

    public String subject() {
        return unique.substring(messageIdEnd);
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
        return o instanceof Summary h && unique.equals(h.unique) && submissionIdEnd == h.submissionIdEnd
                && messageIdEnd == h.messageIdEnd && present == h.present && from.equals(h.from)
                && Objects.equals(sender, h.sender) && to.equals(h.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unique, submissionIdEnd, messageIdEnd, present, from, sender, to);
    }

    @Override
    public String toString() {
        return "Summary[from=" + from + ", to=" + to + ", subject=" + subject() + "]";
    }
}
