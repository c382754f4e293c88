/**
 * GreenMail's IMAP and POP3 servers over Behalf's store: the only package that imports GreenMail.
 * {@link dev.behalf.mailstore.greenmail.GreenMailStore} is the {@link dev.behalf.mailstore.MailStore}
 * Behalf runs: the store of {@code dev.behalf.mailstore.core}, served through GreenMail's own storage
 * interfaces ({@code ImapStore} for {@code Store}, {@code ImapFolder} for {@code MailFolder},
 * {@code SlotMessage} for {@code StoredMessage}), with sign-in (owners and Full Access delegates)
 * decided against the directory.
 */
package dev.behalf.mailstore.greenmail;
