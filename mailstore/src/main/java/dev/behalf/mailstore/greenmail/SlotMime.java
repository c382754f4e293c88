package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.store.StoredMessage;
import dev.behalf.mailstore.core.Message;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A placement's message as the {@code MimeMessage} GreenMail's FETCH, SEARCH and POP3 read: over the
 * store's shared bytes, never a copy. Its header block is parsed on first use ({@link LazyHeaders}),
 * its body is a stream over the same array, and its flags are the placement's. It is a
 * {@code UidAwareMimeMessage} because GreenMail's UID search term looks for one. Read-only: GreenMail
 * never changes a stored message's content, and the bytes are served as stored.
 */
final class SlotMime extends StoredMessage.UidAwareMimeMessage {
    private static final InternetHeaders UNUSED = new InternetHeaders();

    private final SlotMessage owner;
    private final byte[] bytes;

    SlotMime(SlotMessage owner) throws MessagingException {
        super(EmptyMime.INSTANCE, owner.getUid(), owner.getReceivedDate());
        this.owner = owner;
        Message m = owner.slot().message();
        this.bytes = m.bytes();
        this.headers = new LazyHeaders(bytes);
        this.contentStream = new SharedByteArrayInputStream(bytes, m.bodyOffset(), bytes.length - m.bodyOffset());
        this.content = null;
    }

    /** Called by the superclass's copy of the empty placeholder, before this object is set up: nothing to parse. */
    @Override
    protected InternetHeaders createInternetHeaders(InputStream is) {
        return UNUSED;
    }

    /**
     * The recipients with each group replaced by its members, as ENVELOPE lists them ({@link Envelope}): GreenMail's
     * SEARCH TO, CC and BCC compare whole addresses, so a group (one address, {@code Team: a@b, c@d;}) hid its
     * members from a search for them.
     */
    @Override
    public Address[] getRecipients(jakarta.mail.Message.RecipientType type) throws MessagingException {
        Address[] listed = super.getRecipients(type);
        if (listed == null) {
            return null;
        }
        List<Address> out = new ArrayList<>(listed.length);
        for (Address a : listed) {
            if (a instanceof InternetAddress group && group.isGroup()) {
                try {
                    out.addAll(List.of(group.getGroup(false)));
                    continue;
                } catch (AddressException unreadable) {
                    // kept as the one address it was read as
                }
            }
            out.add(a);
        }
        return out.toArray(new Address[0]);
    }

    @Override
    public Flags getFlags() {
        return owner.getFlags();
    }

    @Override
    public boolean isSet(Flags.Flag flag) {
        return owner.isSet(flag);
    }

    @Override
    public void setFlags(Flags flag, boolean set) {
        owner.setFlags(flag, set);
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        os.write(bytes);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        if (ignoreList == null) {
            os.write(bytes);
        } else {
            super.writeTo(os, ignoreList);
        }
    }
}
