/**
 * The GreenMail-backed {@link dev.behalf.mailstore.MailStore}: the only package that imports GreenMail.
 * {@link dev.behalf.mailstore.greenmail.GreenMailStore} holds every directory mailbox and external
 * capture box in GreenMail's in-memory store, serves them over IMAP and POP3 with sign-in (owners and Full
 * Access delegates) decided against the directory, and mirrors every change into the data dir when there
 * is one.
 */
package dev.behalf.mailstore.greenmail;
