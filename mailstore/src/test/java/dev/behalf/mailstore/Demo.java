package dev.behalf.mailstore;

import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The store's side of the demo: its mailboxes as keys, and messages and deliveries for them. The
 * directory itself and its people are {@link DemoDirectory} and {@code Cast}.
 */
public final class Demo {
    private Demo() {
    }

    public static MailboxKey mailbox(LiveDirectory live, String identity) {
        return new MailboxKey.Mailbox(DemoDirectory.id(live.current(), identity));
    }

    /** A small RFC 5322 message with CRLF line ends. */
    public static byte[] message(String from, String to, String subject) {
        return message(from, to, subject, UUID.randomUUID().toString());
    }

    public static byte[] message(String from, String to, String subject, String submissionId) {
        String text = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@contoso.com>\r\n"
                + "X-MS-Exchange-Organization-Network-Message-Id: " + submissionId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + "Hello from the tests.\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Delivery delivery(byte[] message, Placement... placements) {
        return new Delivery(message, List.of(placements));
    }
}
