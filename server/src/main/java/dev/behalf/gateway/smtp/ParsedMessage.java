package dev.behalf.gateway.smtp;

import dev.behalf.message.Address;
import dev.behalf.message.HeaderField;
import dev.behalf.message.HeaderSection;
import dev.behalf.message.HeaderSyntaxException;
import dev.behalf.message.HeaderText;
import dev.behalf.message.MailboxList;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A submitted message's header section as the policy sees it: parsed once by {@link HeaderSection#parse}
 * (the parser every reader shares, which refuses whatever readers could read differently), and the
 * mailboxes that say who sends it. Parsing refuses rather than guesses: a second From or Sender, a group,
 * or an address that is not {@code local@domain}. The body is never parsed.
 *
 * @param resentFrom   every mailbox of every Resent-From field, in order (RFC 5322 §3.6.6)
 * @param resentSender the mailbox of every Resent-Sender field, in order
 * @param lookAlikes   display names (or comments) of these mailboxes that read as another address
 */
record ParsedMessage(HeaderSection section, List<Mailbox> from, Optional<Mailbox> sender, List<Mailbox> resentFrom,
                     List<Mailbox> resentSender, List<LookAlike> lookAlikes) {

    /**
     * Limits that keep a hostile message from costing more than a normal one.
     *
     * @param maxMimeDepth how deeply MIME parts may nest (see {@link MimeNesting})
     */
    public record Limits(int maxHeaderFields, int maxHeaderLineLength, int maxMimeDepth, int maxMimeParts) {
        public static final Limits DEFAULT = new Limits(1000, 998, 50, 250);
    }

    /** A display name that shows a reader an address the mailbox does not have. */
    record LookAlike(String field, String displayName, String address, String looksLike) {
    }

    ParsedMessage {
        from = List.copyOf(from);
        resentFrom = List.copyOf(resentFrom);
        resentSender = List.copyOf(resentSender);
        lookAlikes = List.copyOf(lookAlikes);
    }

    static ParsedMessage parse(byte[] raw, boolean utf8Headers, Limits limits) throws MalformedMessageException {
        HeaderSection section;
        try {
            section = HeaderSection.parse(raw, new HeaderSection.Rules(utf8Headers, limits.maxHeaderFields(), limits.maxHeaderLineLength()));
        } catch (HeaderSyntaxException e) {
            throw new MalformedMessageException(refusal(e.problem()), e.getMessage());
        }
        List<LookAlike> lookAlikes = new ArrayList<>();
        List<Mailbox> from = List.of();
        Optional<Mailbox> sender = Optional.empty();
        List<Mailbox> resentFrom = new ArrayList<>();
        List<Mailbox> resentSender = new ArrayList<>();
        for (HeaderField f : section.fields()) {
            if (f.is("From")) {
                if (!from.isEmpty()) {
                    throw new MalformedMessageException(Refusal.MALFORMED_HEADERS, "more than one From field (RFC 5322 3.6 allows one)");
                }
                from = mailboxes(f, "From", lookAlikes);
                if (from.isEmpty()) {
                    throw new MalformedMessageException(Refusal.NO_FROM, "the From field names no mailbox");
                }
            } else if (f.is("Sender")) {
                if (sender.isPresent()) {
                    throw new MalformedMessageException(Refusal.MALFORMED_HEADERS, "more than one Sender field (RFC 5322 3.6 allows one)");
                }
                sender = Optional.of(single(f, "Sender", lookAlikes));
            } else if (f.is("Resent-From")) {
                resentFrom.addAll(mailboxes(f, "Resent-From", lookAlikes));
            } else if (f.is("Resent-Sender")) {
                resentSender.add(single(f, "Resent-Sender", lookAlikes));
            }
        }
        return new ParsedMessage(section, from, sender, resentFrom, resentSender, lookAlikes);
    }

    byte[] raw() {
        return section.raw();
    }

    List<HeaderField> fields() {
        return section.fields();
    }

    int bodyStart() {
        return section.bodyStart();
    }

    Optional<String> messageId() {
        return section.messageId();
    }

    Optional<String> subject() {
        return section.subject();
    }

    boolean hasDate() {
        return section.first("Date").isPresent();
    }

    private static Refusal refusal(HeaderSyntaxException.Problem problem) {
        return switch (problem) {
            case BARE_CR -> Refusal.BARE_CARRIAGE_RETURN;
            case BARE_LF -> Refusal.BARE_LINEFEED;
            case NUL -> Refusal.NUL_CHARACTERS;
            case EIGHT_BIT -> Refusal.EIGHT_BIT_HEADERS_WITHOUT_SMTPUTF8;
            case LINE_TOO_LONG -> Refusal.LINE_TOO_LONG;
            case TOO_MANY_FIELDS -> Refusal.TOO_COMPLEX;
            case INVALID_UTF8, CONTINUATION_FIRST, BLANK_LINE, NOT_A_FIELD -> Refusal.MALFORMED_HEADERS;
        };
    }

    private static Mailbox single(HeaderField f, String field, List<LookAlike> lookAlikes) throws MalformedMessageException {
        List<Mailbox> s = mailboxes(f, field, lookAlikes);
        if (s.size() != 1) {
            throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " must hold exactly one mailbox");
        }
        return s.get(0);
    }

    /** The mailboxes of a field, parsed as IMAP ENVELOPE parses them ({@link MailboxList}). */
    private static List<Mailbox> mailboxes(HeaderField f, String field, List<LookAlike> lookAlikes) throws MalformedMessageException {
        List<Address> parsed;
        try {
            parsed = MailboxList.parse(f.value());
        } catch (MailboxList.AddressSyntaxException e) {
            throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " does not parse: " + e.getMessage());
        }
        List<Mailbox> out = new ArrayList<>(parsed.size());
        for (Address a : parsed) {
            if (a.group()) {
                throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " may not contain a group");
            }
            if (!HeaderText.decode(a.address()).equals(a.address())) {
                // RFC 2047 §5: never in an addr-spec. A reader that decodes it all the same (GreenMail's ENVELOPE did)
                // would show clients another address than the one the policy decided on.
                throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " address '" + a.address()
                        + "' holds an RFC 2047 encoded-word");
            }
            Optional<SmtpAddress> address = SmtpAddress.tryParse(a.address());
            if (address.isEmpty()) {
                throw new MalformedMessageException(Refusal.MALFORMED_ADDRESS, field + " address '" + a.address() + "' is not local@domain");
            }
            a.lookAlike().ifPresent(l -> lookAlikes.add(new LookAlike(field, a.displayName().orElseThrow(), address.get().toString(), l)));
            out.add(new Mailbox(a.displayName(), address.get()));
        }
        return out;
    }
}
