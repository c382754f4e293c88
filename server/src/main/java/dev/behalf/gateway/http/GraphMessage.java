package dev.behalf.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.message.MailboxList;
import dev.behalf.policy.directory.SmtpAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The body of a Graph {@code sendMail} request, read and turned into the RFC 5322 message the submission
 * pipeline takes: {@code {"message":{subject, body{contentType, content}, from, sender, toRecipients,
 * ccRecipients, bccRecipients, replyTo, attachments[#microsoft.graph.fileAttachment]}, "saveToSentItems"}}.
 * The MIME structure is Jakarta Mail's; every header value is written here, so that no text from the request
 * can break a line: a value that is not plain printable ASCII becomes RFC 2047 encoded-words (a file name
 * RFC 2231's {@code filename*}), whatever line breaks or controls it holds. The pipeline's header parse then
 * reads it as every other submission. {@code from} absent is left to the caller (the mailbox sending).
 *
 * @param from      {@code message.from}, when given
 * @param sender    {@code message.sender}, when given
 * @param envelope  every To, Cc and Bcc address, in order, each once
 * @param saveToSentItems Graph's default is true
 */
record GraphMessage(Optional<Mailbox> from, Optional<Mailbox> sender, List<SmtpAddress> envelope, boolean saveToSentItems,
                    JsonNode message) {

    /** A mailbox as Graph's {@code emailAddress} gives it. */
    record Mailbox(Optional<String> name, SmtpAddress address) {
    }

    /** Graph's answer to a request body it can't use: the error code and message of its error JSON. */
    static final class Invalid extends Exception {
        private final String code;

        Invalid(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private static final Pattern MIME_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+");
    private static final Pattern ATOM_TEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ .-]*");
    /** No {@code name} parameter copied from the file name into Content-Type: the disposition carries it, encoded. */
    private static final Session SESSION = Session.getInstance(properties("mail.mime.setcontenttypefilename", "false"));

    private static Properties properties(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    static GraphMessage read(byte[] body) throws Invalid {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new Invalid("RequestBodyRead", "Invalid JSON. " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("RequestBodyRead", "The request body must be a JSON object with a 'message' property.");
        }
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new Invalid("ErrorInvalidRequest", "Empty Payload, JSON content expected: the request has no 'message' object.");
        }
        JsonNode save = root.get("saveToSentItems");
        if (save != null && !save.isNull() && !save.isBoolean()) {
            throw new Invalid("RequestBodyRead", "Cannot convert the literal '" + save + "' to the expected type 'Edm.Boolean'.");
        }
        List<SmtpAddress> envelope = new ArrayList<>();
        for (String field : List.of("toRecipients", "ccRecipients", "bccRecipients")) {
            for (Mailbox m : recipients(message, field)) {
                if (!envelope.contains(m.address())) {
                    envelope.add(m.address());
                }
            }
        }
        if (envelope.isEmpty()) {
            throw new Invalid("ErrorInvalidRecipients", "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        }
        return new GraphMessage(single(message, "from"), single(message, "sender"), envelope,
                save == null || save.isNull() || save.asBoolean(), message);
    }

    /** The RFC 5322 message, with {@code from} (the request's, or the caller's default) as its From. */
    byte[] mime(Mailbox effectiveFrom) throws Invalid {
        return mime(effectiveFrom, sender);
    }

    /** As {@link #mime(Mailbox)}, with the Sender as the caller completed it. */
    byte[] mime(Mailbox effectiveFrom, Optional<Mailbox> sender) throws Invalid {
        try {
            MimeMessage m = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() {
                    // The pipeline gives a message without one its Message-ID, as Exchange does for SMTP.
                }
            };
            m.setHeader("From", mailbox("From", effectiveFrom));
            if (sender.isPresent()) {
                m.setHeader("Sender", mailbox("Sender", sender.get()));
            }
            list(m, "To", recipients(message, "toRecipients"));
            list(m, "Cc", recipients(message, "ccRecipients"));
            list(m, "Reply-To", recipients(message, "replyTo"));
            text(message, "subject").filter(s -> !s.isEmpty()).ifPresent(s -> header(m, "Subject", s));
            Body body = body(message.get("body"));
            List<MimeBodyPart> attachments = attachments(message.get("attachments"));
            if (attachments.isEmpty()) {
                m.setText(body.content(), "UTF-8", body.subtype());
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body.content(), "UTF-8", body.subtype());
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(text);
                for (MimeBodyPart a : attachments) {
                    mixed.addBodyPart(a);
                }
                m.setContent(mixed);
            }
            m.saveChanges();
            // Angus stamps a Date from the system clock; the pipeline dates the message with Behalf's, as for SMTP.
            m.removeHeader("Date");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new Invalid("ErrorInvalidRequest", "The message can't be built: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Body(String subtype, String content) {
    }

    private static Body body(JsonNode body) throws Invalid {
        String type = "text/plain";
        String content = "";
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                throw new Invalid("RequestBodyRead", "The property 'body' must be an itemBody object.");
            }
            String kind = text(body, "contentType").orElse("Text");
            type = switch (kind.toLowerCase(Locale.ROOT)) {
                case "text" -> "text/plain";
                case "html" -> "text/html";
                default -> throw new Invalid("RequestBodyRead", "Requested value '" + kind + "' was not found: body.contentType is Text or HTML.");
            };
            content = text(body, "content").orElse("");
        }
        return new Body(type.substring("text/".length()), content);
    }

    private static List<MimeBodyPart> attachments(JsonNode list) throws Invalid, MessagingException {
        List<MimeBodyPart> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new Invalid("RequestBodyRead", "The property 'attachments' must be an array.");
        }
        for (JsonNode a : list) {
            String odata = text(a, "@odata.type").orElse("");
            if (!odata.equals("#microsoft.graph.fileAttachment")) {
                throw new Invalid("ErrorInvalidRequest", "Only #microsoft.graph.fileAttachment attachments can be sent this way; got '" + odata + "'.");
            }
            String name = text(a, "name").filter(n -> !n.isBlank()).orElse("attachment");
            String type = text(a, "contentType").filter(t -> !t.isBlank()).orElse("application/octet-stream");
            if (!MIME_TYPE.matcher(type).matches()) {
                throw new Invalid("ErrorInvalidRequest", "The attachment '" + name + "' has contentType '" + type + "', which is not type/subtype.");
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(text(a, "contentBytes").orElse(""));
            } catch (IllegalArgumentException e) {
                throw new Invalid("RequestBodyRead", "The attachment '" + name + "' has contentBytes that are not base64: " + e.getMessage());
            }
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
            part.setHeader("Content-Type", type);
            part.setHeader("Content-Disposition", "attachment; " + fileName(name));
            part.setHeader("Content-Transfer-Encoding", "base64");
            out.add(part);
        }
        return out;
    }

    /** {@code filename="..."} for a plain name, RFC 2231's {@code filename*=UTF-8''...} for any other. */
    static String fileName(String name) {
        if (ATOM_TEXT.matcher(name).matches()) {
            return "filename=\"" + name + "\"";
        }
        return "filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void list(MimeMessage m, String field, List<Mailbox> mailboxes) throws MessagingException {
        if (!mailboxes.isEmpty()) {
            m.setHeader(field, String.join(",\r\n ", mailboxes.stream().map(b -> mailbox(field, b)).toList()));
        }
    }

    private static void header(MimeMessage m, String field, String value) {
        try {
            m.setHeader(field, phrase(value));
        } catch (MessagingException e) {
            throw new IllegalStateException("setting " + field, e);
        }
    }

    /**
     * {@code Name <address>} as Behalf writes every mailbox it puts in a header (the stamped Sender too):
     * {@link MailboxList#headerValue}, which turns control characters into spaces and defuses {@code =?}.
     */
    static String mailbox(String field, Mailbox m) {
        return MailboxList.headerValue(field, m.name().orElse(""), m.address().toString());
    }

    /** Unstructured text (Subject): as is when printable ASCII, otherwise encoded-words, which hold no line break. */
    static String phrase(String text) {
        return printable(text) ? text : encoded(text);
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 2047 B encoded-words of UTF-8, each at most 75 characters (§2), split between code points (§5), folded.
     * Written here because Jakarta's {@code MimeUtility.encodeWord} leaves text it counts as ASCII as it is, and
     * it counts CR and LF as ASCII.
     */
    static String encoded(String text) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (word.size() + b.length > 45) {
                flush(out, word);
            }
            word.write(b, 0, b.length);
            i += Character.charCount(cp);
        }
        flush(out, word);
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream word) {
        if (word.size() == 0) {
            return;
        }
        out.append(out.isEmpty() ? "" : "\r\n ").append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(word.toByteArray())).append("?=");
        word.reset();
    }

    private static Optional<String> text(JsonNode node, String field) throws Invalid {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new Invalid("RequestBodyRead", "The property '" + field + "' must be a string; got " + v.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        return Optional.of(v.asText());
    }

    private static Optional<Mailbox> single(JsonNode message, String field) throws Invalid {
        JsonNode v = message.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(recipient(v, field));
    }

    private static List<Mailbox> recipients(JsonNode message, String field) throws Invalid {
        JsonNode v = message.get(field);
        List<Mailbox> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new Invalid("RequestBodyRead", "The property '" + field + "' must be an array of recipients.");
        }
        for (JsonNode r : v) {
            out.add(recipient(r, field));
        }
        return out;
    }

    private static Mailbox recipient(JsonNode r, String field) throws Invalid {
        JsonNode email = r.isObject() ? r.get("emailAddress") : null;
        if (email == null || !email.isObject()) {
            throw new Invalid("RequestBodyRead", "Each entry of '" + field + "' is a recipient: {\"emailAddress\":{\"address\":...}}.");
        }
        String address = text(email, "address").orElse("");
        Optional<SmtpAddress> parsed = printable(address) ? SmtpAddress.tryParse(address.strip()) : Optional.empty();
        if (parsed.isEmpty()) {
            throw new Invalid("ErrorInvalidRecipients", "At least one recipient isn't valid., Recipient '" + address.strip()
                    + "' in " + field + " is not a valid SMTP address.");
        }
        return new Mailbox(text(email, "name"), parsed.get());
    }
}
