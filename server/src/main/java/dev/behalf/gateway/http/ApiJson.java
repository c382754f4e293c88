package dev.behalf.gateway.http;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.policy.directory.SmtpAddress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON API's own records for mail and decisions: each maps a store or decision-log record field by
 * field, so a field renamed or added there changes nothing here until someone writes it here. The
 * field names, their order and their nesting are the API's documented ones (README, HTTP API);
 * {@code ApiFieldsIT} pins them, endpoint by endpoint. {@link Json#write} refuses the source records
 * themselves.
 */
public final class ApiJson {
    private ApiJson() {
    }

    /** A message id: {@code {"value": "..."}}. */
    public record Id(String value) {
    }

    /** A directory mailbox's Guid: {@code {"guid": "..."}}. */
    public record Guid(String guid) {
    }

    /** An outside address of a capture box: {@code {"localPart": "...", "domain": "..."}}. */
    public record Address(String localPart, String domain) {
        static Address of(SmtpAddress a) {
            return new Address(a.localPart(), a.domain());
        }
    }

    /** Which box: a directory mailbox ({@code id}) or the capture of an outside address ({@code address}). */
    public record BoxKey(Optional<Guid> id, Optional<Address> address) {
        public static BoxKey of(MailboxKey key) {
            // MailboxKey is sealed: a Mailbox or an External (Java 17 has no pattern switch).
            return key instanceof MailboxKey.Mailbox m
                    ? new BoxKey(Optional.of(new Guid(m.id().guid().toString())), Optional.empty())
                    : new BoxKey(Optional.empty(), Optional.of(Address.of(((MailboxKey.External) key).address())));
        }
    }

    /** One folder with its counts. */
    public record Folder(String name, int messages, int unread) {
        public static Folder of(MailboxSummary.FolderSummary f) {
            return new Folder(f.name(), f.messages(), f.unread());
        }
    }

    /** {@code GET /api/mailboxes}: one box. */
    public record Mailbox(BoxKey key, String displayName, String address, List<Folder> folders) {
        public static Mailbox of(MailboxSummary s) {
            return new Mailbox(BoxKey.of(s.key()), s.displayName(), s.address(), s.folders().stream().map(Folder::of).toList());
        }
    }

    /** {@code GET /api/mailboxes/{address}/messages}: one stored copy as a list shows it. */
    public record Summary(Id id, BoxKey mailbox, String folder, Optional<String> submissionId, Optional<String> messageId,
                          String subject, String from, Optional<String> sender, List<String> to, Instant received, long size,
                          boolean seen) {
        public static Summary of(MessageSummary m) {
            return new Summary(new Id(m.id().value()), BoxKey.of(m.mailbox()), m.folder(), m.submissionId(), m.messageId(),
                    m.subject(), m.from(), m.sender(), m.to(), m.received(), m.size(), m.seen());
        }
    }

    /** {@code GET /api/decisions}: one submission attempt (fields as {@link DecisionRecord} explains them). */
    public record Decision(String id, Instant time, String account, String accountAddress, String login, String mailFrom,
                           List<String> rcptTo, List<String> headerFrom, Optional<String> headerSender,
                           Optional<String> deliveredSender, String outcome, String stage, List<String> because,
                           List<Grant> grants, String reply, Optional<String> messageId, Optional<String> subject,
                           List<String> reached, long directoryVersion, List<String> headerResentFrom,
                           Optional<String> deliveredResentSender, Optional<String> resentOutcome, List<Grant> resentGrants,
                           List<LookAlike> lookAlikes, String surface) {
        public static Decision of(DecisionRecord d) {
            return new Decision(d.id(), d.time(), d.account(), d.accountAddress(), d.login(), d.mailFrom(), d.rcptTo(),
                    d.headerFrom(), d.headerSender(), d.deliveredSender(), d.outcome(), d.stage(), d.because(),
                    d.grants().stream().map(Grant::of).toList(), d.reply(), d.messageId(), d.subject(), d.reached(),
                    d.directoryVersion(), d.headerResentFrom(), d.deliveredResentSender(), d.resentOutcome(),
                    d.resentGrants().stream().map(Grant::of).toList(), d.lookAlikes().stream().map(LookAlike::of).toList(),
                    d.surface());
        }
    }

    /** One of a decision's look-alike display names: a name that reads as an address the mailbox does not have. */
    public record LookAlike(String field, String displayName, String address, String looksLike) {
        static LookAlike of(DecisionRecord.LookAlike l) {
            return new LookAlike(l.field(), l.displayName(), l.address(), l.looksLike());
        }
    }

    /** Why one From address got its outcome. */
    public record Grant(String from, String outcome, String reason, Optional<String> target, Optional<String> trustee,
                        List<String> viaGroups) {
        static Grant of(DecisionRecord.Grant g) {
            return new Grant(g.from(), g.outcome(), g.reason(), g.target(), g.trustee(), g.viaGroups());
        }
    }

    /** {@code GET /api/messages/{id}}: one stored copy with its headers, bodies, attachments and decision. */
    public record Message(Summary summary, List<Header> headers, Optional<String> text, Optional<String> html,
                          List<Attachment> attachments, Optional<Decision> decision) {
        public static Message of(MessageView v) {
            return new Message(Summary.of(v.summary()), v.headers().stream().map(h -> new Header(h.name(), h.value())).toList(),
                    v.text(), v.html(), v.attachments().stream()
                    .map(a -> new Attachment(a.index(), a.filename(), a.contentType(), a.size())).toList(),
                    v.decision().map(Decision::of));
        }
    }

    /** One header field, decoded. */
    public record Header(String name, String value) {
    }

    /** An attachment; {@code index} addresses it under {@code /api/messages/{id}/attachments/{index}}. */
    public record Attachment(int index, String filename, String contentType, long size) {
    }
}
