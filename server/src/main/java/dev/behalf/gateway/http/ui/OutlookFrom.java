package dev.behalf.gateway.http.ui;

import dev.behalf.message.Address;
import dev.behalf.message.MailboxList;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the From line as Outlook does: "Holly Holt on behalf of Sean Chai" when a Sender who is
 * not a From mailbox is present (Send on Behalf, spec §4 step 4), otherwise the From display names
 * alone (Self, and Send As, which leaves no trace of the delegate). A display name that reads as another
 * address ({@code "ayla@contoso.com" <jimh@contoso.com>}) is shown with the real address next to it, so
 * the viewer never shows someone else's address as the sender's name. Addresses are read as the gateway
 * and IMAP read them ({@link MailboxList}).
 */
public final class OutlookFrom {
    private OutlookFrom() {
    }

    /** @param from the From header value; @param sender the Sender header value, when present */
    public static String render(String from, Optional<String> sender) {
        List<Address> froms = MailboxList.read(from);
        String fromNames = froms.isEmpty() ? from.strip() : String.join("; ", froms.stream().map(OutlookFrom::name).toList());
        return delegate(froms, sender).map(d -> d + " on behalf of " + fromNames).orElse(fromNames);
    }

    /** Whether the headers show a delegate sending on behalf of the From mailbox. */
    public static boolean onBehalf(String from, Optional<String> sender) {
        return delegate(MailboxList.read(from), sender).isPresent();
    }

    /** The address-like display names of the From and Sender mailboxes that are not their own address. */
    public static List<String> lookAlikes(String from, Optional<String> sender) {
        return java.util.stream.Stream.concat(MailboxList.read(from).stream(), sender.map(MailboxList::read).orElse(List.of()).stream())
                .filter(a -> a.lookAlike().isPresent()).map(Address::display).toList();
    }

    /** The Sender's display name when the Sender is not one of the From mailboxes. */
    private static Optional<String> delegate(List<Address> froms, Optional<String> sender) {
        List<Address> senders = sender.map(MailboxList::read).orElse(List.of());
        if (senders.isEmpty()) {
            return Optional.empty();
        }
        Address s = senders.get(0);
        return froms.stream().anyMatch(f -> same(f, s)) ? Optional.empty() : Optional.of(name(s));
    }

    private static boolean same(Address a, Address b) {
        return a.address().toLowerCase(Locale.ROOT).equals(b.address().toLowerCase(Locale.ROOT));
    }

    /** The display name, or the address when there is none; a look-alike name with the real address. */
    private static String name(Address a) {
        if (a.lookAlike().isPresent()) {
            return a.display();
        }
        return a.displayName().map(String::strip).orElse(a.address());
    }
}
