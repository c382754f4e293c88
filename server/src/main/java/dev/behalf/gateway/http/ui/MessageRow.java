package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.MessageSummary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of the viewer's message list: a stored copy ({@code kind = "message"}) or a refused
 * submission from the decision log ({@code kind = "refused"}, {@code id} is the decision id).
 *
 * @param fromDisplay the From line as Outlook shows it ("Holly Holt on behalf of Sean Chai")
 * @param outcome     the decision of the submission (Self, SendAs, SendOnBehalf, Denied, Rejected),
 *                    when its record is known
 * @param lookAlikes  From or Sender mailboxes whose display name reads as another address, each as
 *                    {@code "name" <real address>} (the viewer flags them; the message keeps them as written)
 */
public record MessageRow(String kind, String id, String box, String folder, String subject, String from,
                         Optional<String> sender, String fromDisplay, List<String> to, Instant time, boolean seen,
                         long size, Optional<String> outcome, Optional<String> decisionId, Optional<String> reason,
                         Optional<String> reply, List<String> lookAlikes) {

    public MessageRow {
        to = List.copyOf(to);
        lookAlikes = List.copyOf(lookAlikes);
    }

    static MessageRow stored(MessageSummary m, String box, boolean seen, Optional<DecisionRecord> decision) {
        // Without its record (log cleared or capacity reached) the headers still tell Send on Behalf apart.
        Optional<String> outcome = decision.map(DecisionRecord::outcome)
                .or(() -> OutlookFrom.onBehalf(m.from(), m.sender()) ? Optional.of("SendOnBehalf") : Optional.empty());
        return new MessageRow("message", m.id().value(), box, m.folder(), m.subject(), m.from(), m.sender(),
                OutlookFrom.render(m.from(), m.sender()), m.to(), m.received(), seen, m.size(), outcome,
                m.submissionId(), decision.map(d -> String.join("; ", d.because())), decision.map(DecisionRecord::reply),
                OutlookFrom.lookAlikes(m.from(), m.sender()));
    }

    static MessageRow refused(DecisionRecord d) {
        String from = String.join(", ", d.headerFrom().isEmpty() ? List.of(d.mailFrom()) : d.headerFrom());
        return new MessageRow("refused", d.id(), "", "", d.subject().orElse(""), from, d.headerSender(),
                OutlookFrom.render(from, d.headerSender()), d.rcptTo(), d.time(), true, 0, Optional.of(d.outcome()),
                Optional.of(d.id()), Optional.of(String.join("; ", d.because())), Optional.of(d.reply()),
                OutlookFrom.lookAlikes(from, d.headerSender()));
    }
}
