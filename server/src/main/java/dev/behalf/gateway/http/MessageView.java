package dev.behalf.gateway.http;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.message.HeaderSection;
import dev.behalf.message.HeaderText;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A stored message as the API shows it: the summary, every header field (decoded), the text and
 * HTML bodies, the attachments, and the decision record of its submission.
 */
public record MessageView(MessageSummary summary, List<HeaderLine> headers, Optional<String> text, Optional<String> html,
                          List<Attachment> attachments, Optional<DecisionRecord> decision) {

    public record HeaderLine(String name, String value) {
    }

    /** An attachment; {@code index} addresses it under {@code /api/messages/{id}/attachments/{index}}. */
    public record Attachment(int index, String filename, String contentType, long size) {
    }

    /** As the store reads (SMTPUTF8 messages carry UTF-8 in their headers, RFC 6532). */
    private static final Session SESSION = Session.getInstance(utf8());
    private static final int MAX_DEPTH = 20;

    public static MessageView of(StoredMessage stored, Optional<DecisionRecord> decision) {
        // The header section as the gateway and IMAP read it: one parser, one line rule (dev.behalf.message).
        List<HeaderLine> headers = HeaderSection.read(stored.raw()).fields().stream()
                .map(f -> new HeaderLine(f.name(), f.text())).toList();
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(stored.raw()));
            Parts parts = new Parts();
            parts.walk(mime, 0);
            return new MessageView(stored.summary(), headers, Optional.ofNullable(parts.text), Optional.ofNullable(parts.html),
                    parts.attachments, decision);
        } catch (MessagingException | IOException | RuntimeException e) {
            // A stored message that MIME can't walk still shows its summary and headers.
            return new MessageView(stored.summary(), headers, Optional.empty(), Optional.empty(), List.of(), decision);
        }
    }

    private static Properties utf8() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    /** The bytes of the {@code index}-th attachment, with its content type. */
    public static Optional<Part> attachment(StoredMessage stored, int index) {
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(stored.raw()));
            Parts parts = new Parts();
            parts.walk(mime, 0);
            return index >= 0 && index < parts.attachmentParts.size() ? Optional.of(parts.attachmentParts.get(index)) : Optional.empty();
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }

    private static final class Parts {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
        final List<Part> attachmentParts = new ArrayList<>();

        void walk(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    walk(bp, depth + 1);
                }
                return;
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (!attachment && part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (!part.isMimeType("multipart/*")) {
                String name = part.getFileName() != null ? HeaderText.decode(HeaderText.unfold(part.getFileName())) : "part-" + (attachments.size() + 1);
                attachments.add(new Attachment(attachments.size(), name, part.getContentType().split(";")[0].strip(), Math.max(0, part.getSize())));
                attachmentParts.add(part);
            }
        }
    }
}
