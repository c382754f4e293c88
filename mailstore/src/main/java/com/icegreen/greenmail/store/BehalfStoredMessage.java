package com.icegreen.greenmail.store;

import jakarta.mail.internet.MimeMessage;

/**
 * The base of Behalf's {@link StoredMessage}s: views over Behalf's own store
 * ({@code dev.behalf.mailstore.greenmail.SlotMessage}) that override every accessor.
 *
 * <p>Why this one class is in GreenMail's package: every IMAP and POP3 command takes messages as
 * {@link StoredMessage}, a class whose only constructor is package-private and, given a message,
 * copies it whole and parses it for IMAP ({@code UidAwareMimeMessage}, {@link SimpleMessageAttributes})
 * - the cost Behalf's store exists to avoid. Given an empty placeholder, that work is next to nothing,
 * and the subclass answers from the shared bytes instead. Compiled against GreenMail 2.1.13: an upgrade
 * that changes the constructor breaks the build here, not at run time.
 */
public abstract class BehalfStoredMessage extends StoredMessage {

    /** {@code placeholder}: an empty message, the one the superclass copies (and nothing reads). */
    protected BehalfStoredMessage(MimeMessage placeholder, long uid) {
        super(placeholder, null, uid);
    }
}
