/**
 * The header section of a message, read under one line rule by everyone: the gateway decides on
 * {@link dev.behalf.message.HeaderSection#parse}, which refuses every section readers could read
 * differently, and readers of stored mail (the web UI, the store) use {@link dev.behalf.message.HeaderSection#read},
 * which reads as Jakarta Mail and so as GreenMail's IMAP does. Unfolding and RFC 2047 decoding are in
 * {@link dev.behalf.message.HeaderText}, address lists in {@link dev.behalf.message.MailboxList}.
 *
 * <pre>{@code
 * HeaderSection h = HeaderSection.parse(bytes, HeaderSection.Rules.SUBMISSION);   // or throws HeaderSyntaxException
 * List<Address> from = MailboxList.parse(h.first("From").orElseThrow().value());
 * HeaderSection delivered = h.edit().remove("Sender").insertAfter("From", "Sender: " + stamp).apply();
 * }</pre>
 */
package dev.behalf.message;
