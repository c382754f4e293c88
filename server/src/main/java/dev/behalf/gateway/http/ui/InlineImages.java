package dev.behalf.gateway.http.ui;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes {@code cid:} references of message HTML (RFC 2392) point at {@code data:} URIs of the
 * message's own image parts, so that inline images show under a policy that loads nothing else.
 */
final class InlineImages {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern CID = Pattern.compile("cid:([^\"'\\s)>]+)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DEPTH = 20;
    private static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    private InlineImages() {
    }

    static String embed(byte[] raw, String html) {
        if (!CID.matcher(html).find()) {
            return html;
        }
        Map<String, String> images = new HashMap<>();
        try {
            collect(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), images, 0);
        } catch (MessagingException | IOException e) {
            // A message MIME can't walk keeps its cid: links, which then show as broken images.
            return html;
        }
        Matcher m = CID.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String data = images.get(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(data != null ? data : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void collect(Part part, Map<String, String> images, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, images, depth + 1);
            }
            return;
        }
        String id = part instanceof MimePart mime ? mime.getContentID() : null;
        if (id == null || !part.isMimeType("image/*")) {
            return;
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_IMAGE_BYTES + 1);
            if (bytes.length <= MAX_IMAGE_BYTES) {
                String type = part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                String cid = id.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
                images.put(cid, "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
            }
        }
    }
}
