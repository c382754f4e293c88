package dev.behalf.mailstore.greenmail;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.OutputStream;
import java.util.Date;
import java.util.Properties;

/**
 * An empty, unchangeable message: what GreenMail's {@code StoredMessage} and {@code UidAwareMimeMessage}
 * constructors copy and parse when a {@link SlotMessage} or {@link SlotMime} is made, so that copying
 * costs next to nothing. Every method GreenMail's constructors call answers without state, so one
 * instance serves every thread.
 */
final class EmptyMime extends MimeMessage {
    /**
     * The session every view of the store's messages shares: UTF-8 in headers allowed (RFC 6532), and address
     * fields read as the policy and ENVELOPE read them ({@code MailboxList}: not strict), so GreenMail's SEARCH and
     * SORT find a message by the From and To a client is shown. Jakarta's strict default refused a whole field
     * over one malformed address in it.
     */
    static final Session SESSION;
    static final EmptyMime INSTANCE;

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.address.strict", "false");
        SESSION = Session.getInstance(p);
        INSTANCE = new EmptyMime();
    }

    private EmptyMime() {
        super(SESSION);
    }

    @Override
    public Flags getFlags() {
        return new Flags();
    }

    @Override
    public int getSize() {
        return 0;
    }

    @Override
    public void writeTo(OutputStream os) {
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) {
    }

    @Override
    public String[] getHeader(String name) {
        return null;
    }

    @Override
    public String getHeader(String name, String delimiter) {
        return null;
    }

    @Override
    public Date getSentDate() {
        return null;
    }

    @Override
    public String getContentType() {
        return "text/plain";
    }

    @Override
    public String getContentID() {
        return null;
    }

    @Override
    public String getDescription() {
        return null;
    }

    @Override
    public String getEncoding() {
        return null;
    }

    @Override
    public void setFlags(Flags flag, boolean set) {
        throw new UnsupportedOperationException("the placeholder message has no flags");
    }
}
