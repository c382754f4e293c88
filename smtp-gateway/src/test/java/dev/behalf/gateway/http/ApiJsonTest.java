package dev.behalf.gateway.http;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.policy.directory.RecipientId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's records stand between the store (and the decision log) and the JSON: a raw record can't
 * be written, and a field the store adds is noticed here rather than dropped without a word.
 */
class ApiJsonTest {
    private static final MailboxKey KEY = new MailboxKey.Mailbox(new RecipientId(UUID.fromString("0796c9d5-019b-3ed6-8616-6a7199e3f4b6")));
    private static final MessageSummary SUMMARY = new MessageSummary(new MessageId("m1"), KEY, "INBOX", Optional.of("d1"),
            Optional.empty(), "Subject", "from@contoso.com", Optional.empty(), List.of("to@contoso.com"), Instant.EPOCH, 10, false);

    /** Each record the API shows, and the API record that shows it; components compared by name. */
    private static final Map<Class<?>, Class<?>> MAPPED = Map.of(
            MessageSummary.class, ApiJson.Summary.class,
            MailboxSummary.class, ApiJson.Mailbox.class,
            MailboxSummary.FolderSummary.class, ApiJson.Folder.class,
            DecisionRecord.class, ApiJson.Decision.class,
            DecisionRecord.Grant.class, ApiJson.Grant.class,
            DecisionRecord.LookAlike.class, ApiJson.LookAlike.class,
            MessageView.class, ApiJson.Message.class,
            MessageView.HeaderLine.class, ApiJson.Header.class,
            MessageView.Attachment.class, ApiJson.Attachment.class);

    /** Fields of theirs the API deliberately doesn't show (none yet). */
    private static final Set<String> NOT_SHOWN = Set.of();

    @Test
    void everyFieldOfARecordTheApiShowsIsMappedOrDeliberatelyLeftOut() {
        List<String> unmapped = new ArrayList<>();
        MAPPED.forEach((source, view) -> {
            Set<String> shown = Arrays.stream(view.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
            for (RecordComponent c : source.getRecordComponents()) {
                String name = source.getSimpleName() + "." + c.getName();
                if (!shown.contains(c.getName()) && !NOT_SHOWN.contains(name)) {
                    unmapped.add(name + " (add it to " + view.getSimpleName() + " and the README, or to NOT_SHOWN)");
                }
            }
        });
        assertTrue(unmapped.isEmpty(), "fields the API neither shows nor leaves out on purpose: " + unmapped);
    }

    @Test
    void theApiWritesNoStoreOrDecisionRecordAsItIs() {
        DecisionRecord decision = new DecisionRecord("d1", Instant.EPOCH, "Jim Hance", "jimh@contoso.com", "jimh", "jimh@contoso.com",
                List.of("x@contoso.com"), List.of("jimh@contoso.com"), Optional.empty(), Optional.empty(), "Self", "DATA", List.of(),
                List.of(), "250 2.6.0 ok", Optional.empty(), Optional.empty(), List.of(), 0);
        MailboxSummary box = new MailboxSummary(KEY, "Jim Hance", "jimh@contoso.com", List.of());
        StoredMessage stored = new StoredMessage(SUMMARY, "Subject: x\r\n\r\nx".getBytes());
        for (Object raw : List.of(SUMMARY, box, decision, stored, KEY, SUMMARY.id(), MessageView.of(stored, Optional.empty()),
                Map.of("nested", List.of(box)))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Json.write(raw), raw.getClass().getName());
            assertTrue(String.valueOf(e.getCause()).contains("the API shows a "), String.valueOf(e.getCause()));
        }
    }

    @Test
    void theApiRecordsWriteTheDocumentedShape() {
        assertEquals("{\"id\":{\"value\":\"m1\"},\"mailbox\":{\"id\":{\"guid\":\"0796c9d5-019b-3ed6-8616-6a7199e3f4b6\"}},"
                + "\"folder\":\"INBOX\",\"submissionId\":\"d1\",\"subject\":\"Subject\",\"from\":\"from@contoso.com\","
                + "\"to\":[\"to@contoso.com\"],\"received\":\"1970-01-01T00:00:00Z\",\"size\":10,\"seen\":false}",
                Json.write(ApiJson.Summary.of(SUMMARY)));
    }
}
