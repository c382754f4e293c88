package dev.behalf.testcontainers;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SubjectTerm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Jakarta Mail as a real client of a containerised Behalf: plain AUTH on submission, IMAP LOGIN. */
final class Mail {
    static final String PASSWORD = "P@ssw0rd";

    private Mail() {
    }

    /** Signs in as {@code login} on host:port and sends a message with this From. */
    static void send(String host, int port, String login, String from, String to, String subject) throws MessagingException {
        Properties p = new Properties();
        p.putAll(Map.of("mail.smtp.host", host, "mail.smtp.port", String.valueOf(port), "mail.smtp.auth", "true",
                "mail.smtp.connectiontimeout", "10000", "mail.smtp.timeout", "10000"));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText("Sent to a Behalf in a container.");
        Transport.send(m, login, PASSWORD);
    }

    /** A mailbox's Inbox messages with this subject, read over IMAP: each as its From and Sender lines. */
    static List<String[]> inbox(String host, int port, String login, String subject) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect(host, port, login, PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String[]> found = new ArrayList<>();
            for (Message m : inbox.search(new SubjectTerm(subject))) {
                found.add(new String[] {m.getHeader("From")[0], m.getHeader("Sender") == null ? null : m.getHeader("Sender")[0]});
            }
            inbox.close(false);
            return found;
        } finally {
            store.close();
        }
    }
}
