package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.store.BehalfStoredMessage;
import com.icegreen.greenmail.store.MailMessageAttributes;
import dev.behalf.mailstore.core.FlagSet;
import dev.behalf.mailstore.core.Message;
import dev.behalf.mailstore.core.MessageStore;
import dev.behalf.mailstore.core.Slot;
import dev.behalf.message.HeaderSection;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * One placement as GreenMail's commands see a stored message: made when a command asks for it, kept
 * no longer than the command, and answering from the placement and its shared message. Flags read
 * and write the placement; the MIME view ({@link SlotMime}) is made on first use; IMAP's envelope and
 * body structure are computed once per message, on the first FETCH that needs them, and kept with it
 * ({@link ImapViews}).
 */
final class SlotMessage extends BehalfStoredMessage {
    private static final DateTimeFormatter INTERNALDATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss xx", Locale.US);

    private final MessageStore store;
    private final Slot slot;
    private final long uid;
    private SlotMime mime;
    private int msn;

    /** Call under the store's lock, so the UID read is the slot's current one. */
    SlotMessage(MessageStore store, Slot slot) {
        this(store, slot, slot.uid());
    }

    /** {@code uid}: the slot's UID when the command that asks looked at the folder. */
    SlotMessage(MessageStore store, Slot slot, long uid) {
        super(EmptyMime.INSTANCE, uid);
        this.store = store;
        this.slot = slot;
        this.uid = uid;
    }

    Slot slot() {
        return slot;
    }

    @Override
    public MimeMessage getMimeMessage() {
        if (mime == null) {
            try {
                mime = new SlotMime(this);
            } catch (MessagingException e) {
                throw new IllegalStateException("can't read stored message " + slot.id(), e);
            }
            if (msn > 0) {
                mime.updateMessageNumber(msn);
            }
        }
        return mime;
    }

    @Override
    public Flags getFlags() {
        int bits;
        java.util.Set<String> keywords;
        store.lock();
        try {
            bits = slot.flags();
            keywords = slot.removed() ? java.util.Set.of() : slot.folder().keywords(slot);
        } finally {
            store.unlock();
        }
        return FlagCodec.flags(bits, keywords);
    }

    @Override
    public boolean isSet(Flags.Flag flag) {
        return FlagSet.has(slot.flags(), FlagCodec.bit(flag));
    }

    /** As GreenMail's own: the placement changes, and no session is told (POP3 DELE and RETR, FETCH's \Seen). */
    @Override
    public void setFlag(Flags.Flag flag, boolean value) {
        setFlags(new Flags(flag), value);
    }

    @Override
    public void setFlags(Flags flags, boolean value) {
        store.run(() -> {
            if (slot.removed()) {
                return;
            }
            int bits = FlagCodec.bits(flags);
            java.util.Set<String> keywords = new java.util.LinkedHashSet<>(slot.folder().keywords(slot));
            if (value) {
                keywords.addAll(FlagCodec.keywords(flags));
            } else {
                keywords.removeAll(FlagCodec.keywords(flags));
            }
            store.setFlags(slot, value ? slot.flags() | bits : slot.flags() & ~bits, keywords, null, false, false);
        });
    }

    @Override
    public Date getReceivedDate() {
        return new Date(slot.received());
    }

    @Override
    public long getUid() {
        return uid;
    }

    @Override
    public MailMessageAttributes getAttributes() {
        return new Attributes();
    }

    @Override
    public void updateMessageNumber(int messageNumber) {
        msn = messageNumber;
        if (mime != null) {
            mime.updateMessageNumber(messageNumber);
        }
    }

    /** What FETCH asks of a message: date and size from the placement, the rest computed once per message. */
    private final class Attributes implements MailMessageAttributes {
        @Override
        public Date getReceivedDate() {
            return SlotMessage.this.getReceivedDate();
        }

        @Override
        public String getReceivedDateAsString() {
            return INTERNALDATE.format(Instant.ofEpochMilli(slot.received()).atZone(ZoneId.systemDefault()));
        }

        @Override
        public int getSize() {
            return slot.message().size();
        }

        @Override
        public String getEnvelope() {
            return views().envelope();
        }

        @Override
        public String getBodyStructure(boolean includeExtensions) {
            return views().bodyStructure(includeExtensions);
        }

        private ImapViews views() {
            Message m = slot.message();
            Object cached = m.protocolView();
            if (cached instanceof ImapViews v) {
                return v;
            }
            ImapViews v = new ImapViews(m);
            m.protocolView(v);
            return v;
        }
    }

    /**
     * A message's ENVELOPE ({@link Envelope}) and BODY/BODYSTRUCTURE ({@link BodyStructure}, from the reading the
     * body sections are cut by), each computed on first use and kept with the message. Filling one twice, from two
     * sessions at once, computes the same text.
     */
    private static final class ImapViews {
        private final Message message;
        private volatile String envelope;
        private volatile String body;
        private volatile String bodyStructure;

        ImapViews(Message message) {
            this.message = message;
        }

        String envelope() {
            String e = envelope;
            if (e == null) {
                e = Envelope.of(HeaderSection.read(message.bytes()));
                envelope = e;
            }
            return e;
        }

        String bodyStructure(boolean extensions) {
            String s = extensions ? bodyStructure : body;
            if (s == null) {
                s = BodyStructure.of(message.bytes(), message.bodyOffset(), extensions, held -> Envelope.of(held.headers()));
                if (extensions) {
                    bodyStructure = s;
                } else {
                    body = s;
                }
            }
            return s;
        }
    }
}
