/**
 * Where accepted mail lives: the {@link dev.behalf.mailstore.MailStore} interface the gateway delivers
 * into and the HTTP API reads from, and its value types. Implementations: {@code greenmail}
 * (GreenMail's store served over IMAP/POP3), made durable by {@code durable}.
 *
 * <pre>{@code
 * store.deliver(new Delivery(section, List.of(Placement.inbox(new MailboxKey.Mailbox(id)))));   // section: the gateway's HeaderSection
 * }</pre>
 */
package dev.behalf.mailstore;
